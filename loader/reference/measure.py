"""Measure the calibration keys from the generated tables (no database): the same keys the Cypher
calibration queries return from the loaded graph (cypher/calibration/*.cypher). Used by the tests (scale 10
shares) and while developing the generator (`valuenet figures reference --generated`); `valuenet figures
reference` measures the loaded graph.

Keys: see loader/reference/data/targets.csv (`num` / `den` columns) and calibrate.py.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from typing import Any

import numpy as np
import pandas as pd

from loader import dimensions as dims
from loader.reference.generate import Dataset
from valuenet.model import MODEL

DOMESTIC = {"CN", "HK", "MO", "TW"}


def _industry_tables() -> tuple[dict[str, str], dict[str, str]]:
    section, tier = {}, {}
    for i in dims.industries():
        section[i.code] = i.parent or i.code
        tier[i.code] = i.tier or ""
    return section, tier


def _tally_partners(
    out: dict[str, float],
    dim: str,
    kind: str,
    p: np.ndarray,
    domestic: np.ndarray,
    country: np.ndarray,
    province: np.ndarray,
) -> None:
    """Count the partners `p` of one relation kind, and of the whole dimension: in all, domestic vs foreign,
    foreign ones by country, domestic ones by province (the report's §V distributions)."""
    out[f"{dim}:{kind}"] += len(p)
    out[f"{dim}:all"] += len(p)
    for key, n in Counter(np.where(domestic[p], "domestic", "foreign")).items():
        out[f"{dim}:{kind}:{key}"] += n
        out[f"{dim}:{key}"] += n
    for c, n in Counter(country[p[~domestic[p]]]).items():
        out[f"{dim}:{kind}:country:{c}"] += n
        out[f"{dim}:all:country:{c}"] += n
    for c, n in Counter(province[p[domestic[p]]]).items():
        if c:
            out[f"{dim}:{kind}:province:{c}"] += n
            out[f"{dim}:all:province:{c}"] += n


def measure(ds: Dataset) -> dict[str, float]:
    orgs, rels = ds.orgs, ds.rels
    out: defaultdict[str, float] = defaultdict(float)
    idx = {k: i for i, k in enumerate(orgs["id"])}
    sample = orgs["sample"].to_numpy(dtype=bool)
    country = orgs["country"].fillna("").to_numpy(dtype=object)
    province = orgs["province"].fillna("").to_numpy(dtype=object)
    city = orgs["city"].fillna("").to_numpy(dtype=object)
    industry = orgs["industry"].fillna("").to_numpy(dtype=object)
    names = orgs["name_zh"].to_numpy(dtype=object)
    synthetic = orgs["synthetic"].to_numpy(dtype=bool)
    domestic = np.array([c in DOMESTIC for c in country])
    section_of, tier_of = _industry_tables()
    value = rels[rels["type"].isin(MODEL.value_types)]
    src = value["source"].map(idx).to_numpy()
    dst = value["target"].map(idx).to_numpy()
    typ = value["type"].to_numpy()
    exp = value["experience"].fillna("").to_numpy(dtype=object)
    touch = sample[src] | sample[dst]
    nodes = np.unique(np.concatenate([src[touch], dst[touch], np.flatnonzero(sample)]))
    out["network:sample_nodes"] = int(sample.sum())
    out["network:relation_nodes"] = int((~sample[nodes]).sum())
    out["network:nodes"] = len(nodes)
    out["network:edges"] = int(touch.sum())

    # technology: input = partner -> sample, empowerment = sample -> partner (partner = the other end)
    for d, mask, partner, _own in (
        ("input", (typ == "EMPOWERS") & sample[dst], src, dst),
        ("empowerment", (typ == "EMPOWERS") & sample[src], dst, src),
    ):
        p = partner[mask]
        _tally_partners(out, "tech", d, p, domestic, country, province)
        for c, n in Counter(_city(city[p[domestic[p]]], province[p[domestic[p]]])).items():
            if c:
                out[f"tech:{d}:city:{c}"] += n
                out[f"tech:all:city:{c}"] += n
        for ind, n in Counter(industry[p]).items():
            if not ind:
                continue
            sect = section_of.get(ind, ind)
            out[f"sector:{d}:code:{ind}"] += n
            if ind == "AI":
                out[f"sector:{d}:AI"] += n
                continue
            out[f"sector:{d}:converged"] += n
            out[f"sector:{d}:tier:{tier_of.get(ind, '')}"] += n
            out[f"sector:{d}:section:{sect}"] += n
            out[f"sector:coop:section:{sect}"] += n
            out[f"sector:coop:tier:{tier_of.get(ind, '')}"] += n
            if ind != sect:
                out[f"sector:{d}:division:{ind}"] += n
                out[f"sector:coop:division:{ind}"] += n
    # technology degrees of every named (observed) organisation
    emp = typ == "EMPOWERS"
    for arr, suffix in ((dst[emp], "in"), (src[emp], "out")):
        for i, n in Counter(arr).items():
            if not synthetic[i]:
                out[f"techdeg:{names[i]}:{suffix}"] += n
                out[f"techdeg:{names[i]}:deg"] += n

    # human capital: provider -> sample
    for e in ("study", "work"):
        mask = (typ == "SUPPLIES_TALENT") & (exp == e) & sample[dst]
        p = src[mask]
        _tally_partners(out, "hc", e, p, domestic, country, province)
        for i, n in Counter(p).items():
            if not synthetic[i]:
                out[f"hcdeg:{e}:{names[i]}"] += n

    # investment: received = INVESTS_IN into a sample; made = INVESTS_IN from a sample to a non-sample,
    # plus ACQUIRES from a sample; geography counts each INVESTS_IN event at both ends
    inv = (typ == "INVESTS_IN") & (sample[src] | sample[dst])
    recv = inv & sample[dst]
    made = inv & sample[src] & ~sample[dst]
    acq = (typ == "ACQUIRES") & sample[src]
    out["inv:received"] = int(recv.sum())
    out["inv:made"] = int(made.sum() + acq.sum())
    out["inv:acquisitions"] = int(acq.sum())
    out["inv:events"] = int(inv.sum())
    s_inv, d_inv = src[inv], dst[inv]
    out["inv:investor:domestic"] = int(domestic[s_inv].sum())
    out["inv:investor:foreign"] = int((~domestic[s_inv]).sum())
    out["inv:investee:domestic"] = int(domestic[d_inv].sum())
    out["inv:geo:total"] = 2 * len(s_inv)
    out["inv:geo:domestic"] = int(domestic[s_inv].sum() + domestic[d_inv].sum())
    out["inv:geo:foreign"] = int((~domestic[s_inv]).sum() + (~domestic[d_inv]).sum())
    for c, n in Counter(country[s_inv[~domestic[s_inv]]]).items():
        out[f"inv:investor:country:{c}"] += n
    for c, n in Counter(province[s_inv[domestic[s_inv]]]).items():
        if c:
            out[f"inv:investor:province:{c}"] += n
            out[f"inv:geo:province:{c}"] += n
    for c, n in Counter(province[d_inv[domestic[d_inv]]]).items():
        if c:
            out[f"inv:investee:province:{c}"] += n
            out[f"inv:geo:province:{c}"] += n
    to_sample = inv & sample[dst]
    pairs = pd.DataFrame({"s": src[to_sample], "d": dst[to_sample]}).drop_duplicates()
    inv_by, inv_n = np.unique(pairs["s"].to_numpy(dtype=np.int64), return_counts=True)
    for i, n in zip(inv_by.tolist(), inv_n.tolist(), strict=True):
        if not synthetic[i]:
            out[f"invdeg:{names[i]}"] = n

    # ranking tables: the first 45 of each (synthetic organisations included)
    fams: dict[str, dict[int, int]] = {}
    n_in = np.bincount(dst[emp], minlength=len(orgs))
    n_out = np.bincount(src[emp], minlength=len(orgs))
    for i in np.flatnonzero(n_in + n_out):
        side = "sample" if sample[i] else "relation"
        fams.setdefault(f"tech_deg_{side}", {})[int(i)] = int(n_in[i] + n_out[i])
        fams.setdefault(f"tech_in_{side}", {})[int(i)] = int(n_in[i])
        fams.setdefault(f"tech_out_{side}", {})[int(i)] = int(n_out[i])
    for e in ("study", "work"):
        mask = (typ == "SUPPLIES_TALENT") & (exp == e) & sample[dst]
        for i, n in Counter(src[mask]).items():
            fams.setdefault(f"{e}_{'domestic' if domestic[i] else 'foreign'}", {})[int(i)] = n
    kinds = orgs["kind"].to_numpy(dtype=object)
    for i, n in zip(inv_by.tolist(), inv_n.tolist(), strict=True):
        fam = "invest_institution" if kinds[i] == "Investor" else "invest_other"
        fams.setdefault(fam, {})[i] = n
    for fam, vals in fams.items():
        top = sorted(vals.items(), key=lambda kv: (-kv[1], str(names[kv[0]])))[:45]
        for i, n in top:
            out[f"rank:{fam}:{names[i]}"] = n

    _attributes(orgs[sample], out)
    return {k: float(v) for k, v in out.items()}


def _city(cities: Any, provinces: Any) -> list[str]:
    return [c or "" for c, _ in zip(cities, provinces, strict=True)]


def bins(values: pd.Series, edges: list[float], right: bool = False) -> list[int]:
    """Counts per bin; bin j holds edges[j] <= v < edges[j+1] (or <= with right=True)."""
    v = values.dropna().astype(float).to_numpy()
    out = []
    for j in range(len(edges) - 1):
        lo, hi = edges[j], edges[j + 1]
        m = (v >= lo) & (v <= hi) if right else (v >= lo) & (v < hi)
        out.append(int(m.sum()))
    return out


def _attributes(s: pd.DataFrame, out: defaultdict[str, float]) -> None:
    out["attr:samples"] = len(s)
    for col, key in (
        ("province", "province"),
        ("tech_layer", "layer"),
        ("core_technology", "coretech"),
        ("application_field", "field"),
    ):
        for v, n in s[col].value_counts().items():
            out[f"attr:{key}:{v}"] = int(n)
    cities = s["city"].fillna("")
    for v, n in cities.value_counts().items():
        if v:
            out[f"attr:city:{v}"] = int(n)
    for v, n in cities.map(lambda c: dims.city_metro(c) if c else None).value_counts().items():
        out[f"attr:metro:{v}"] = int(n)
    bt = s[s["tech_layer"] != "application"]
    for v, n in bt["core_technology"].value_counts().items():
        out[f"attr:coretech_bt:{v}"] = int(n)
    out["attr:basetech"] = len(bt)
    years = s["founded_year"].astype("Int64")
    for y, n in years.value_counts().items():
        out[f"attr:founded:{y}"] = int(n)
    out["attr:founded_range:2012-2018"] = int(((years >= 2012) & (years <= 2018)).sum())
    # listed firms
    out["attr:listed"] = int(s["listed"].fillna(False).astype(bool).sum())
    for key, col, edges, scale in (
        ("staff", "staff", [0, 2000, 4000, 6000, 1e12], 1),
        ("revenue", "revenue_cny", [0, 40e8, 80e8, 1e16], 1),
        ("mktcap", "market_value_cny", [0, 100e8, 400e8 + 1, 1e16], 1),
        ("rd", "rd_intensity", [0, 0.05, 0.15 + 1e-9, 10], 1),
        ("rdstaff", "rd_staff_share", [0, 0.10, 0.20, 0.50 + 1e-9, 10], 1),
    ):
        col_v = s[col].dropna().astype(float) * scale
        out[f"attr:{key}:n"] = len(col_v)
        for j, n in enumerate(bins(col_v, edges)):
            out[f"attr:{key}:bin{j}"] = n
    out["attr:rd:mean"] = float(s["rd_intensity"].dropna().astype(float).mean() * 100)
    out["attr:rdstaff:mean"] = float(s["rd_staff_share"].dropna().astype(float).mean() * 100)
    for name, v in zip(s["name_zh"], s["rd_intensity"], strict=True):
        if v == v and v is not None:
            out[f"attr:rd:{name}"] = float(v) * 100
    for name, v in zip(s["name_zh"], s["rd_staff_share"], strict=True):
        if v == v and v is not None:
            out[f"attr:rdstaff:{name}"] = float(v) * 100
    # financing (亿元)
    fin = s[s["financing_total_cny"].notna()].copy()
    fin["yi"] = fin["financing_total_cny"].astype(float) / 1e8
    out["fin:n"] = len(fin)
    out["fin:total"] = float(round(fin["yi"].sum(), 2))
    for j, n in enumerate(bins(fin["yi"], [0, 1, 10.0 + 1e-9, 1e12])):
        out[f"fin:bin{j}"] = n
    for p, grp in fin.groupby("province"):
        out[f"fin:province:{p}:total"] = float(round(grp["yi"].sum(), 2))
        out[f"fin:province:{p}:avg"] = float(round(grp["yi"].mean(), 2))
    out["fin:provinces"] = int(fin["province"].nunique())
    for f, grp in fin.groupby("application_field"):
        out[f"fin:field:{f}"] = float(grp["yi"].sum())
    # patents
    pat = s[s["patents"].notna()].copy()
    pat["p"] = pat["patents"].astype(int)
    out["pat:n"] = len(pat)
    out["pat:total"] = int(pat["p"].sum())
    for j, n in enumerate(bins(pat["p"], [0, 50, 100.5, 200.5, 1000.5, 1e12])):
        out[f"pat:bin{j}"] = n
    gt = pat[pat["p"] > 100]
    out["pat:gt100"] = len(gt)
    for prov, n in gt["province"].value_counts().items():
        out[f"pat:gt100:province:{prov}"] = int(n)
    for lay, grp in pat.groupby("tech_layer"):
        out[f"pat:layer:{lay}:total"] = int(grp["p"].sum())
        out[f"pat:layer:{lay}:n"] = len(grp)
        out[f"pat:layer:{lay}:avg"] = float(round(grp["p"].mean(), 2))
