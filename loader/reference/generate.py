"""Layer 2: a deterministic, calibrated synthetic reconstruction of the 2021 value network.

`build(scale, seed)` returns the whole reference dataset (layer 1 + layer 2) as two DataFrames:
organisations and relationships. Every count of `plan.py` is met by construction, not by sampling:

1. the sample firms (2,205 x scale) get their attributes from exact per-value counts (§III);
2. each relation family (technology input / empowerment, study / work, investment received / made,
   acquisitions) becomes *slots*: one per edge end. The sample end's slots carry the firms' degrees
   (named firms exact, the others power-law, capped below the last published rank); the partner end's
   slots carry exact marginals by country, province, city and sector, grouped into partner organisations
   with power-law degrees;
3. the two ends are paired with regional homophily (slots sorted by a noisy community key) and duplicate
   pairs are swapped apart. Pairing never changes a marginal, so every count stays exact.

Same (scale, seed) -> same frames, row for row (numpy Generator, explicit sorts, no set/dict order).
"""

from __future__ import annotations

import bisect
import math
from dataclasses import dataclass
from typing import Any

import numpy as np
import numpy.typing as npt
import pandas as pd

from loader import dimensions as dims
from loader.reference import plan as P
from loader.reference.observed import Observed, Org, org_id
from loader.reference.observed import load as load_observed

IntArray = npt.NDArray[np.int64]
SYNTHETIC_SOURCE = "valuenet-reference-synthetic-2021"
EDITION = 2021
CLUSTER_SIZE = 10  # sample firms per community
MIX = 0.06  # share of relationship ends paired outside their community (for well-connected nodes)
HUB_SPREAD = 40.0  # a hub's relationships spread over degree / HUB_SPREAD communities
JUMP_DEGREE = 30.0  # below this degree (in one relation family) a node jumps proportionally less
FOREIGN = "FOREIGN"

ORG_COLUMNS = [
    "id", "name_zh", "name_en", "kind", "sample", "platform", "country", "province", "city", "industry",
    "tech_layer", "application_field", "core_technology", "founded_year", "listed", "staff", "revenue_cny",
    "market_value_cny", "financing_total_cny", "rd_intensity", "rd_staff_share", "patents",
    "investor_type", "platform_domain", "platform_batch", "aliases", "sources", "synthetic",
    "synthetic_props",
]  # fmt: skip
REL_COLUMNS = ["source", "target", "type", "experience", "editions", "sources", "synthetic"]


# -- integer helpers ---------------------------------------------------------------------------------------
def largest_remainder(total: int, weights: npt.ArrayLike) -> IntArray:
    """Split `total` in proportion to `weights` (exact sum; ties broken by index, so deterministic)."""
    w = np.asarray(weights, dtype=np.float64)
    if total == 0 or w.sum() <= 0:
        return np.zeros(len(w), dtype=np.int64)
    raw = w * (total / w.sum())
    out = np.floor(raw).astype(np.int64)
    rest = int(total - out.sum())
    if rest:
        order = np.lexsort((np.arange(len(w)), -(raw - out)))
        out[order[:rest]] += 1
    return np.asarray(out, dtype=np.int64)


def capped_split(
    total: int, weights: npt.ArrayLike, cap: IntArray | int, floor: IntArray | int = 0
) -> IntArray:
    """Integers in [floor, cap] summing to `total`, roughly proportional to `weights` (negatives as 0)."""
    w = np.maximum(np.asarray(weights, dtype=np.float64), 0.0)
    n = len(w)
    lo = np.broadcast_to(np.asarray(floor, dtype=np.int64), (n,)).copy()
    hi = np.broadcast_to(np.asarray(cap, dtype=np.int64), (n,)).copy()
    if total < lo.sum() or total > hi.sum():
        raise ValueError(f"cannot split {total} into {n} parts within [{lo.sum()}, {hi.sum()}]")
    out = lo.copy()
    left = total - int(lo.sum())
    free = hi > out
    while left > 0:
        share = largest_remainder(left, np.where(free, w + 1e-12, 0.0))
        add = np.minimum(share, hi - out)
        out += add
        left -= int(add.sum())
        free = hi > out
        if left > 0 and int(add.sum()) == 0:  # weights all on capped entries: spread evenly over the rest
            idx = np.flatnonzero(free)[:left]
            out[idx] += 1
            left -= len(idx)
    return out


def pareto(rng: np.random.Generator, n: int, alpha: float) -> npt.NDArray[np.float64]:
    return (1.0 - rng.random(n)) ** (-1.0 / (alpha - 1.0))


def powerlaw_degrees(rng: np.random.Generator, n: int, total: int, cap: int, alpha: float = 2.3) -> IntArray:
    """n degrees in [1, cap] summing to total, heavy-tailed."""
    if n == 0:
        if total:
            raise ValueError("no nodes for edges")
        return np.zeros(0, dtype=np.int64)
    return capped_split(total, pareto(rng, n, alpha) - 1.0, cap, 1)


# -- the dataset -------------------------------------------------------------------------------------------
@dataclass
class _Block:
    """A run of synthetic organisations made by one `synth` call, stored by column."""

    start: int
    n: int
    kind: str
    code: str
    zh: str
    en: str
    k0: int
    width: int
    cols: dict[str, Any]

    def name(self, j: int) -> str:
        return f"{self.zh}-{self.k0 + j + 1:0{self.width}d}"


@dataclass
class Dataset:
    orgs: pd.DataFrame
    rels: pd.DataFrame
    stats: dict[str, Any]


class _Builder:
    def __init__(self, scale: int, seed: int) -> None:
        if scale < 1:
            raise ValueError("scale must be >= 1")
        self.S = scale
        self.rng = np.random.default_rng([seed, scale])
        self.obs: Observed = load_observed()
        self.rows: list[dict[str, Any]] = []  # organisations (dicts in ORG_COLUMNS)
        self.index: dict[str, int] = {}  # id -> row number
        self.rel_src: list[IntArray] = []
        self.rel_dst: list[IntArray] = []
        self.rel_type: list[str] = []
        self.rel_exp: list[str | None] = []
        self.rel_len: list[int] = []
        self.counter: dict[str, int] = {}
        self.blocks: list[_Block] = []
        self.block_starts: list[int] = []
        self.n_orgs = 0  # organisations so far (observed + synthetic)
        self.width = max(6, len(str(50_000 * scale)))  # digits of synthetic ids and names
        self.cities_of: dict[str, list[str]] = {}
        for c in dims.cities():
            self.cities_of.setdefault(c.province, []).append(c.code)

    # organisations ---------------------------------------------------------------------------------------
    # Observed organisations are dicts (a few hundred); synthetic ones are stored by column in blocks
    # (one block per `synth` call), so scale 100 (4.4 million organisations) fits in memory.
    def add_org(self, row: dict[str, Any]) -> int:
        if self.blocks:
            raise RuntimeError("observed organisations must be added before synthetic ones")
        i = len(self.rows)
        self.rows.append(row)
        self.index[row["id"]] = i
        self.n_orgs = i + 1
        return i

    def named(self, name: str) -> int:
        o = self.obs.orgs[name]
        if o.id in self.index:
            return self.index[o.id]
        return self.add_org(self._observed_row(o))

    def _observed_row(self, o: Org) -> dict[str, Any]:
        return {
            "id": o.id,
            "name_zh": o.name_zh,
            "name_en": o.name_en,
            "kind": o.kinds[0],
            "sample": False,
            "platform": "Platform" in o.roles,
            "country": o.country,
            "province": o.province,
            "city": o.city,
            "aliases": list(o.aliases),
            "sources": list(o.sources),
            "synthetic": False,
            "synthetic_props": [],
            **{k: v for k, v in o.props.items()},
        }

    def _block(self, i: int) -> _Block:
        return self.blocks[bisect.bisect_right(self.block_starts, i) - 1]

    def get(self, i: int, col: str) -> Any:
        if i < len(self.rows):
            return self.rows[i].get(col)
        blk = self._block(i)
        if col == "name_zh":
            return blk.name(i - blk.start)
        if col == "id":
            return f"syn:{blk.code}{blk.k0 + i - blk.start + 1:0{blk.width}d}"
        v = blk.cols.get(col)
        return v[i - blk.start] if isinstance(v, np.ndarray) else v

    def set_generated(self, i: int, **props: Any) -> None:
        """Set generated properties; on an observed organisation, record them in synthetic_props."""
        if i >= len(self.rows):
            blk = self._block(i)
            for k, v in props.items():
                col = blk.cols.get(k)
                if not isinstance(col, np.ndarray):
                    arr = np.empty(blk.n, dtype=object)
                    arr[:] = col
                    blk.cols[k] = col = arr
                col[i - blk.start] = v
            return
        row = self.rows[i]
        for k, v in props.items():
            if not row["synthetic"] and k in row and row[k] == v and k not in row["synthetic_props"]:
                continue  # observed already
            row[k] = v
            if not row["synthetic"] and k not in row["synthetic_props"]:
                row["synthetic_props"].append(k)
                if SYNTHETIC_SOURCE not in row["sources"]:
                    row["sources"].append(SYNTHETIC_SOURCE)

    def synth(self, kind: str, prefix_zh: str, prefix_en: str, n: int, **cols: Any) -> IntArray:
        """n synthetic organisations; `cols` values are scalars or length-n sequences."""
        start = self.counter.get(prefix_en, 0)
        self.counter[prefix_en] = start + n
        first = self.n_orgs
        code = "".join(w[0] for w in prefix_en.split())
        stored: dict[str, Any] = {}
        for c, v in cols.items():
            if isinstance(v, list | tuple | np.ndarray):
                arr = np.empty(n, dtype=object)
                arr[:] = list(v)
                stored[c] = arr
            else:
                stored[c] = v
        blk = _Block(first, n, kind, code, prefix_zh, prefix_en, start, self.width, stored)
        self.blocks.append(blk)
        self.block_starts.append(first)
        self.n_orgs = first + n
        return np.arange(first, first + n, dtype=np.int64)

    def frame(self) -> pd.DataFrame:
        """All organisations as one DataFrame (ORG_COLUMNS), built column by column."""
        blocks = [blk for blk in self.blocks if blk.n]
        total = sum(blk.n for blk in blocks)
        cols: dict[str, npt.NDArray[Any]] = {}
        for c in ORG_COLUMNS:
            cols[c] = np.empty(total, dtype=object)
        empty: list[str] = []
        source = [SYNTHETIC_SOURCE]
        at = 0
        for blk in blocks:
            sl = slice(at, at + blk.n)
            k = range(blk.k0 + 1, blk.k0 + blk.n + 1)
            cols["id"][sl] = [f"syn:{blk.code}{x:0{blk.width}d}" for x in k]
            cols["name_zh"][sl] = [f"{blk.zh}-{x:0{blk.width}d}" for x in k]
            cols["name_en"][sl] = [f"{blk.en} {x:0{blk.width}d}" for x in k]
            cols["kind"][sl] = blk.kind
            cols["sample"][sl] = False
            cols["platform"][sl] = False
            cols["synthetic"][sl] = True
            for c in ("aliases", "synthetic_props"):
                col = cols[c]
                for x in range(at, at + blk.n):
                    col[x] = empty
            col = cols["sources"]
            for x in range(at, at + blk.n):
                col[x] = source
            for c, v in blk.cols.items():
                cols[c][sl] = v
            at += blk.n
        observed = pd.DataFrame(self.rows)
        for c in ORG_COLUMNS:
            if c not in observed.columns:
                observed[c] = None
        synthetic = pd.DataFrame(cols)
        orgs = pd.concat([observed[ORG_COLUMNS].astype(object), synthetic.astype(object)], ignore_index=True)
        for c in ("sample", "platform", "synthetic"):
            orgs[c] = orgs[c].astype(bool)
        return orgs

    def add_rels(self, src: IntArray, dst: IntArray, typ: str, exp: str | None = None) -> None:
        self.rel_src.append(np.asarray(src, dtype=np.int64))
        self.rel_dst.append(np.asarray(dst, dtype=np.int64))
        self.rel_type.append(typ)
        self.rel_exp.append(exp)
        self.rel_len.append(len(src))

    # places ----------------------------------------------------------------------------------------------
    def cities_with_demand(self, prov: str, total: int, demand: dict[str, int]) -> dict[str, int]:
        """Like province_cities, but every place in `demand` (city or province code) gets at least that."""
        need = {c: v for c, v in demand.items() if c[:2] == prov[:2] and v > 0}
        rest = total - sum(need.values())
        if rest < 0:
            raise ValueError(f"province {prov}: named organisations need {sum(need.values())} > {total}")
        out = self.province_cities(prov, rest)
        for c, v in need.items():
            out[c] = out.get(c, 0) + v
        return out

    def province_cities(self, prov: str, total: int, fixed: dict[str, int] | None = None) -> dict[str, int]:
        """Split `total` over a province's cities: fixed ones first, then the capital-heavy rest."""
        out: dict[str, int] = {}
        fixed = {c: v for c, v in (fixed or {}).items() if c[:2] == prov[:2]}
        rest = total - sum(fixed.values())
        out.update(fixed)
        cities = [c for c in self.cities_of.get(prov, []) if c not in fixed]
        if not cities:
            out[prov] = out.get(prov, 0) + rest  # Taiwan: province only
            return out
        if prov == "440000":
            cities = [c for c in P.PRD_OTHER_CITIES if c not in fixed] + [
                c for c in cities if c not in P.PRD_OTHER_CITIES
            ]
            w = [0.35, 0.25, 0.12, 0.1, 0.08, 0.05, 0.05] + [0.0] * (len(cities) - 7)
        else:
            w = [0.62, 0.12, 0.08, 0.06, 0.05, 0.04, 0.03][: len(cities)] + [0.0] * max(0, len(cities) - 7)
            if fixed:  # the capital is fixed: spread over the next cities
                w = [0.3, 0.2, 0.15, 0.12, 0.1, 0.08, 0.05][: len(cities)] + [0.0] * max(0, len(cities) - 7)
        for c, v in zip(cities, largest_remainder(rest, w), strict=True):
            if v:
                out[c] = out.get(c, 0) + int(v)
        return out


def build(scale: int = 1, seed: int = 42) -> Dataset:
    b = _Builder(scale, seed)
    g = _Generator(b)
    g.run()
    return g.dataset()


class _Generator:
    def __init__(self, b: _Builder) -> None:
        self.b = b
        self.S = b.S
        self.rng = b.rng
        self.stats: dict[str, Any] = {}

    # ------------------------------------------------------------------------------------------------------
    def run(self) -> None:
        self.observed()
        self.samples()
        self.sample_attributes()
        self.human_capital()
        self.investment()
        self.technology()  # last: its partner pool takes the rest of the 41,537 relation nodes

    def dataset(self) -> Dataset:
        b = self.b
        orgs = b.frame()
        ids = orgs["id"].to_numpy()
        parts = []
        for src, dst, typ, exp in zip(b.rel_src, b.rel_dst, b.rel_type, b.rel_exp, strict=True):
            parts.append(
                pd.DataFrame({"source": ids[src], "target": ids[dst], "type": typ, "experience": exp})
            )
        rels = pd.concat(parts, ignore_index=True)
        rels["editions"] = [[EDITION]] * len(rels)
        rels["sources"] = [[SYNTHETIC_SOURCE]] * len(rels)
        rels["synthetic"] = True
        obs = pd.DataFrame(
            [
                {
                    "source": r.source,
                    "target": r.target,
                    "type": r.type,
                    "experience": r.experience,
                    "editions": r.editions,
                    "sources": r.sources,
                    "synthetic": False,
                }
                for r in b.obs.rels
            ]
        )
        rels = pd.concat([obs, rels], ignore_index=True)[REL_COLUMNS]
        return Dataset(orgs=orgs, rels=rels, stats=self.stats)

    # -- layer 1 -------------------------------------------------------------------------------------------
    def observed(self) -> None:
        b = self.b
        for name in sorted(b.obs.orgs):
            b.named(name)
        # observed EMPOWERS edges that touch a sample firm count towards the calibrated totals
        self.sample_names = sorted(set(P.SAMPLE_TECH) | set(P.EXTRA_SAMPLES))
        self.preplaced = [
            (r.source, r.target)
            for r in b.obs.rels
            if r.type == "EMPOWERS" and r.source in self._sample_ids()
        ]

    def _sample_ids(self) -> set[str]:
        return {org_id(n) for n in self.sample_names}

    # -- samples -------------------------------------------------------------------------------------------
    def samples(self) -> None:
        b, S = self.b, self.S
        named = [b.named(n) for n in self.sample_names]
        n_syn = P.SAMPLES * S - len(named)
        syn = b.synth("Enterprise", "合成企业", "Synthetic Enterprise", n_syn, sample=True, industry="AI")
        self.samples_idx = np.concatenate([np.asarray(named, dtype=np.int64), syn])
        self.n_named_samples = len(named)
        for i in named:
            b.rows[i]["sample"] = True
            b.set_generated(i, industry="AI")
        self.NS = len(self.samples_idx)
        # firm "size": a latent heavy-tailed weight driving degrees, financing, patents
        size = pareto(self.rng, self.NS, 2.1)
        self.size = size

    def sample_attributes(self) -> None:
        b, S, rng, NS = self.b, self.S, self.rng, self.NS
        named_n = self.n_named_samples
        rows = [b.rows[i] for i in self.samples_idx[:named_n]]
        rows += [{} for _ in range(NS - named_n)]
        # provinces: named firms keep known places; the rest fill exact per-province counts
        prov = np.array([r.get("province") or "" for r in rows], dtype=object)
        city = np.array([r.get("city") or "" for r in rows], dtype=object)
        defaults = {"华为云": "440300", "微信": "440300", "鲲鹏": "440300", "昇腾": "440300"}
        for k, r in enumerate(rows[:named_n]):
            if not prov[k]:
                c = defaults.get(r["name_zh"], "110100" if k % 2 else "310100")
                prov[k], city[k] = c[:2] + "0000", c
                b.set_generated(int(self.samples_idx[k]), province=prov[k], city=city[k])
        target = {p: v * S for p, v in P.SAMPLE_PROVINCE.items()}
        for p in prov[:named_n]:
            target[p] -= 1
        pool = [p for p in sorted(target) for _ in range(target[p])]
        if len(pool) != NS - named_n or min(target.values()) < 0:
            raise ValueError("sample province plan does not add up")
        pool_arr = np.array(pool, dtype=object)
        rng.shuffle(pool_arr)
        prov[named_n:] = pool_arr
        # cities: Shenzhen / Guangzhou exact, municipalities are their city, others capital-heavy
        city_target = {c: v * S for c, v in P.SAMPLE_CITY.items()}
        for p in sorted(target):
            members = np.flatnonzero(prov == p)
            members = members[members >= named_n]
            fixed = {
                c: city_target[c] - int((city[:named_n] == c).sum()) for c in city_target if c[:2] == p[:2]
            }
            total = len(members) + int(sum((city[:named_n] == c).sum() for c in fixed))
            split = b.province_cities(p, len(members), fixed) if total else {}
            labels = [c for c in sorted(split) for _ in range(split[c])]
            arr = np.array(labels, dtype=object)
            rng.shuffle(arr)
            city[members] = arr
        self.prov = prov
        self.city = city
        blk = b._block(int(self.samples_idx[named_n]))
        blk.cols["country"] = "CN"
        blk.cols["province"] = np.asarray(prov[named_n:], dtype=object)
        syn_city = np.asarray(city[named_n:], dtype=object)
        syn_city[syn_city == np.asarray(prov[named_n:], dtype=object)] = None
        blk.cols["city"] = syn_city
        # tech layer
        layer = np.empty(NS, dtype=object)
        tgt = {k: v * S for k, v in P.LAYERS.items()}
        for k, r in enumerate(rows[:named_n]):
            layer[k] = P.NAMED_LAYER.get(r["name_zh"], "application")
            tgt[layer[k]] -= 1
        layer[named_n:] = self._shuffled(tgt)
        self.layer = layer
        # core technology: base+technology firms first (Fig. 15), then the application layer
        coretech = np.empty(NS, dtype=object)
        bt = np.flatnonzero(layer != "application")
        app = np.flatnonzero(layer == "application")
        bt_t = {k: v * S for k, v in P.CORE_TECH_BASETECH.items()}
        coretech[bt] = self._shuffled(bt_t)
        app_t = {k: v * S - bt_t.get(k, 0) for k, v in P.CORE_TECH.items()}
        coretech[app] = self._shuffled(app_t)
        fields = self._shuffled({k: v * S for k, v in P.APP_FIELDS.items()})
        years = self._founded()
        for k, i in enumerate(self.samples_idx):
            kw = {
                "tech_layer": layer[k],
                "core_technology": coretech[k],
                "application_field": fields[k],
                "founded_year": int(years[k]),
            }
            b.set_generated(int(i), **kw)
        self.field = np.asarray(fields, dtype=object)
        self.listed_attributes()
        self.patents()
        self.make_clusters()

    def _shuffled(self, counts: dict[str, int]) -> npt.NDArray[Any]:
        arr = np.array([k for k in sorted(counts) for _ in range(counts[k])], dtype=object)
        self.rng.shuffle(arr)
        return arr

    def _founded(self) -> IntArray:
        out = []
        for key in sorted(P.FOUNDED):
            n = P.FOUNDED[key] * self.S
            if "-" in key:
                lo, hi = (int(x) for x in key.split("-"))
                out.append(self.rng.integers(lo, hi + 1, n))
            else:
                out.append(np.full(n, int(key)))
        arr = np.concatenate(out).astype(np.int64)
        self.rng.shuffle(arr)
        return arr

    def listed_attributes(self) -> None:
        b, S, rng = self.b, self.S, self.rng
        named_rd = {org_id(n): v for n, v in P.RD_INTENSITY_NAMED.items()}
        named_staff = {org_id(n): v for n, v in P.RD_STAFF_NAMED.items()}
        ids = [str(b.get(int(i), "id")) for i in self.samples_idx]
        forced = [k for k, x in enumerate(ids) if x in named_rd or x in named_staff]
        others = [k for k in range(self.n_named_samples, self.NS)]
        # listed firms: the named R&D firms plus synthetic firms weighted by size
        n_listed = P.LISTED * S
        w = self.size[others]
        pick = rng.choice(others, size=n_listed - len(forced), replace=False, p=w / w.sum())
        listed = np.array(sorted(set(forced) | set(int(x) for x in pick)), dtype=np.int64)
        rd_set = np.array(
            forced
            + sorted(
                rng.choice(
                    sorted(set(listed) - set(forced)), size=172 * S - len(forced), replace=False
                ).tolist()
            ),
            dtype=np.int64,
        )
        mv = listed  # all listed firms have a market value
        staff_set = np.sort(rng.choice(listed, size=213 * S, replace=False))
        rev_set = np.sort(rng.choice(listed, size=307 * S, replace=False))

        def binned(
            n_bins: tuple[int, ...], edges: list[tuple[float, float]], members: IntArray, log: bool
        ) -> dict[int, float]:
            labels = self._shuffled({str(j): c * S for j, c in enumerate(n_bins)})
            out: dict[int, float] = {}
            for k, lab in zip(members, labels, strict=True):
                lo, hi = edges[int(lab)]
                u = rng.random()
                out[int(k)] = (
                    math.exp(math.log(lo) + u * (math.log(hi) - math.log(lo))) if log else lo + u * (hi - lo)
                )
            return out

        staff = binned(P.STAFF_BINS, [(80, 1999), (2000, 3999), (4000, 5999), (6000, 60000)], staff_set, True)
        rev = binned(P.REVENUE_BINS, [(0.5, 39.9), (40, 79.9), (80, 2000)], rev_set, True)
        mkt = binned(P.MKTCAP_BINS, [(10, 99.9), (100, 399.9), (400.1, 6000)], mv, True)
        for k in listed:
            kw: dict[str, Any] = {"listed": True, "market_value_cny": round(mkt[int(k)] * 1e8)}
            if int(k) in staff:
                kw["staff"] = round(staff[int(k)])
            if int(k) in rev:
                kw["revenue_cny"] = round(rev[int(k)] * 1e8)
            b.set_generated(int(self.samples_idx[k]), **kw)
        # R&D intensity and R&D staff share (%), exact bins and means (stored as fractions)
        rd = self._rd_values(
            rd_set,
            ids,
            named_rd,
            P.RD_INTENSITY_BINS,
            [(0.5, 4.99), (5.0, 15.0), (15.01, 16.5 if self.S == 1 else 40.0)],
            P.RD_INTENSITY_MEAN,
        )
        st = self._rd_values(
            rd_set,
            ids,
            named_staff,
            P.RD_STAFF_BINS,
            [(3.0, 9.99), (10.0, 19.99), (20.0, 50.0), (50.01, 88.0)],
            P.RD_STAFF_MEAN,
        )
        for k in rd_set:
            b.set_generated(
                int(self.samples_idx[k]), rd_intensity=rd[int(k)] / 100, rd_staff_share=st[int(k)] / 100
            )

    def _rd_values(
        self,
        members: IntArray,
        ids: list[str],
        named: dict[str, float],
        bins: tuple[int, ...],
        edges: list[tuple[float, float]],
        mean: float,
    ) -> dict[int, float]:
        """Values in % for `members`: named exact, the rest in exact bin counts, mean exact to 2 decimals.

        The mean is reached by moving the values of the inner bins (not the first and last) within their
        own bin bounds, in steps of 0.01.
        """
        S, rng = self.S, self.rng
        out: dict[int, int] = {}  # hundredths of a percent
        counts = [c * S for c in bins]
        for k in members:
            v = named.get(ids[int(k)])
            if v is not None:
                out[int(k)] = round(v * 100)
                j = next(j for j, (lo, hi) in enumerate(edges) if v <= hi or j == len(edges) - 1)
                counts[j] -= 1
        free = [int(k) for k in members if int(k) not in out]
        labels = self._shuffled({str(j): c for j, c in enumerate(counts)})
        bounds: dict[int, tuple[int, int]] = {}
        for k, lab in zip(free, labels, strict=True):
            lo, hi = (round(x * 100) for x in edges[int(lab)])
            out[k] = int(rng.integers(lo, hi + 1))
            bounds[k] = (lo, hi)
        target = round(mean * 100 * len(members))
        # the inner bins move first; the outer ones only when the inner ones cannot reach the mean
        inner = sorted(k for k, lab in zip(free, labels, strict=True) if 0 < int(lab) < len(edges) - 1)
        up = sum(bounds[k][1] - out[k] for k in inner)
        down = sum(out[k] - bounds[k][0] for k in inner)
        need = target - sum(out.values())
        reachable = (need >= 0 and up >= need) or (need < 0 and down >= -need)
        adjustable = inner if reachable else sorted(bounds)
        for _ in range(1000):
            diff = target - sum(out.values())
            if diff == 0:
                break
            room = [(bounds[k][1] - out[k]) if diff > 0 else (out[k] - bounds[k][0]) for k in adjustable]
            movable = [k for k, r in zip(adjustable, room, strict=True) if r > 0]
            if not movable:
                raise ValueError("mean not reachable within the bins")
            step = max(1, abs(diff) // len(movable))
            for k in movable:
                r = (bounds[k][1] - out[k]) if diff > 0 else (out[k] - bounds[k][0])
                d = min(step, r, abs(target - sum(out.values())))
                out[k] += d if diff > 0 else -d
                if target == sum(out.values()):
                    break
        return {k: v / 100 for k, v in out.items()}

    def patents(self) -> None:
        b, S, rng = self.b, self.S, self.rng
        layer = self.layer
        # firms with patent data: every base and technology firm, and application firms by size
        app = np.flatnonzero(layer == "application")
        n_app = P.PATENT_LAYER_FIRMS["application"] * S
        w = self.size[app]
        app_pick = np.sort(rng.choice(app, size=n_app, replace=False, p=w / w.sum()))
        firms = np.sort(np.concatenate([np.flatnonzero(layer != "application"), app_pick]))
        # >100 patents: exact per-province counts (top five), the rest anywhere else
        gt100 = np.zeros(self.NS, dtype=bool)
        weight = np.where(layer == "base", 30.0, np.where(layer == "technology", 4.0, 1.0)) * self.size
        others_n = 470 * S - sum(P.PATENT_GT100_PROVINCE.values()) * S
        for p in [*sorted(P.PATENT_GT100_PROVINCE), "other"]:
            if p == "other":
                cand = firms[~np.isin(self.prov[firms], list(P.PATENT_GT100_PROVINCE))]
                n = others_n
            else:
                cand = firms[self.prov[firms] == p]
                n = P.PATENT_GT100_PROVINCE[p] * S
            ww = weight[cand]
            chosen = rng.choice(cand, size=n, replace=False, p=ww / ww.sum())
            gt100[chosen] = True
        hi_firms = firms[gt100[firms]]
        lo_firms = firms[~gt100[firms]]
        # bins among >100 by weight (largest weights -> >1000), among <=100 randomly weighted
        bins = np.empty(self.NS, dtype=np.int64)
        score = np.log(weight) + rng.normal(0, 0.7, self.NS)
        bins[hi_firms] = 2
        for lay, q in P.PATENT_TOP_BIN_BY_LAYER.items():  # >1000: a quota per layer (sums reachable)
            m = hi_firms[layer[hi_firms] == lay]
            m = m[np.argsort(-score[m], kind="stable")][: q * S]
            if len(m) < q * S:
                raise ValueError(f"too few >100-patent firms in the {lay} layer")
            bins[m] = 4
        rest = hi_firms[bins[hi_firms] == 2]
        rest = rest[np.argsort(-score[rest], kind="stable")]
        bins[rest[: P.PATENT_BINS[3] * S]] = 3
        order = lo_firms[
            np.argsort(-(np.log(weight[lo_firms]) + rng.normal(0, 1.0, len(lo_firms))), kind="stable")
        ]
        n2 = P.PATENT_BINS[1] * S
        bins[order[:n2]] = 1
        bins[order[n2:]] = 0
        edges = [(0, 49), (50, 100), (101, 200), (201, 1000), (1001, 10**7)]
        val = np.zeros(self.NS, dtype=np.int64)
        for j, (lo, hi) in enumerate(edges):
            m = firms[bins[firms] == j]
            if j < 4:
                val[m] = rng.integers(lo, hi + 1, len(m))
            else:
                val[m] = (1001 + 3000 * pareto(rng, len(m), 2.0)).astype(np.int64)
        # exact per-layer totals (the published averages): adjust the open top bin, then the 201-1000 bin
        for lay, n_firms in P.PATENT_LAYER_FIRMS.items():
            members = firms[layer[firms] == lay]
            if len(members) != n_firms * S:
                raise ValueError(f"patent firms in {lay}: {len(members)} != {n_firms * S}")
            total = round(P.PATENT_LAYER_AVG[lay] * len(members))
            top = members[bins[members] == 4]
            base_sum = int(val[members].sum() - val[top].sum())
            need = total - base_sum
            if len(top) and need >= 1001 * len(top):
                val[top] = capped_split(need, val[top] - 1000, 10**9, 1001)
            else:
                raise ValueError(f"patent total of {lay} layer not reachable")
        for k in firms:
            b.set_generated(int(self.samples_idx[k]), patents=int(val[k]))
        self.patent_firms = firms

    # -- slots and pairing ---------------------------------------------------------------------------------
    def pair(
        self,
        a_nodes: IntArray,
        a_deg: IntArray,
        p_nodes: IntArray,
        p_deg: IntArray,
        mix: float | None = None,
        forbid: set[tuple[int, int]] | None = None,
    ) -> tuple[IntArray, IntArray]:
        """Pair `a` slots (node repeated degree times) with `p` slots; regional homophily; no duplicates."""
        rng = self.rng
        mix = MIX if mix is None else mix
        a = np.repeat(a_nodes, a_deg)
        p = np.repeat(p_nodes, p_deg)
        if len(a) != len(p):
            raise ValueError(f"slot counts differ: {len(a)} != {len(p)}")
        if not len(a):
            return a, p
        keys_a = self._keys(a, mix, spread=True)
        keys_p = self._keys(p, mix, spread=False)
        a = a[np.lexsort((rng.random(len(a)), keys_a))]
        p = p[np.lexsort((rng.random(len(p)), keys_p))]
        return a, self._dedupe(a, p, forbid or set())

    def _keys(self, nodes: IntArray, mix: float, spread: bool) -> npt.NDArray[np.float64]:
        """Sort keys for pairing: the node's community (a cluster of sample firms of one province and
        similar fields; partners get a cluster of their own province), a share `mix` of slots sent
        anywhere (the long-range ties). With `spread`, a node's slots are spread over a range of
        communities growing with its degree (a hub reaches beyond its own community); otherwise a node's
        slots stay together."""
        uniq_nodes, inv, counts = np.unique(nodes, return_inverse=True, return_counts=True)
        home = np.array([self._cluster_of(int(i)) for i in uniq_nodes], dtype=np.float64)
        # within a community, low-degree nodes sit at the low end and meet each other (a periphery)
        order = np.lexsort((self.rng.random(len(uniq_nodes)), counts))
        q = np.empty(len(uniq_nodes))
        q[order] = np.linspace(0.0, 0.9, len(uniq_nodes)) if len(uniq_nodes) > 1 else 0.0

        if spread:
            width = counts / HUB_SPREAD
            shift = np.round((self.rng.random(len(nodes)) - 0.5) * width[inv])
            k = home[inv] + shift + q[inv] + 0.05 * self.rng.random(len(nodes))
        else:
            k = home[inv] + q[inv] + 0.05 * self.rng.random(len(uniq_nodes))[inv]
        # long-range ties come from well-connected organisations: small ones stay in their community
        jump = self.rng.random(len(nodes)) < mix * np.minimum(1.0, counts[inv] / JUMP_DEGREE)
        k[jump] = self.rng.random(int(jump.sum())) * self.n_clusters
        return k

    def _cluster_of(self, i: int) -> int:
        k = self.sample_cluster.get(i)
        if k is not None:
            return k
        code = self.b.get(i, "province") or ""
        options = self.province_clusters.get(code)
        if options:
            return options[i % len(options)]
        return i % self.n_clusters

    def make_clusters(self) -> None:
        """Communities of about CLUSTER_SIZE sample firms: same province, sorted by application field."""
        self.sample_cluster: dict[int, int] = {}
        self.sample_pos: dict[int, float] = {}
        self.province_clusters: dict[str, list[int]] = {}
        nxt = 0
        for p in sorted(set(self.prov.tolist())):
            members = np.flatnonzero(self.prov == p)
            order = members[np.lexsort((self.rng.random(len(members)), self.field[members].astype(str)))]
            n = max(1, round(len(order) / CLUSTER_SIZE))
            for j, chunk in enumerate(np.array_split(order, n)):
                by_size = chunk[np.argsort(self.size[chunk], kind="stable")]
                for r, k in enumerate(by_size):
                    self.sample_cluster[int(self.samples_idx[k])] = nxt + j
                    self.sample_pos[int(self.samples_idx[k])] = 0.9 * r / max(1, len(chunk) - 1)
            self.province_clusters[p] = list(range(nxt, nxt + n))
            nxt += n
        self.n_clusters = nxt

    def _dedupe(self, a: IntArray, p: IntArray, forbid: set[tuple[int, int]]) -> IntArray:
        rng = self.rng
        p = p.copy()
        n = len(a)
        forbidden = np.array(sorted(x * (2**31) + y for x, y in forbid), dtype=np.int64)
        for attempt in range(200):
            key = a * (2**31) + p
            order = np.argsort(key, kind="stable")
            dup = np.zeros(n, dtype=bool)
            sk = key[order]
            dup[order[1:]] = sk[1:] == sk[:-1]
            dup |= a == p
            if len(forbidden):
                dup |= np.isin(key, forbidden)
            bad = np.flatnonzero(dup)
            if not len(bad):
                return p
            # swap with distinct nearby slots (a permutation of p keeps every degree; nearby in the
            # sorted order keeps the communities); the window widens if duplicates persist
            window = min(n, 50 * (1 + attempt) ** 2)
            other = (bad + rng.integers(-window, window + 1, len(bad))) % n
            other, first = np.unique(other, return_index=True)
            bad = bad[first]
            keep = ~np.isin(other, bad)
            bad, other = bad[keep], other[keep]
            p[bad], p[other] = p[other], p[bad].copy()
        raise RuntimeError("could not remove duplicate pairs")

    # -- technology ----------------------------------------------------------------------------------------
    def technology(self) -> None:
        b, S, rng = self.b, self.S, self.rng
        NS = self.NS
        sample_row = {int(i): k for k, i in enumerate(self.samples_idx)}
        self.sample_row = sample_row
        # preplaced observed edges (sample -> observed partner)
        pre_src = np.array([b.index[s] for s, _ in self.preplaced], dtype=np.int64)
        pre_dst = np.array([b.index[t] for _, t in self.preplaced], dtype=np.int64)
        # sample side degrees
        tin = np.zeros(NS, dtype=np.int64)
        tout = np.zeros(NS, dtype=np.int64)
        fixed = np.zeros(NS, dtype=bool)
        for name, (i_, o_) in P.SAMPLE_TECH.items():
            k = sample_row[b.index[org_id(name)]]
            tin[k], tout[k], fixed[k] = i_ * S, o_ * S, True
        pre_out = np.bincount([sample_row[int(s)] for s in pre_src], minlength=NS)
        free = np.flatnonzero(~fixed)
        size = self.size[free]
        w_in = size * np.exp(rng.normal(0, 0.8, len(free)))
        w_out = size * np.exp(rng.normal(0, 0.8, len(free)))
        tin[free] = capped_split(P.TECH_INPUT * S - int(tin.sum()), w_in - 0.6, P.SAMPLE_TECH_CAP_IN)
        out_total = P.TECH_EMPOWER * S - int(tout.sum()) - int(pre_out[free].sum())
        cap_out = np.minimum(
            P.SAMPLE_TECH_CAP_OUT - pre_out[free], P.SAMPLE_TECH_CAP_DEG - tin[free] - pre_out[free]
        )
        tout[free] = capped_split(out_total, w_out - 0.6, cap_out)
        tout[free] += pre_out[free]
        # partner side: named relation nodes
        named_in: dict[int, int] = {}
        named_out: dict[int, int] = {}
        for name, (i_, o_) in P.RELATION_TECH.items():
            i = b.named(name)
            named_in[i], named_out[i] = i_ * S, o_ * S
        for i in pre_dst:
            named_in[int(i)] = named_in.get(int(i), 0)  # observed partners: only their observed edges
        for name, ind in P.NAMED_INDUSTRY.items():
            i = b.index[org_id(name)]
            if ind:
                b.set_generated(i, industry=ind)
        # marginals per direction: geo (country / province) and sector; minus the named and preplaced edges
        geo_in, geo_out, sec_in, sec_out = self._tech_marginals()
        for i, v in named_out.items():  # partner -> sample = the sample's input
            self._take(geo_in, sec_in, i, v)
        for i, v in named_in.items():
            self._take(geo_out, sec_out, i, v)
        for i in pre_dst:
            self._take(geo_out, sec_out, int(i), 1)
        # synthetic partner nodes: cells (geo, sector) with power-law degrees
        # how many relation nodes exist already (named and synthetic, with a relation to a sample)
        is_sample = np.zeros(b.n_orgs, dtype=bool)
        is_sample[self.samples_idx] = True
        ends = np.concatenate(
            [
                *b.rel_src,
                *b.rel_dst,
                np.array(sorted(named_in), dtype=np.int64),
                np.array(sorted(named_out), dtype=np.int64),
            ]
        )
        present = np.unique(ends)
        n_rel = int((~is_sample[present]).sum())
        n_nodes = P.RELATION_NODES * S - n_rel
        nodes, deg_in, deg_out = self._tech_partners(geo_in, geo_out, sec_in, sec_out, n_nodes)
        # pairing: input = partner -> sample, empowerment = sample -> partner
        p_nodes = np.concatenate([np.array(sorted(named_out), dtype=np.int64), nodes])
        p_deg_out = np.concatenate(
            [np.array([named_out[i] for i in sorted(named_out)], dtype=np.int64), deg_in]
        )
        s_idx = self.samples_idx
        a, p = self.pair(s_idx, tin, p_nodes, p_deg_out)
        b.add_rels(p, a, "EMPOWERS")
        p_nodes = np.concatenate([np.array(sorted(named_in), dtype=np.int64), nodes])
        p_deg_in = np.concatenate(
            [np.array([named_in[i] for i in sorted(named_in)], dtype=np.int64), deg_out]
        )
        s_out = tout - pre_out
        forbid = {(int(s), int(t)) for s, t in zip(pre_src, pre_dst, strict=True)}
        # observed partners get exactly their observed edges: drop them from the synthetic pairing
        a, p = self.pair(s_idx, s_out, p_nodes, p_deg_in, forbid=forbid)
        b.add_rels(a, p, "EMPOWERS")
        self.stats["tech_partner_nodes"] = len(nodes)

    def _tech_marginals(
        self,
    ) -> tuple[dict[str, int], dict[str, int], dict[str | None, int], dict[str | None, int]]:
        S = self.S
        geo_in: dict[str, int] = {}
        geo_out: dict[str, int] = {}
        for c, (i_, o_) in P.TECH_FOREIGN.items():
            geo_in[c], geo_out[c] = i_ * S, o_ * S
        for d, total, key in ((geo_in, P.TECH_INPUT_DOMESTIC, 0), (geo_out, P.TECH_EMPOWER_DOMESTIC, 1)):
            top = ("110000", "440000", "310000", "330000", "320000")
            fixed = {p: P.TECH_PROVINCE[p][key] * S for p in top}
            rest = [p for p in sorted(P.TECH_PROVINCE) if p not in top]
            # domestic partners without a province: 富士康 (named) and the observed 5G car ecosystem
            unlocated = 2 * S if key == 0 else 38 * S + 1
            left = total * S - sum(fixed.values()) - unlocated
            split = largest_remainder(left, [P.TECH_PROVINCE[p][key] for p in rest])
            prov = {**fixed, **{p: int(v) for p, v in zip(rest, split, strict=True)}}
            for p, v in prov.items():
                cities = self.b.province_cities(p, v, {c: t[key] * S for c, t in P.TECH_CITY.items()})
                for c, n in cities.items():
                    d[c] = d.get(c, 0) + n
            d["CN"] = unlocated
        sec_in: dict[str | None, int] = {k: v * S for k, v in P.SECTOR_INPUT.items()}
        sec_out: dict[str | None, int] = {k: v * S for k, v in P.SECTOR_EMPOWER.items()}
        sec_in[None] = P.TECH_INPUT * S - sum(v for v in sec_in.values())
        sec_out[None] = P.TECH_EMPOWER * S - sum(v for v in sec_out.values() if v)
        return geo_in, geo_out, sec_in, sec_out

    def _geo_of(self, i: int) -> str:
        b = self.b
        country = b.get(i, "country")
        if country and country not in ("CN", "HK", "MO", "TW"):
            return str(country)
        return str(b.get(i, "city") or b.get(i, "province") or "CN")

    def _take(self, geo: dict[str, int], sec: dict[str | None, int], i: int, v: int) -> None:
        if v == 0:
            return
        g = self._geo_of(i)
        ind = self.b.get(i, "industry")
        geo[g] = geo.get(g, 0) - v
        sec[ind] = sec.get(ind, 0) - v
        if geo[g] < 0 or sec[ind] < 0:
            raise ValueError(f"named partner {self.b.get(i, 'name_zh')} exceeds the plan for {g}/{ind}")

    def _tech_partners(
        self,
        geo_in: dict[str, int],
        geo_out: dict[str, int],
        sec_in: dict[str | None, int],
        sec_out: dict[str | None, int],
        n_nodes: int,
    ) -> tuple[IntArray, IntArray, IntArray]:
        """Synthetic technology partners; returns (node ids, input-to-them, empowerment-from-them)."""
        _b, rng = self.b, self.rng
        cells_in = self._joint(geo_in, sec_in)
        cells_out = self._joint(geo_out, sec_out)
        keys = sorted(set(cells_in) | set(cells_out), key=lambda k: (k[0], k[1] or ""))
        totals = np.array([cells_in.get(k, 0) + cells_out.get(k, 0) for k in keys], dtype=np.int64)
        floor = -(-totals // P.PARTNER_TECH_CAP)
        if not floor.sum() <= n_nodes <= totals.sum():
            raise ValueError(f"{n_nodes} technology partners cannot carry {totals.sum()} relations")
        n_cell = capped_split(n_nodes, totals.astype(np.float64), totals, floor)
        node_parts, din_parts, dout_parts = [], [], []
        for (geo, sec), n in zip(keys, n_cell, strict=True):
            e_in = cells_in.get((geo, sec), 0)  # partner -> sample (the sample's input)
            e_out = cells_out.get((geo, sec), 0)  # sample -> partner (the sample's empowerment)
            total = e_in + e_out
            n = int(n)
            deg = powerlaw_degrees(rng, n, total, P.PARTNER_TECH_CAP, 2.2)
            slots = np.repeat(np.arange(n), deg)
            lab = np.zeros(total, dtype=np.int64)
            lab[:e_out] = 1
            rng.shuffle(lab)
            din = np.bincount(slots[lab == 0], minlength=n)
            dout = np.bincount(slots[lab == 1], minlength=n)
            nodes = self._make_partners(geo, sec, n)
            node_parts.append(nodes)
            din_parts.append(din)
            dout_parts.append(dout)
        return np.concatenate(node_parts), np.concatenate(din_parts), np.concatenate(dout_parts)

    def _joint(self, geo: dict[str, int], sec: dict[str | None, int]) -> dict[tuple[str, str | None], int]:
        g_keys = sorted(geo)
        s_keys = sorted(sec, key=lambda k: k or "")
        g = np.repeat(np.arange(len(g_keys)), [geo[k] for k in g_keys])
        s = np.repeat(np.arange(len(s_keys)), [sec[k] for k in s_keys])
        if len(g) != len(s):
            raise ValueError(f"geo and sector marginals differ: {len(g)} != {len(s)}")
        self.rng.shuffle(s)
        pairs, counts = np.unique(g * 1000 + s, return_counts=True)
        return {
            (g_keys[int(x) // 1000], s_keys[int(x) % 1000]): int(c)
            for x, c in zip(pairs, counts, strict=True)
        }

    def _make_partners(self, geo: str, sec: str | None, n: int) -> IntArray:
        b = self.b
        domestic = geo == "CN" or geo.isdigit()
        if domestic:
            prov = None if geo == "CN" else (geo[:2] + "0000")
            city = geo if geo.isdigit() and geo != prov else None
            country = {"71": "TW", "81": "HK", "82": "MO"}.get(geo[:2], "CN") if geo.isdigit() else "CN"
            place = {"country": country, "province": prov, "city": city}
        else:
            place = {"country": geo, "province": None, "city": None}
        if sec == "M":
            half = n // 2
            u = b.synth("University", "合成大学", "Synthetic University", half, industry="M", **place)
            r = b.synth(
                "ResearchInstitute",
                "合成研究院",
                "Synthetic Research Institute",
                n - half,
                industry="M",
                **place,
            )
            return np.concatenate([u, r])
        if sec is None:
            if domestic:
                half = n // 2
                gv = b.synth("Government", "合成政府部门", "Synthetic Government Agency", half, **place)
                lk = b.synth("Linker", "合成产业联盟", "Synthetic Industry Alliance", n - half, **place)
                return np.concatenate([gv, lk])
            return b.synth("Linker", "合成产业联盟", "Synthetic Industry Alliance", n, **place)
        return b.synth("Enterprise", "合成企业", "Synthetic Enterprise", n, industry=sec, **place)

    # -- human capital -------------------------------------------------------------------------------------
    def human_capital(self) -> None:
        b, S, rng, NS = self.b, self.S, self.rng, self.NS
        for exp, total, dom_total, named_dom, named_for, cap_dom, cap_for, key, mean in (
            (
                "study",
                P.HC_STUDY,
                P.HC_STUDY_DOMESTIC_TOTAL,
                P.HC_STUDY_DOMESTIC,
                P.HC_STUDY_FOREIGN,
                P.HC_CAP_STUDY_DOMESTIC,
                P.HC_CAP_STUDY_FOREIGN,
                0,
                3.5,
            ),
            (
                "work",
                P.HC_WORK,
                P.HC_WORK_DOMESTIC_TOTAL,
                P.HC_WORK_DOMESTIC,
                P.HC_WORK_FOREIGN,
                P.HC_CAP_WORK_DOMESTIC,
                P.HC_CAP_WORK_FOREIGN,
                1,
                1.6,
            ),
        ):
            named: dict[int, int] = {}
            for name, v in {**named_dom, **named_for}.items():
                named[b.named(name)] = v * S
            geo: dict[str, int] = {c: t[key] * S for c, t in P.HC_FOREIGN.items()}
            top = ("110000", "440000", "310000", "320000", "330000")
            ranked = sorted(P.HC_PROVINCE, key=lambda p: -P.HC_PROVINCE[p][key])[:10]
            fixed = {p: P.HC_PROVINCE[p][key] * S for p in sorted(set(top) | set(ranked))}
            rest = [p for p in sorted(P.HC_PROVINCE) if p not in fixed]
            unlocated = sum(v for i, v in named.items() if self._geo_of(i) == "CN")
            demand: dict[str, int] = {}
            for i, v in named.items():
                demand[self._geo_of(i)] = demand.get(self._geo_of(i), 0) + v
            left = dom_total * S - sum(fixed.values()) - unlocated
            split = largest_remainder(left, [P.HC_PROVINCE[p][key] for p in rest])
            provs = {**fixed, **{p: int(v) for p, v in zip(rest, split, strict=True)}}
            for p, v in provs.items():
                for c, n in b.cities_with_demand(p, v, demand).items():
                    geo[c] = geo.get(c, 0) + n
            geo["CN"] = unlocated
            for i, v in named.items():
                g = self._geo_of(i)
                geo[g] -= v
                if geo[g] < 0:
                    raise ValueError(f"{exp}: named {b.get(i, 'name_zh')} exceeds {g}")
            nodes_l, deg_l = [], []
            for g in sorted(geo):
                e = geo[g]
                if e <= 0:
                    continue
                domestic = g.isdigit() or g == "CN"
                cap = cap_dom if domestic else cap_for
                n = max(-(-e // cap), round(e / (mean if domestic else 1.4)))
                deg = powerlaw_degrees(rng, n, e, cap, 2.4)
                if exp == "study":
                    nodes = self._make_hc(g, n, "University", "合成大学", "Synthetic University", "M")
                else:
                    nodes = self._make_hc(g, n, "Enterprise", "合成企业", "Synthetic Enterprise", None)
                nodes_l.append(nodes)
                deg_l.append(deg)
            inst = np.concatenate([np.array(sorted(named), dtype=np.int64), *nodes_l])
            ideg = np.concatenate([np.array([named[i] for i in sorted(named)], dtype=np.int64), *deg_l])
            # sample side: every firm has at least one work relation (so every sample is in the network)
            w = np.sqrt(self.size) * np.exp(rng.normal(0, 0.6, NS))
            sdeg = capped_split(total * S, w, 60, 1 if exp == "work" else 0)
            s_end, i_end = self.pair(self.samples_idx, sdeg, inst, ideg)
            b.add_rels(i_end, s_end, "SUPPLIES_TALENT", exp)
            self.stats[f"hc_{exp}_nodes"] = int(sum(len(x) for x in nodes_l))

    def _make_hc(self, g: str, n: int, kind: str, zh: str, en: str, industry: str | None) -> IntArray:
        b = self.b
        if g.isdigit() or g == "CN":
            prov = None if g == "CN" else g[:2] + "0000"
            city = g if g.isdigit() and g != prov else None
            country = {"71": "TW", "81": "HK", "82": "MO"}.get(g[:2], "CN") if g.isdigit() else "CN"
            place = {"country": country, "province": prov, "city": city}
        else:
            place = {"country": g, "province": None, "city": None}
        cols: dict[str, Any] = dict(place)
        if industry:
            cols["industry"] = industry
        return b.synth(kind, zh, en, n, **cols)

    # -- investment ----------------------------------------------------------------------------------------
    def investment(self) -> None:
        b, S, rng, NS = self.b, self.S, self.rng, self.NS
        prov = self.prov
        # financed firms: exact counts per province and bin; amounts exact per province (0.01 亿 units)
        financed = np.zeros(NS, dtype=bool)
        fin_bin = np.full(NS, -1, dtype=np.int64)
        other_provs = [p for p in sorted(P.SAMPLE_PROVINCE) if p not in P.FIN_BINS]
        plan: dict[str, tuple[int, ...]] = {p: tuple(x * S for x in v) for p, v in P.FIN_BINS.items()}
        # the other provinces: at least one financed firm each, about half their firms; large (>10 亿)
        # firms at most one in three financed firms of a province, so no average reaches the top five
        sizes = np.array([P.SAMPLE_PROVINCE[p] * S for p in other_provs], dtype=np.int64)
        n_other = sum(P.FIN_BINS_OTHER) * S
        counts = capped_split(n_other, sizes, sizes, 1)
        big = capped_split(P.FIN_BINS_OTHER[2] * S, counts.astype(np.float64), counts // 3, 0)
        mid = capped_split(P.FIN_BINS_OTHER[1] * S, (counts - big).astype(np.float64), counts - big, 0)
        for p, c, b2, b1 in zip(other_provs, counts, big, mid, strict=True):
            plan[p] = (int(c - b2 - b1), int(b1), int(b2))
        for p in sorted(plan):
            members = np.flatnonzero(prov == p)
            n = sum(plan[p])
            w = self.size[members]
            chosen = rng.choice(members, size=n, replace=False, p=w / w.sum())
            chosen = chosen[np.argsort(-self.size[chosen], kind="stable")]
            # larger firms take the larger bins
            bins = np.repeat([2, 1, 0], [plan[p][2], plan[p][1], plan[p][0]])
            order = np.argsort(np.arange(n) + rng.normal(0, n * 0.15, n), kind="stable")
            financed[chosen] = True
            fin_bin[chosen[order]] = bins
        self.financed = financed
        self.fin_amounts(fin_bin)
        # investment received: into financed firms
        recv = np.zeros(NS, dtype=np.int64)
        fin_idx = np.flatnonzero(financed)
        w = np.where(fin_bin[fin_idx] == 2, 6.0, np.where(fin_bin[fin_idx] == 1, 2.0, 0.7)) * np.exp(
            rng.normal(0, 0.5, len(fin_idx))
        )
        recv[fin_idx] = capped_split(P.INV_RECEIVED * S, w, 200 * S, 1)
        # investment made (incl. acquisitions): the large firms
        made = np.zeros(NS, dtype=np.int64)
        w = self.size**1.3 * np.exp(rng.normal(0, 0.7, NS))
        n_made = P.INV_MADE - P.INV_ACQUISITIONS
        # per province first: 62% of each top-five province's investment relations are its firms'
        # investments (15,090 of 24,942 overall), the rest of the made edges by number of samples
        made_prov = {p: int(0.62 * v * S) for p, v in P.INV_INVESTOR_PROVINCE.items()}
        rest_p = [p for p in sorted(P.SAMPLE_PROVINCE) if p not in made_prov]
        rest_split = largest_remainder(
            n_made * S - sum(made_prov.values()), [P.SAMPLE_PROVINCE[p] for p in rest_p]
        )
        made_prov.update({p: int(v) for p, v in zip(rest_p, rest_split, strict=True)})
        for p in sorted(made_prov):
            m = np.flatnonzero(prov == p)
            made[m] = capped_split(made_prov[p], np.maximum(w[m] - 2.0, 0) + 1e-6, 400 * S, 0)
        acq = capped_split(P.INV_ACQUISITIONS * S, np.maximum(w - 3.0, 0) + 1e-9, 3, 0)
        # investors: named (Table 9) with exact sample counts; foreign by country; domestic by province
        named: dict[int, int] = {}
        for name, v in {**P.INVEST_INSTITUTIONS, **P.INVEST_CORPORATES}.items():
            i = b.named(name)
            named[i] = v * S
            b.set_generated(
                i, investor_type="investment_institution" if name in P.INVEST_INSTITUTIONS else "corporate"
            )
        geo: dict[str, int] = {c: v * S for c, v in P.INV_FOREIGN.items()}
        dom_recv = P.INV_RECEIVED * S - sum(geo.values())
        made_by_prov = {p: int(made[prov == p].sum() + acq[prov == p].sum() * 0) for p in sorted(set(prov))}
        investor_prov = {p: v * S - made_by_prov.get(p, 0) for p, v in P.INV_INVESTOR_PROVINCE.items()}
        unlocated = sum(v for i, v in named.items() if self._geo_of(i) == "CN")
        named_prov: dict[str, int] = {}
        demand: dict[str, int] = {}
        for i, v in named.items():
            demand[self._geo_of(i)] = demand.get(self._geo_of(i), 0) + v
        for i, v in named.items():
            g = self._geo_of(i)
            if g != "CN":
                pp = g[:2] + "0000"
                named_prov[pp] = named_prov.get(pp, 0) + v
        left = dom_recv - sum(investor_prov.values()) - unlocated
        rest = [p for p in sorted(P.SAMPLE_PROVINCE) if p not in investor_prov]
        # the other provinces' investors in proportion to their samples, each below Jiangsu's total
        split = largest_remainder(left, [P.SAMPLE_PROVINCE[p] for p in rest])
        provs = {**investor_prov, **{p: int(v) for p, v in zip(rest, split, strict=True)}}
        for p, v in provs.items():
            if v < named_prov.get(p, 0):
                raise ValueError(f"investors of province {p}: plan {v} < named {named_prov.get(p, 0)}")
            for c, n in b.cities_with_demand(p, v, demand).items():
                geo[c] = geo.get(c, 0) + n
        geo["CN"] = unlocated
        for i, v in named.items():
            geo[self._geo_of(i)] -= v
        inv_nodes, inv_deg = [], []
        for g in sorted(geo):
            e = geo[g]
            if e <= 0:
                if e < 0:
                    raise ValueError(f"investors of {g} below zero")
                continue
            domestic = g.isdigit() or g == "CN"
            n_corp = round(e * 0.15 / 2.0) if domestic else 0
            e_corp = min(e, n_corp * 2)
            e_vc = e - e_corp
            n_vc = max(-(-e_vc // P.INVEST_CAP_INSTITUTION), round(e_vc / 3.2))
            place = self._place_cols(g)
            if n_vc:
                inv_nodes.append(
                    b.synth(
                        "Investor",
                        "合成投资机构",
                        "Synthetic Investor",
                        n_vc,
                        investor_type="investment_institution",
                        **place,
                    )
                )
                inv_deg.append(powerlaw_degrees(rng, n_vc, e_vc, P.INVEST_CAP_INSTITUTION, 2.0))
            if n_corp:
                inv_nodes.append(
                    b.synth(
                        "Enterprise",
                        "合成企业",
                        "Synthetic Enterprise",
                        n_corp,
                        investor_type="corporate",
                        **place,
                    )
                )
                inv_deg.append(powerlaw_degrees(rng, n_corp, e_corp, P.INVEST_CAP_CORPORATE, 2.5))
        investors = np.concatenate([np.array(sorted(named), dtype=np.int64), *inv_nodes])
        ideg = np.concatenate([np.array([named[i] for i in sorted(named)], dtype=np.int64), *inv_deg])
        s_end, i_end = self.pair(self.samples_idx, recv, investors, ideg)
        b.add_rels(i_end, s_end, "INVESTS_IN")
        # investees of the samples' investments: financing located by investee province
        recv_by_prov = {pp: int(recv[prov == pp].sum()) for pp in sorted(set(prov))}
        tgt = {pp: v * S - recv_by_prov.get(pp, 0) for pp, v in P.INV_INVESTEE_PROVINCE.items()}
        if min(tgt.values()) < 0:
            raise ValueError(f"investee plan below zero: {tgt}")
        left = n_made * S - sum(tgt.values())
        rest = [pp for pp in sorted(P.TECH_PROVINCE) if pp not in tgt and pp[:2] not in ("71", "81")]
        split = largest_remainder(left, [P.TECH_PROVINCE[pp][1] for pp in rest])
        geo2: dict[str, int] = {}
        for pp, v in {**tgt, **{q: int(x) for q, x in zip(rest, split, strict=True)}}.items():
            for c, n in b.province_cities(pp, v).items():
                geo2[c] = geo2.get(c, 0) + n
        ee_nodes, ee_deg = [], []
        for g in sorted(geo2):
            e = geo2[g]
            if e <= 0:
                continue
            n = max(-(-e // 12), round(e / 1.25))
            ee_nodes.append(
                b.synth("Enterprise", "合成企业", "Synthetic Enterprise", n, **self._place_cols(g))
            )
            ee_deg.append(powerlaw_degrees(rng, n, e, 12, 3.0))
        investees = np.concatenate(ee_nodes)
        s_end, e_end = self.pair(self.samples_idx, made, investees, np.concatenate(ee_deg))
        b.add_rels(s_end, e_end, "INVESTS_IN")
        # acquisitions: one synthetic target each, located where the acquirer is
        n_acq = int(acq.sum())
        acquirers = np.repeat(self.samples_idx, acq)
        targets = b.synth(
            "Enterprise",
            "合成企业",
            "Synthetic Enterprise",
            n_acq,
            country="CN",
            province=[b.get(int(a), "province") for a in acquirers],
            city=[b.get(int(a), "city") for a in acquirers],
        )
        b.add_rels(acquirers, targets, "ACQUIRES")
        self.stats["investor_nodes"] = int(sum(len(x) for x in inv_nodes))
        self.stats["investee_nodes"] = len(investees) + n_acq

    def _place_cols(self, g: str) -> dict[str, Any]:
        if g.isdigit() or g == "CN":
            prov = None if g == "CN" else g[:2] + "0000"
            city = g if g.isdigit() and g != prov else None
            country = {"71": "TW", "81": "HK", "82": "MO"}.get(g[:2], "CN") if g.isdigit() else "CN"
            return {"country": country, "province": prov, "city": city}
        return {"country": g, "province": None, "city": None}

    def fin_amounts(self, fin_bin: IntArray) -> None:
        """Financing totals in 0.01 亿 units: bins exact, provincial totals exact, field shares by IPF."""
        b, S, rng = self.b, self.S, self.rng
        idx = np.flatnonzero(fin_bin >= 0)
        amt = np.zeros(self.NS, dtype=np.float64)
        lo = np.array([1, 100, 1001], dtype=np.float64)
        hi = np.array([99, 1000, 1e9], dtype=np.float64)
        for j in range(3):
            m = idx[fin_bin[idx] == j]
            if j < 2:
                amt[m] = np.exp(np.log(lo[j]) + rng.random(len(m)) * (np.log(hi[j]) - np.log(lo[j])))
            else:
                amt[m] = 1001 + 4000 * pareto(rng, len(m), 1.8)
        big = idx[fin_bin[idx] == 2]
        prov_targets = {p: v * S for p, v in P.FIN_PROVINCE_CENTS.items()}
        other_total = P.FIN_TOTAL_CENTS * S - sum(prov_targets.values())
        pkey = np.array([p if p in prov_targets else "other" for p in self.prov], dtype=object)
        tot = {**prov_targets, "other": other_total}
        field_t = {f: s / 100 * P.FIN_TOTAL_CENTS * S for f, s in P.FIN_FIELD_SHARE.items()}
        top5 = np.isin(pkey[big], ["110000", "310000", "330000", "440000", "320000"])
        amt[big[~top5]] = 1001 + 1000 * rng.random(int((~top5).sum()))  # no outliers outside the top five
        for _ in range(60):
            for p in sorted(tot):
                mb = big[pkey[big] == p]
                small = amt[idx[(pkey[idx] == p) & (fin_bin[idx] < 2)]].sum()
                if len(mb):
                    amt[mb] = np.maximum(1001, amt[mb] * (tot[p] - small) / amt[mb].sum())
            for f in sorted(field_t):
                mb = big[(self.field[big] == f) & top5]
                allf = amt[idx[self.field[idx] == f]].sum()
                if len(mb) and allf > 0:
                    factor = 1 + (field_t[f] - allf) / max(amt[mb].sum(), 1.0)
                    amt[mb] = np.maximum(1001, amt[mb] * max(factor, 0.2))
        cents = np.zeros(self.NS, dtype=np.int64)
        cents[idx] = np.round(amt[idx]).astype(np.int64)
        for p in sorted(tot):
            mb = big[pkey[big] == p]
            members = idx[pkey[idx] == p]
            diff = tot[p] - int(cents[members].sum())
            if len(mb):
                top = mb[np.argmax(cents[mb])]
                cents[top] += diff
            elif diff:
                raise ValueError(f"financing of {p}: no >10 亿 firm to absorb {diff}")
        for k in idx:
            b.set_generated(int(self.samples_idx[k]), financing_total_cny=int(cents[k]) * 1_000_000)
