"""Write the reference dataset as the loader's input: CSV tables in the reports' layout plus two mappings.

    DIR/observed/机构.csv, 关系.csv, mapping.yaml     layer 1 (synthetic: false)
    DIR/synthetic/样本企业.csv, 关系节点.csv, 关系.csv, mapping.yaml   layer 2 (synthetic: true)
    DIR/MANIFEST.json                                 scale, seed, row counts, sha256 of every file

Named organisations are written in the observed tables; the generated attributes of named sample firms
(layer, field, founding year ...) are written again in the synthetic sample table, so they carry the
synthetic dataset id in `sources` and their names in `synthetic_props`. Every file is sorted and written
with fixed formatting, so the same dataset gives byte-identical files.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from loader import dimensions as dims
from loader.reference.generate import SYNTHETIC_SOURCE, Dataset

OBSERVED_DATASET = "cingai-reports-observed"
SYNTHETIC_DATASET = SYNTHETIC_SOURCE
LICENCE = "CC-BY-4.0"

KIND_ZH = {
    "Enterprise": "企业",
    "University": "大学",
    "ResearchInstitute": "科研院所",
    "NewRDInstitution": "新型研发机构",
    "Investor": "投资机构",
    "Government": "政府",
    "Linker": "联盟",
}
# relation type -> (关系类型, the sample end is the source?)
REL_ZH = {
    ("EMPOWERS", "sample_to_partner"): "技术赋能",
    ("EMPOWERS", "partner_to_sample"): "技术输入",
    ("SUPPLIES_TALENT:study", "partner_to_sample"): "前期学习经验",
    ("SUPPLIES_TALENT:work", "partner_to_sample"): "前期工作经验",
    ("INVESTS_IN", "sample_to_partner"): "投资",
    ("INVESTS_IN", "partner_to_sample"): "获投",
    ("ACQUIRES", "sample_to_partner"): "收购",
}
NODE_COLUMNS = {  # column -> org field
    "机构编号": "id",
    "机构名称": "name_zh",
    "英文名称": "name_en",
    "机构类型": "kind",
    "国家": "country",
    "省份": "province_name",
    "城市": "city_name",
    "省份代码": "province",
    "城市代码": "city",
    "母公司": "parent",
    "行业": "industry",
    "应用领域": "application_field",
    "技术层次": "tech_layer",
    "核心技术": "core_technology",
    "成立时间": "founded_year",
    "是否上市": "listed",
    "员工人数": "staff",
    "营业收入": "revenue_cny",
    "市值": "market_value_cny",
    "融资总额": "financing_total_cny",
    "研发强度": "rd_intensity",
    "研发人员占比": "rd_staff_share",
    "专利数": "patents",
    "投资者类型": "investor_type",
    "平台领域": "platform_domain",
    "平台批次": "platform_batch",
    "别名": "aliases",
    "出处": "sources",
    "合成属性": "synthetic_props",
}
REL_COLUMNS = ["样本节点编号", "样本节点", "关系节点编号", "关系节点", "关系类型", "出处", "版次"]


def _fmt(v: Any) -> str:
    if v is None or (isinstance(v, float) and v != v):
        return ""
    if isinstance(v, bool):
        return "是" if v else "否"
    if isinstance(v, float):
        return f"{v:.4f}".rstrip("0").rstrip(".")
    if isinstance(v, list | tuple):
        return "|".join(str(x) for x in v)
    return str(v)


def _write_csv(path: Path, frame: pd.DataFrame) -> None:
    """A frame of strings as UTF-8 CSV with \n line ends (byte-stable)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(frame.to_csv(index=False, lineterminator="\n").encode("utf-8"))


CHUNK = 500_000  # rows per piece when writing the large synthetic tables


def _write_chunks(path: Path, frames: Any) -> None:
    """Frames of strings appended to one CSV (header from the first), so scale 100 needs little memory."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("wb") as f:
        first = True
        for frame in frames:
            f.write(frame.to_csv(index=False, header=first, lineterminator="\n").encode("utf-8"))
            first = False


def _text(col: pd.Series) -> pd.Series:
    """Cells as text: empty for missing, 是/否 for booleans, lists joined with |, 4-decimal floats."""
    out = pd.Series("", index=col.index, dtype=object)
    mask = col.notna().to_numpy()
    if mask.any():
        out[mask] = col[mask].map(_fmt)
    return out


def _place_names() -> tuple[dict[str, str], dict[str, str]]:
    prov = {p.code: p.name_zh for p in dims.provinces()}
    city = {c.code: c.name_zh for c in dims.cities()}
    return prov, city


def _node_rows(orgs: pd.DataFrame, parents: dict[str, str], sort: bool = True) -> pd.DataFrame:
    prov_names, city_names = _place_names()
    o = orgs.sort_values("id", kind="stable") if sort else orgs
    src = {
        "province_name": o["province"].map(prov_names),
        "city_name": o["city"].map(city_names),
        "parent": o["id"].map(parents),
        "kind": o["kind"].map(KIND_ZH),
    }
    cols = {}
    for header, field in NODE_COLUMNS.items():
        col = src.get(field, o[field] if field in o.columns else pd.Series(None, index=o.index, dtype=object))
        cols[header] = _text(col.astype(object)).to_numpy()
    return pd.DataFrame(cols)


def _rel_rows(
    rels: pd.DataFrame, names: dict[str, str], samples: set[str], sort: bool = True
) -> pd.DataFrame:
    source = rels["source"].to_numpy(dtype=object)
    target = rels["target"].to_numpy(dtype=object)
    typ = rels["type"].to_numpy(dtype=object)
    exp = rels["experience"].fillna("").to_numpy(dtype=object)
    s_sample = rels["source"].isin(samples).to_numpy()
    t_sample = rels["target"].isin(samples).to_numpy()
    talent = typ == "SUPPLIES_TALENT"
    # the sample end: the receiver for talent and financing, else the sample firm (or the source)
    to_sample = talent | ((typ == "INVESTS_IN") & t_sample) | ((typ == "EMPOWERS") & t_sample & ~s_sample)
    sample = np.where(to_sample, target, source)
    partner = np.where(to_sample, source, target)
    key = np.where(talent, "SUPPLIES_TALENT:" + exp.astype(str), typ.astype(str))
    direction = np.where(to_sample, "partner_to_sample", "sample_to_partner")
    label = [REL_ZH[(k, d)] for k, d in zip(key.tolist(), direction.tolist(), strict=True)]
    frame = pd.DataFrame(
        {
            "样本节点编号": sample,
            "样本节点": pd.Series(sample).map(names).to_numpy(),
            "关系节点编号": partner,
            "关系节点": pd.Series(partner).map(names).to_numpy(),
            "关系类型": label,
            "出处": rels["sources"].map("|".join).to_numpy(),
            "版次": rels["editions"].map(lambda v: "|".join(str(x) for x in v)).to_numpy(),
        }
    )
    return frame.sort_values(["样本节点编号", "关系节点编号", "关系类型"], kind="stable").reset_index(
        drop=True
    )


def _mapping(
    dataset: str, synthetic: bool, description: str, node_files: list[tuple[str, list[str]]]
) -> dict[str, Any]:
    # The loader's `sources` holds the dataset id; the observed layer's line citations (report2021:L1412)
    # go to `citations` on nodes and relationships.
    CITATIONS = {"citations": {"column": "出处", "type": "list", "separator": "|"}} if not synthetic else {}
    files: list[dict[str, Any]] = []
    for path, roles in node_files:
        files.append(
            {
                "path": path,
                "nodes": {
                    "id": "机构编号",
                    "name": "机构名称",
                    "name_en": "英文名称",
                    "kind": {"column": "机构类型", "values": {v: k for k, v in KIND_ZH.items()}},
                    "roles": roles,
                    "parent": "母公司",
                    "location": {"country": "国家", "province": "省份", "city": "城市"},
                    "industry": "行业",
                    "application_fields": {"column": "应用领域", "separator": "|"},
                    "tech_layer": "技术层次",
                    "core_technologies": {"column": "核心技术", "separator": "|"},
                    "aliases": {"column": "别名", "separator": "|"},
                    "properties": {
                        "founded_year": {"column": "成立时间", "type": "year"},
                        "listed": {"column": "是否上市", "type": "bool"},
                        "staff": {"column": "员工人数", "type": "int"},
                        "revenue_cny": {"column": "营业收入", "type": "money"},
                        "market_value_cny": {"column": "市值", "type": "money"},
                        "financing_total_cny": {"column": "融资总额", "type": "money"},
                        "rd_intensity": {"column": "研发强度", "type": "share"},
                        "rd_staff_share": {"column": "研发人员占比", "type": "share"},
                        "patents": {"column": "专利数", "type": "int"},
                        "investor_type": {"column": "投资者类型"},
                        "platform_domain": {"column": "平台领域"},
                        "platform_batch": {"column": "平台批次"},
                        "synthetic_props": {"column": "合成属性", "type": "list", "separator": "|"},
                        **CITATIONS,
                    },
                },
            }
        )
    values: dict[str, Any] = {}
    for (key, direction), zh in REL_ZH.items():
        typ, _, exp = key.partition(":")
        spec: dict[str, Any] = {"type": typ, "direction": direction}
        if exp:
            spec["properties"] = {"experience": exp}
        values[zh] = spec
    files.append(
        {
            "path": "关系.csv",
            "relations": {
                "sample": {"id": "样本节点编号", "name": "样本节点", "create": False},
                "partner": {"id": "关系节点编号", "name": "关系节点", "create": False},
                "type": {"column": "关系类型", "values": values},
                "properties": dict(CITATIONS),
            },
        }
    )
    return {
        "dataset": dataset,
        "edition": 2021,
        "licence": LICENCE,
        "synthetic": synthetic,
        "description": description,
        "files": files,
    }


def write(ds: Dataset, out: Path, *, scale: int, seed: int) -> dict[str, Any]:
    """Write the tables, the two mappings and MANIFEST.json; return the manifest."""
    import yaml

    out.mkdir(parents=True, exist_ok=True)
    orgs, rels = ds.orgs, ds.rels
    names = dict(zip(orgs["id"], orgs["name_zh"], strict=True))
    samples = set(orgs.loc[orgs["sample"], "id"])
    part_of = rels[rels["type"] == "PART_OF"]
    parents = {s: names[t] for s, t in zip(part_of["source"], part_of["target"], strict=True)}
    is_value = (rels["type"] != "PART_OF").to_numpy()
    rel_syn = rels["synthetic"].to_numpy(dtype=bool)
    observed_rels = rels[is_value & ~rel_syn]
    org_syn = orgs["synthetic"].to_numpy(dtype=bool)
    org_sample = orgs["sample"].to_numpy(dtype=bool)
    obs_orgs = orgs[~org_syn].copy()
    gen_cols = [c for c in orgs.columns if c not in ("aliases", "sources", "synthetic_props")]
    # observed table: only the observed facts of named organisations
    observed_view = obs_orgs.copy()
    generated = set()
    for props in observed_view["synthetic_props"]:
        generated |= set(props)
    for col in sorted(generated):
        observed_view[col] = [
            None if col in sp else v
            for v, sp in zip(observed_view[col], observed_view["synthetic_props"], strict=True)
        ]
    observed_view["synthetic_props"] = [[] for _ in range(len(observed_view))]
    observed_view["sources"] = [[s for s in src if s != SYNTHETIC_SOURCE] for src in observed_view["sources"]]
    # synthetic tables: named samples/partners with their generated attributes, then the synthetic
    # organisations in generation order (deterministic), written in pieces
    touched = obs_orgs[[len(sp) > 0 for sp in obs_orgs["synthetic_props"]]].copy()
    for col in gen_cols:
        if col in ("id", "name_zh", "name_en", "kind", "sample", "platform", "country", "province", "city"):
            continue
        touched[col] = [
            v if col in sp else None for v, sp in zip(touched[col], touched["synthetic_props"], strict=True)
        ]
    touched["aliases"] = [[] for _ in range(len(touched))]
    touched["sources"] = [[SYNTHETIC_SOURCE] for _ in range(len(touched))]

    def node_pieces(head: pd.DataFrame, mask: Any) -> Any:
        yield _node_rows(head, {})
        idx = np.flatnonzero(mask)
        for a in range(0, len(idx), CHUNK):
            yield _node_rows(orgs.iloc[idx[a : a + CHUNK]], {}, sort=False)

    def rel_pieces(mask: Any) -> Any:
        idx = np.flatnonzero(mask)
        for a in range(0, len(idx), CHUNK):
            yield _rel_rows(rels.iloc[idx[a : a + CHUNK]], names, samples, sort=False)

    obs_dir, syn_dir = out / "observed", out / "synthetic"
    plat = observed_view["platform"].astype(bool)
    samp = observed_view["sample"].astype(bool)
    _write_csv(obs_dir / "样本企业.csv", _node_rows(observed_view[samp & ~plat], parents))
    _write_csv(obs_dir / "平台企业.csv", _node_rows(observed_view[samp & plat], parents))
    _write_csv(obs_dir / "机构.csv", _node_rows(observed_view[~samp], parents))
    _write_csv(obs_dir / "关系.csv", _rel_rows(observed_rels, names, samples))
    t_sample = touched["sample"].astype(bool)
    _write_chunks(syn_dir / "样本企业.csv", node_pieces(touched[t_sample], org_syn & org_sample))
    _write_chunks(syn_dir / "关系节点.csv", node_pieces(touched[~t_sample], org_syn & ~org_sample))
    _write_chunks(syn_dir / "关系.csv", rel_pieces(is_value & rel_syn))
    obs_map = _mapping(
        OBSERVED_DATASET,
        False,
        "Organisations named and relations stated in the CINGAI AI industry reports 2020/2021 (layer 1)",
        [("样本企业.csv", ["Sample"]), ("平台企业.csv", ["Sample", "Platform"]), ("机构.csv", [])],
    )
    syn_map = _mapping(
        SYNTHETIC_DATASET,
        True,
        f"Synthetic reconstruction of the 2021 value network, scale {scale}, seed {seed} (layer 2)",
        [("样本企业.csv", ["Sample"]), ("关系节点.csv", [])],
    )
    for d, m in ((obs_dir, obs_map), (syn_dir, syn_map)):
        text = yaml.safe_dump(m, allow_unicode=True, sort_keys=False, width=200)
        (d / "mapping.yaml").write_bytes(text.encode("utf-8"))
    files = sorted(p for p in out.rglob("*") if p.is_file() and p.name != "MANIFEST.json")
    manifest = {
        "scale": scale,
        "seed": seed,
        "organisations": len(orgs),
        "relationships": len(rels),
        "files": {str(p.relative_to(out)): hashlib.sha256(p.read_bytes()).hexdigest() for p in files},
    }
    (out / "MANIFEST.json").write_bytes(
        (json.dumps(manifest, ensure_ascii=False, indent=2, sort_keys=True) + "\n").encode("utf-8")
    )
    return manifest
