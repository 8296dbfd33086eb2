"""Graph's bulk property methods (the jobs' write-back and publication): the embedded engine's SQL-over-HTTP
path and the Cypher path leave the same graph, and a whole job run does too."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from gds_jobs import catalogue
from gds_jobs.local import LocalBackend
from gds_jobs.runner import RunRecord, run_jobs
from tests.jobs_fixtures import load_orgs, load_rels
from valuenet.db import Graph

IDS = [f"o{i}" for i in range(12)]
SAMPLES = IDS[:4]  # :Organization:Sample, a combined-label type under Organization on ArcadeDB
PUBLISH = "MATCH (r:JobRun {id: $run_id}) SET r.published = true RETURN r.id AS id, $copied AS copied"


def _graph(fresh_graph: Callable[..., Graph], fast: bool) -> Graph:
    g = fresh_graph("bulk")
    g.bulk_fast_paths = fast
    load_orgs(g, IDS, samples=SAMPLES)
    load_rels(g, "EMPOWERS", [(IDS[i], IDS[(i * 5 + 1) % len(IDS)]) for i in range(len(IDS))])
    load_rels(g, "EMPOWERS", [(SAMPLES[0], IDS[7]), (IDS[9], SAMPLES[1])])
    return g


def _nodes(g: Graph) -> dict[str, dict[str, Any]]:
    """Every organisation's properties (keys present, not only values), by id."""
    rows = g.read("MATCH (n:Organization) RETURN n.id AS id, properties(n) AS props")
    return {r["id"]: r["props"] for r in rows}


def _bulk_steps(g: Graph) -> list[Any]:
    """The same sequence on either path; returns what each step returned."""
    g.write("CREATE (:JobRun {id: 'run1'})")
    out: list[Any] = []
    a = {"o0": 1.5, "o1": 2.0, "o5": 0.0, "o9": 7}
    out.append(g.set_property("Organization", "id", "q", {i: 3 for i in IDS[:6]}))  # public q set before
    out.append(
        g.publish_properties(  # two properties for the same nodes: one statement on the fast path
            "Organization",
            "id",
            scores={
                "p__a": ("q", a),
                "r__a": ("r", {k: -v for k, v in a.items()}),
                "t__a": ("t", {"o1": 10, "o9": 11, "o11": 12}),  # other nodes: keys left null go
            },
            copies={},
            then=PUBLISH,
            params={"run_id": "run1"},
        )
    )
    out.append(g.set_property("Organization", "id", "s__b", {i: 1 for i in IDS[3:8]}))  # as GDS writes
    out.append(
        g.publish_properties(
            "Organization",
            "id",
            scores={"p__b": ("q", {"o2": -1.25, "nobody": 4.0})},
            copies={"s__b": "s"},
            drop=["t__a"],  # from o2 (given a value) and o1, o9, o11 (given none)
            then=PUBLISH,
            params={"run_id": "run1"},
        )
    )
    out.append(g.read("MATCH (n:Organization) WHERE n.t__a IS NOT NULL RETURN n.id AS id"))
    out.append(  # every node given a value: none is left to clear
        g.publish_properties(
            "Organization",
            "id",
            scores={"u__c": ("u", dict.fromkeys(IDS, 1))},
            copies={},
            then=PUBLISH,
            params={"run_id": "run1"},
        )
    )
    out.append(g.remove_properties("Organization", ["p__a", "r__a", "t__a"], key="id", batch_size=5))
    out.append(g.remove_properties("Organization", ["never_set"], key="id"))
    out.append(g.read("MATCH (r:JobRun) RETURN r.id AS id, r.published AS published"))
    return out


def test_fast_and_cypher_paths_leave_the_same_graph(fresh_graph: Callable[..., Graph]) -> None:
    fast, plain = _graph(fresh_graph, True), _graph(fresh_graph, False)
    assert fast._bulk_http() is not None and plain._bulk_http() is None  # both paths really ran
    steps = _bulk_steps(fast)
    assert steps == _bulk_steps(plain)
    assert steps[4] == []  # the dropped version is gone from every node
    nodes = _nodes(fast)
    assert nodes == _nodes(plain)
    assert nodes["o2"]["q"] == -1.25
    assert {i for i, p in nodes.items() if "q" in p} == {"o2"}  # q removed where p__b is absent
    assert {i: p["r"] for i, p in nodes.items() if "r" in p} == {"o0": -1.5, "o1": -2.0, "o5": 0.0, "o9": -7}
    assert {i: p["t"] for i, p in nodes.items() if "t" in p} == {"o1": 10, "o9": 11, "o11": 12}
    assert {i for i, p in nodes.items() if "s" in p} == set(IDS[3:8])
    assert not any(k in p for p in nodes.values() for k in ("p__a", "r__a", "t__a"))
    assert isinstance(nodes["o2"]["p__b"], float)
    assert all(p["u"] == p["u__c"] == 1 for p in nodes.values()) and len(nodes) == len(IDS)


def test_both_paths_fetch_the_same_graph(fresh_graph: Callable[..., Graph]) -> None:
    """Graph.node_links: the same nodes, focal marks and relationships (types, properties) either way, a
    relationship type that no relationship has yet included, and a property that some relationships of a
    type lack (the embedded engine's lists must still line up)."""
    linked = []
    for fast in (True, False):
        g = _graph(fresh_graph, fast)
        load_rels(g, "SUPPLIES_TALENT", [("o3", "o0"), ("o4", "o1")], experience="work")
        load_rels(g, "SUPPLIES_TALENT", [("o5", "o2")])  # one of its type without the property
        links = g.node_links("Organization", "id", ["ACQUIRES", "EMPOWERS", "SUPPLIES_TALENT"], mark="Sample",
                             properties=["experience"])  # fmt: skip
        linked.append(
            (
                sorted(zip(links.keys, links.marked, strict=True)),
                sorted(
                    (links.keys[s], links.keys[t], kind, experience)
                    for s, t, kind, experience in zip(
                        links.sources, links.targets, links.types, links.properties["experience"], strict=True
                    )
                ),
            )
        )
    assert linked[0] == linked[1]
    nodes, rels = linked[0]
    assert [k for k, marked in nodes if marked] == SAMPLES and len(nodes) == len(IDS)
    assert ("o3", "o0", "SUPPLIES_TALENT", "work") in rels and len(rels) == len(IDS) + 5
    assert ("o5", "o2", "SUPPLIES_TALENT", None) in rels
    assert {r[3] for r in rels if r[2] == "EMPOWERS"} == {None}


def test_a_job_run_writes_the_same_scores_on_either_path(fresh_graph: Callable[..., Graph]) -> None:
    graphs = [_graph(fresh_graph, fast) for fast in (True, False)]
    published = []
    for g in graphs:
        jobs = [catalogue.get(name) for name in ("degree_tech", "pagerank")]
        for rec in run_jobs(g, jobs, backend=LocalBackend(g, share_projections=True)):  # published together
            assert isinstance(rec, RunRecord) and rec.facts["published_with"] == 2
        published.append(
            {
                i: {k: v for k, v in p.items() if k in ("degree_tech", "pagerank")}
                for i, p in _nodes(g).items()
            }
        )
        assert rec.status == "succeeded"
    assert published[0] == published[1]
    assert sum(1 for p in published[0].values() if "pagerank" in p) == rec.nodes > 0


@pytest.mark.parametrize("name", ["bad-name", "x`y", "1st"])
def test_only_plain_identifiers_reach_a_query(graph: Graph, name: str) -> None:
    with pytest.raises(ValueError, match="not a plain label or property name"):
        graph.set_property("Organization", "id", name, {"o1": 1})
    with pytest.raises(ValueError, match="not a plain label or property name"):
        graph.remove_properties(name, ["p"], key="id")
