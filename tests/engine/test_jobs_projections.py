"""Job projections on the real engine: the GDS projection's MATCH, the same projection streamed in Cypher
and the local backend's in-memory projection give the same graph for every graph-model projection and
orientation; a GDS run (simulated by the recording runner) is published through the same swap as a local
one."""

from __future__ import annotations

from typing import Any

import pytest

from gds_jobs import catalogue
from gds_jobs.algorithms.base import Orientation
from gds_jobs.algorithms.graphs import Projected
from gds_jobs.gds_backend import GdsBackend
from gds_jobs.local import LocalBackend
from gds_jobs.recording import RecordingGds
from tests.jobs_fixtures import counted_in_cypher, load_orgs, load_rels, pairs, streamed
from valuenet import queries
from valuenet.db import Graph
from valuenet.model import MODEL


def _mixed_graph(graph: Graph) -> None:
    """Samples, relation nodes, parallel and reciprocal relations, a self-loop, a relation without a
    sample end, both talent experiences, structure (PART_OF)."""
    load_orgs(graph, ["S1", "S2", "S3"], samples=["S1", "S2", "S3"])
    load_orgs(graph, ["R1", "R2", "R3", "R4"])
    load_rels(graph, "EMPOWERS", [("R1", "S1"), ("S1", "R1"), ("S1", "S2"), ("R2", "R3"), ("S3", "S3")])
    load_rels(graph, "SUPPLIES_TALENT", [("R3", "S1"), ("R3", "S2")], experience="study")
    load_rels(graph, "SUPPLIES_TALENT", [("R3", "S1")], experience="work")
    load_rels(graph, "INVESTS_IN", [("R1", "S1"), ("R4", "S2")])
    load_rels(graph, "ACQUIRES", [("S2", "R2")])
    load_rels(graph, "PART_OF", [("R4", "R1")])


def in_memory(graph: Graph, projection: str) -> Projected:
    """The local backend's projection (derived in memory from one fetch of the graph)."""
    job = next(j for j in catalogue.JOBS.values() if j.projection == projection)
    return LocalBackend(graph).project(job)


def _gds_rows(graph: Graph, projection: str, orientation: Orientation) -> tuple[set[str], list[Any]]:
    """The GDS projection's MATCH run on the engine, returning the pairs instead of projecting them."""
    query = queries.load("jobs/gds/project").render(projection=projection, orientation=orientation.value)
    match = query.split("RETURN gds.graph.project", 1)[0]
    rows = graph.read(match + "\nRETURN n.id AS source, m.id AS target")
    nodes = {r["source"] for r in rows} | {r["target"] for r in rows if r["target"]}
    return nodes, sorted((r["source"], r["target"]) for r in rows if r["target"])


@pytest.mark.parametrize("projection", list(MODEL.projections))
def test_gds_and_local_projections_give_the_same_graph(graph: Graph, projection: str) -> None:
    _mixed_graph(graph)
    local = in_memory(graph, projection)
    cypher = streamed(graph, projection)
    assert local.ids == sorted(local.ids)  # numbered in id order, whatever order the engine answers in
    assert sorted(local.ids) == sorted(cypher.ids) and pairs(local) == pairs(cypher)
    assert local.counted_relationships == counted_in_cypher(graph, projection)
    stored = pairs(local)
    for orientation in Orientation:
        nodes, rels = _gds_rows(graph, projection, orientation)
        assert set(local.ids) == nodes, (projection, orientation)
        if orientation is Orientation.NATURAL:
            assert stored == rels
        elif orientation is Orientation.REVERSE:  # rows are (n, m) for m -> n
            assert stored == sorted((t, s) for s, t in rels)
        elif MODEL.projection(projection).focal in ("either", "none"):  # each linked pair once
            assert sorted({tuple(sorted(x)) for x in stored if x[0] != x[1]}) == rels


def test_projections_count_the_reports_relations(graph: Graph) -> None:
    """What each projection keeps on the mixed graph (relations with a sample end only)."""
    _mixed_graph(graph)

    def kept(name: str) -> list[tuple[str, str]]:
        return pairs(in_memory(graph, name))

    assert kept("technology") == [("R1", "S1"), ("S1", "R1"), ("S1", "S2"), ("S3", "S3")]
    assert kept("talent_study") == [("R3", "S1"), ("R3", "S2")]
    assert kept("talent_work") == [("R3", "S1")]
    assert kept("investment_into_focal") == [("R1", "S1"), ("R4", "S2")]
    value = in_memory(graph, "value_network")
    assert value.ids == ["R1", "R2", "R3", "R4", "S1", "S2", "S3"]
    # R1 -> S1 is EMPOWERS and INVESTS_IN: one pair; the self-loop is left out
    assert kept("value_network") == [
        ("R1", "S1"), ("R3", "S1"), ("R3", "S2"), ("R4", "S2"), ("S1", "R1"), ("S1", "S2"), ("S2", "R2"),
    ]  # fmt: skip
    assert value.counted_relationships == 10  # every relation with a sample end, once
    assert len(in_memory(graph, "technology").ids) == 7  # nodes: all = every organisation


def test_the_reference_check_and_the_job_compute_table3_alike(graph: Graph) -> None:
    """loader.reference.stats runs the job's Table 3 code on in-memory edges: same numbers as the job."""
    import pandas as pd

    from gds_jobs.runner import latest_network_stats, run_job
    from loader.reference.generate import Dataset
    from loader.reference.stats import network_stats

    _mixed_graph(graph)
    ids = ["S1", "S2", "S3", "R1", "R2", "R3", "R4"]
    orgs = pd.DataFrame({"id": ids, "sample": [i.startswith("S") for i in ids]})
    rels = pd.DataFrame(
        [
            (a, b, "EMPOWERS", None)
            for a, b in [("R1", "S1"), ("S1", "R1"), ("S1", "S2"), ("R2", "R3"), ("S3", "S3")]
        ]
        + [("R3", "S1", "SUPPLIES_TALENT", "study"), ("R3", "S2", "SUPPLIES_TALENT", "study")]
        + [
            ("R3", "S1", "SUPPLIES_TALENT", "work"),
            ("R1", "S1", "INVESTS_IN", None),
            ("R4", "S2", "INVESTS_IN", None),
        ]
        + [("S2", "R2", "ACQUIRES", None), ("R4", "R1", "PART_OF", None)],
        columns=["source", "target", "type", "experience"],
    )
    in_memory = network_stats(Dataset(orgs=orgs, rels=rels, stats={}), exact_paths=True)
    run_job(graph, catalogue.get("network_stats"), overrides={"exact_paths": True})
    on_graph = latest_network_stats(graph)
    assert on_graph is not None
    assert (in_memory["nodes"], in_memory["edges"]) == (7, 10)
    for key, value in in_memory.items():
        if key != "compute_s":
            assert on_graph[key] == pytest.approx(value), key


def test_a_gds_run_is_published_through_the_same_swap(graph: Graph) -> None:
    """GDS simulated by the recording client (it writes the staging property as gds.*.write would); the
    JobRun, swap and snapshot run on the real embedded engine."""
    import networkx as nx

    from gds_jobs.runner import run_job
    from tests.jobs_fixtures import load_nx, scores

    load_nx(graph, nx.path_graph(3))

    def write(kwargs: dict[str, Any]) -> dict[str, Any]:
        graph.write("MATCH (n:Organization) SET n[$p] = 0.5", {"p": kwargs["write_property"]})
        return {"node_properties_written": 3, "ran_iterations": 4}

    gds = RecordingGds(
        {
            "graph.project.cypher": {"graph_name": "g", "node_count": 3, "relationship_count": 4},
            "page_rank.estimate": {"required_memory": "1 KiB", "bytes_min": 1024, "bytes_max": 1024},
            "debug.sys_info": {"available_heap_in_bytes": 10**9},
            "page_rank.write": write,
        }
    )
    rec = run_job(graph, catalogue.get("pagerank"), backend=GdsBackend(gds, concurrency=4))
    assert rec.status == "succeeded" and rec.backend == "gds"
    assert scores(graph, "pagerank") == {"k00": 0.5, "k01": 0.5, "k02": 0.5}
    run = graph.read("MATCH (r:JobRun {id: $id}) RETURN properties(r) AS p", {"id": rec.id})[0]["p"]
    assert run["backend"] == "gds" and run["concurrency"] == 4 and run["gds_concurrency"] == 4
    assert run["ran_iterations"] == 4 and run["algorithm"] == "pagerank"
    assert run["projection"] == "value_network"
    # Summary statistics are local-only: with a GDS backend they still run (locally) and say so.
    stats = run_job(graph, catalogue.get("network_stats"), backend=GdsBackend(gds))
    assert stats.backend == "local" and stats.stats and stats.stats["nodes"] == 3
    # What GDS cannot apply is refused before a run is recorded.
    with pytest.raises(ValueError, match=r"gds backend cannot apply iterations: gds\.leiden runs once"):
        run_job(graph, catalogue.get("leiden"), backend=GdsBackend(gds), overrides={"iterations": 5})
    assert not graph.read("MATCH (r:JobRun {job: 'leiden'}) RETURN r.id AS id")


def test_every_job_query_file_has_a_valid_header() -> None:
    files = queries.list_dir("jobs")
    assert len(files) > 15
    for f in files:
        assert {"title_zh", "title_en", "answers", "params"} <= set(f.meta), f.name
