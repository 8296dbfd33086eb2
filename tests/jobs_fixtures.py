"""Graphs with known answers for the job tests, loaded into the real embedded engine."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterable

import networkx as nx

from gds_jobs.algorithms.graphs import Projected, collect
from valuenet import queries
from valuenet.db import Graph

# Labels are given at CREATE: adding a label later re-creates the vertex in ArcadeDB.
CREATE_ORGS = "UNWIND $rows AS row CREATE (n:Organization {id: row.id, name_zh: row.name})"
CREATE_SAMPLES = "UNWIND $rows AS row CREATE (n:Organization:Sample {id: row.id, name_zh: row.name})"
# One query per relationship type: tests keep to the graph model's fixed types.
CREATE_RELS = {
    "EMPOWERS": "UNWIND $rows AS row MATCH (a:Organization {id: row.s}), (b:Organization {id: row.t}) "
    "CREATE (a)-[:EMPOWERS]->(b)",
    "INVESTS_IN": "UNWIND $rows AS row MATCH (a:Organization {id: row.s}), (b:Organization {id: row.t}) "
    "CREATE (a)-[:INVESTS_IN]->(b)",
    "ACQUIRES": "UNWIND $rows AS row MATCH (a:Organization {id: row.s}), (b:Organization {id: row.t}) "
    "CREATE (a)-[:ACQUIRES]->(b)",
    "PART_OF": "UNWIND $rows AS row MATCH (a:Organization {id: row.s}), (b:Organization {id: row.t}) "
    "CREATE (a)-[:PART_OF]->(b)",
    "SUPPLIES_TALENT": "UNWIND $rows AS row MATCH (a:Organization {id: row.s}), (b:Organization {id: row.t}) "
    "CREATE (a)-[:SUPPLIES_TALENT {experience: row.experience}]->(b)",
}


def node_id(i: int) -> str:
    return f"k{i:02d}"


def load_orgs(graph: Graph, ids: Iterable[str], samples: Iterable[str] = ()) -> None:
    s = set(samples)
    rows = [{"id": i, "name": f"机构{i}"} for i in ids]
    graph.write_batches(CREATE_SAMPLES, [r for r in rows if r["id"] in s])
    graph.write_batches(CREATE_ORGS, [r for r in rows if r["id"] not in s])


def load_rels(graph: Graph, rel_type: str, pairs: Iterable[tuple[str, str]], **props: str) -> None:
    graph.write_batches(CREATE_RELS[rel_type], [{"s": a, "t": b, **props} for a, b in pairs])


def load_nx(graph: Graph, g: nx.Graph, *, both_directions: bool = True, samples: bool = True) -> None:
    """Nodes as Organizations (all :Sample by default), edges as EMPOWERS (both directions by default,
    so that directed algorithms see the undirected graph)."""
    ids = [node_id(n) for n in g.nodes()]
    load_orgs(graph, ids, ids if samples else ())
    pairs = [(node_id(u), node_id(v)) for u, v in g.edges()]
    if both_directions:
        pairs += [(b, a) for a, b in pairs]
    load_rels(graph, "EMPOWERS", pairs)


def scores(graph: Graph, prop: str) -> dict[str, float]:
    rows = graph.read(
        "MATCH (n:Organization) WHERE n[$p] IS NOT NULL RETURN n.id AS id, n[$p] AS v", {"p": prop}
    )
    return {r["id"]: r["v"] for r in rows}


def script_on(graph: Graph, script: str) -> subprocess.Popen[str]:
    """Python `script` in a process of its own, given the graph's connection as argv[1:5] (uri, user,
    password, database); its stdout piped, for a test to read and then kill it."""
    info = graph.info
    return subprocess.Popen(
        [sys.executable, "-c", script, info.uri, info.username, info.password, info.database or ""],
        stdout=subprocess.PIPE,
        text=True,
    )


def streamed(graph: Graph, projection: str) -> Projected:
    """A projection as the engine computes it in Cypher (`jobs/stream_projection`, the local half of the
    GDS projection's MATCH): the oracle of the local backend's in-memory projections."""
    return collect(graph.stream(queries.load("jobs/stream_projection").render(projection=projection)))


def counted_in_cypher(graph: Graph, projection: str = "value_network") -> int:
    """The relationships `projection` counts, counted by the engine (`jobs/count_projection`)."""
    return int(graph.read(queries.load("jobs/count_projection").render(projection=projection))[0]["n"])


def pairs(p: Projected) -> list[tuple[str, str]]:
    """A projection's relationships as (source id, target id), sorted: independent of the numbering."""
    return sorted((p.ids[s], p.ids[t]) for s, t in zip(p.sources.tolist(), p.targets.tolist(), strict=True))
