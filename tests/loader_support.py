"""Helpers shared by the loader tests (not a test module)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from valuenet import aggregates
from valuenet.db import Graph

REPO = Path(__file__).resolve().parent.parent
EXAMPLES = REPO / "examples"


def _key(labels: list[str], props: dict[str, Any]) -> str:
    if "Organization" in labels:
        return "Organization:" + str(props.get("id"))
    code = props.get("code", props.get("version"))
    return ":".join(sorted(labels)) + ":" + str(code)


def dump(graph: Graph) -> dict[str, Any]:
    """Every node and relationship as comparable, sorted JSON-friendly data (element ids left out), without
    what valuenet derives from the data: the maintained aggregates (with the organisations' links_*
    properties of org_degrees) and their freshness stamp (computed at a time, raised by every load; tests of
    them are in tests/engine/test_aggregates.py)."""
    nodes = {}
    eid_key = {}
    for row in graph.run("MATCH (n) RETURN elementId(n) AS eid, labels(n) AS labels, properties(n) AS props"):
        props = dict(row["props"])
        if "Aggregate" in row["labels"] or props.get("key") == "relations_version":
            continue
        props.pop("applied_at", None)  # schema bookkeeping timestamp
        props = {p: v for p, v in props.items() if not p.startswith(aggregates.LINKS)}
        k = _key(sorted(row["labels"]), props)
        eid_key[row["eid"]] = k
        nodes[k] = {"labels": sorted(row["labels"]), "props": props}
    rels = []
    for row in graph.run(
        "MATCH (a)-[r]->(b) RETURN elementId(a) AS a, elementId(b) AS b, type(r) AS t, properties(r) AS props"
    ):
        rels.append(
            [eid_key[row["a"]], row["t"], eid_key[row["b"]], json.dumps(row["props"], sort_keys=True)]
        )
    rels.sort()
    return {"nodes": dict(sorted(nodes.items())), "rels": rels}


def org(graph: Graph, name: str) -> dict[str, Any]:
    rows = graph.run(
        "MATCH (n:Organization {name_zh: $name}) RETURN properties(n) AS p, labels(n) AS labels",
        {"name": name},
    )
    assert len(rows) == 1, f"{len(rows)} organisations named {name!r}"
    return {**rows[0]["p"], "_labels": sorted(rows[0]["labels"])}


def rels(graph: Graph, rtype: str | None = None) -> list[tuple[str, str, str, dict[str, Any]]]:
    """(source name, type, target name, props) of the relationships between organisations, sorted."""
    rows = graph.run(
        "MATCH (a:Organization)-[r]->(b:Organization) "
        "RETURN a.name_zh AS a, type(r) AS t, b.name_zh AS b, properties(r) AS p"
    )
    out = [(r["a"], r["t"], r["b"], dict(r["p"])) for r in rows if rtype is None or r["t"] == rtype]
    return sorted(out, key=lambda x: (x[0], x[1], x[2], json.dumps(x[3], sort_keys=True)))


PLACES = [
    ("广东", "深圳"), ("广东", "广州"), ("北京", "北京"), ("上海", "上海"),
    ("浙江", "杭州"), ("江苏", "苏州"), ("四川", "成都"), ("湖北", "武汉"),
]  # fmt: skip
REL_TYPES = ["技术输入", "技术赋能", "前期学习经验", "前期工作经验", "投资", "获投", "收购"]
COUNTRIES = ["中国"] * 9 + ["美国", "德国", "日本"]


def write_big_input(folder: Path, n_samples: int, n_rels: int, seed: int = 7) -> Path:
    """Generated sample and relation tables plus their mapping (for speed and crash tests); the mapping."""
    import random

    import yaml

    rnd = random.Random(seed)
    folder.mkdir(parents=True, exist_ok=True)
    n_partners = max(1, int(n_rels / 2.36))
    with (folder / "samples.csv").open("w", encoding="utf-8", newline="") as f:
        w = csv_writer(f)
        w.writerow(["编号", "企业名称", "成立时间", "省份", "城市", "行业", "技术层次", "融资总额"])
        for i in range(n_samples):
            prov, city = rnd.choice(PLACES)
            w.writerow([f"S{i:06d}", f"测试样本-{i:06d}", 1990 + rnd.randrange(31), prov, city,
                        rnd.choice(["I65", "C39", "C36", "I64"]), rnd.choice(["基础层", "技术层", "应用层"]),
                        f"{rnd.randrange(1, 500)}0万元"])  # fmt: skip
    with (folder / "relations.csv").open("w", encoding="utf-8", newline="") as f:
        w = csv_writer(f)
        w.writerow(["样本节点", "关系节点", "关系类型", "国家", "省份", "城市", "行业"])
        for _ in range(n_rels):
            # Partners with a power-law-ish popularity.
            p = int(n_partners * rnd.random() ** 2.5)
            country = COUNTRIES[p % len(COUNTRIES)]
            prov, city = PLACES[p % len(PLACES)] if country == "中国" else ("", "")
            sample = f"测试样本-{rnd.randrange(n_samples):06d}"
            industry = ["C39", "C36", "I65", "J66"][p % 4]
            w.writerow([sample, f"测试伙伴-{p:06d}", rnd.choice(REL_TYPES), country, prov, city, industry])
    mapping = yaml.safe_load((EXAMPLES / "mapping.yaml").read_text(encoding="utf-8"))
    rel_spec = mapping["files"][2]["relations"]
    rel_spec["partner"]["kind"] = "Enterprise"
    rel_spec["properties"] = {}
    doc = {
        "dataset": "big-test",
        "edition": 2021,
        "licence": "test",
        "synthetic": True,
        "files": [
            {
                "path": "samples.csv",
                "nodes": {
                    "id": "编号",
                    "name": "企业名称",
                    "kind": "Enterprise",
                    "roles": ["Sample"],
                    "location": {"province": "省份", "city": "城市"},
                    "industry": "行业",
                    "tech_layer": "技术层次",
                    "properties": {
                        "founded_year": {"column": "成立时间", "type": "year"},
                        "financing_total_cny": {"column": "融资总额", "type": "money"},
                    },
                },
            },
            {"path": "relations.csv", "relations": rel_spec},
        ],
    }
    path = folder / "mapping.yaml"
    path.write_text(yaml.safe_dump(doc, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


def csv_writer(f: Any) -> Any:
    import csv

    return csv.writer(f, lineterminator="\n")


def cli_env(home: Path, database: str | None) -> dict[str, str]:
    """Environment for a `valuenet` subprocess talking to the tests' embedded server and database."""
    import os

    env = {k: v for k, v in os.environ.items() if not k.startswith("NEO4J_")}
    env["VALUENET_HOME"] = str(home)
    if database:
        env["NEO4J_DATABASE"] = database
    env["COLUMNS"] = "200"
    return env


def valuenet_cmd(*args: str) -> list[str]:
    import sys

    return [sys.executable, "-m", "valuenet", *args]
