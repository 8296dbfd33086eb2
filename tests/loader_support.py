"""Helpers shared by the loader tests (not a test module)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from valuenet.db import Graph

REPO = Path(__file__).resolve().parent.parent
EXAMPLES = REPO / "examples"


def _key(labels: list[str], props: dict[str, Any]) -> str:
    if "Organization" in labels:
        return "Organization:" + str(props.get("id"))
    code = props.get("code", props.get("version"))
    return ":".join(sorted(labels)) + ":" + str(code)


def dump(graph: Graph) -> dict[str, Any]:
    """Every node and relationship as comparable, sorted JSON-friendly data (element ids left out)."""
    nodes = {}
    eid_key = {}
    for row in graph.run("MATCH (n) RETURN elementId(n) AS eid, labels(n) AS labels, properties(n) AS props"):
        props = dict(row["props"])
        props.pop("applied_at", None)  # schema bookkeeping timestamp
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
