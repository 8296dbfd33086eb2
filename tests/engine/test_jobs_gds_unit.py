"""GDS backend unit tests: the exact GDS procedure calls and parameters, through the recording runner."""

from __future__ import annotations

import math
from typing import Any

import pytest

from gds_jobs import registry
from gds_jobs.gds_backend import GdsBackend, InsufficientMemoryError, hoeffding_sources
from gds_jobs.recording import RecordingRunner

STAGED = "pagerank__r20261121T000000_abcdef"
GRAPH = f"valuenet_{STAGED}"


def runner(nodes: int = 1000, rels: int = 3000, free: int = 10**9, need: int = 10**6) -> RecordingRunner:
    project = [{"graph_name": GRAPH, "node_count": nodes, "relationship_count": rels}]
    estimate = [{"required_memory": "[1 MiB ... 1 MiB]", "bytes_min": need, "bytes_max": need}]
    responses: dict[str, Any] = {f"jobs/gds/project_{p}": project for p in registry.PROJECTIONS}
    responses["jobs/gds/project_network_reversed"] = project
    responses |= {f"jobs/gds/{a}_estimate": estimate for a in ("degree", "pagerank", "betweenness")}
    responses |= {f"jobs/gds/{a}_estimate": estimate for a in ("louvain", "leiden", "wcc", "clustering")}
    responses["jobs/gds/free_heap"] = [{"free_heap": free, "total_heap": free, "max_heap": free}]
    responses["jobs/gds/louvain_write"] = [
        {"node_properties_written": nodes, "communities": 7, "modularity": 0.61}
    ]
    return RecordingRunner(responses)


def execute(job: str, rr: RecordingRunner, **overrides: Any):  # type: ignore[no-untyped-def]
    spec = registry.get(job)
    return GdsBackend(rr, concurrency=4).execute(
        spec, spec.resolved_params(overrides), STAGED, lambda p, f: None
    )


def test_pagerank_calls_and_parameters() -> None:
    rr = runner()
    result = execute("pagerank", rr)
    assert rr.names == [
        "jobs/gds/project_network_reversed",
        "jobs/gds/pagerank_estimate",
        "jobs/gds/free_heap",
        "jobs/gds/pagerank_write",
        "jobs/gds/drop",
    ]
    assert rr.procedures == [
        "gds.graph.project",
        "gds.pageRank.write.estimate",
        "gds.systemMonitor",
        "gds.pageRank.write",
        "gds.graph.drop",
    ]
    assert rr.call("jobs/gds/project_network_reversed").params == {
        "graph_name": GRAPH,
        "config": {"readConcurrency": 4},
    }
    config = {
        "writeProperty": STAGED,
        "concurrency": 4,
        "dampingFactor": 0.85,
        "maxIterations": 100,
        "tolerance": 1e-7,
    }
    assert rr.call("jobs/gds/pagerank_estimate").params == {"graph_name": GRAPH, "config": config}
    assert rr.call("jobs/gds/pagerank_write").params == {"graph_name": GRAPH, "config": config}
    assert rr.call("jobs/gds/drop").params == {"graph_name": GRAPH}
    assert "CALL gds.pageRank.write($graph_name, $config)" in rr.call("jobs/gds/pagerank_write").query
    assert "gds.graph.drop($graph_name, false)" in rr.call("jobs/gds/drop").query
    assert (result.nodes, result.relationships) == (1000, 3000)
    assert result.facts["gds_concurrency"] == 4 and result.facts["gds_estimated_bytes"] == 10**6


@pytest.mark.parametrize(
    ("job", "projection", "orientation"),
    [
        ("degree_tech", "empowers", "UNDIRECTED"),
        ("degree_tech_in", "empowers", "REVERSE"),
        ("degree_tech_out", "empowers", "NATURAL"),
        ("degree_talent_study", "talent_study", "NATURAL"),
        ("degree_talent_work", "talent_work", "NATURAL"),
        ("degree_invest_out", "invests_samples", "NATURAL"),
        ("degree_invest_in", "invests", "REVERSE"),
    ],
)
def test_degree_jobs_project_directed_and_pass_orientation(
    job: str, projection: str, orientation: str
) -> None:
    rr = runner()
    execute(job, rr)
    project = rr.call(f"jobs/gds/project_{projection}")
    assert project.params["config"] == {"readConcurrency": 4}  # directed projection
    write = rr.call("jobs/gds/degree_write")
    assert write.procedures == ["gds.degree.write"]
    assert write.params["config"] == {"writeProperty": STAGED, "concurrency": 4, "orientation": orientation}


def test_projections_use_the_same_match_as_the_local_stream() -> None:
    from valuenet import queries

    for name, p in registry.PROJECTIONS.items():
        if p.local_source:
            continue  # derived locally; checked on the engine below
        stream = queries.text(f"jobs/stream_{name}").rsplit("RETURN", 1)[0]
        gds = queries.text(f"jobs/gds/project_{name}").split("WITH gds.graph.project", 1)[0]
        assert stream.strip() == gds.strip(), name


def test_gds_and_local_projections_give_the_same_graph(graph) -> None:  # type: ignore[no-untyped-def]
    """Run the MATCH of each GDS projection on the real engine (returning the pairs instead of projecting)
    and compare with the local backend's view: same nodes, same relationships (undirected: same pairs)."""
    from gds_jobs.local import LocalBackend
    from tests.jobs_fixtures import load_orgs, load_rels
    from valuenet import queries

    load_orgs(graph, ["S1", "S2", "S3"], samples=["S1", "S2", "S3"])
    load_orgs(graph, ["R1", "R2", "R3", "R4"])
    load_rels(graph, "EMPOWERS", [("R1", "S1"), ("S1", "R1"), ("S1", "S2"), ("R2", "R3"), ("S3", "S3")])
    load_rels(graph, "SUPPLIES_TALENT", [("R3", "S1"), ("R3", "S2")], experience="study")
    load_rels(graph, "SUPPLIES_TALENT", [("R3", "S1")], experience="work")
    load_rels(graph, "INVESTS_IN", [("R1", "S1"), ("R4", "S2")])
    load_rels(graph, "ACQUIRES", [("S2", "R2")])
    load_rels(graph, "PART_OF", [("R4", "R1")])
    backend = LocalBackend(graph)
    for name, proj in registry.PROJECTIONS.items():
        match = queries.text(proj.gds_project_query).split("WITH gds.graph.project", 1)[0]
        rows = graph.read(match + "\nRETURN n.id AS source, m.id AS target")
        gds_nodes = {r["source"] for r in rows} | {r["target"] for r in rows if r["target"]}
        gds_rels = sorted((r["source"], r["target"]) for r in rows if r["target"])
        job = next(j for j in registry.JOBS.values() if j.projection is proj)
        local = backend.project(job)
        assert set(local.ids) == gds_nodes, name
        pairs = [
            (local.ids[s], local.ids[t])
            for s, t in zip(local.sources.tolist(), local.targets.tolist(), strict=True)
        ]
        if proj.undirected:
            pairs = sorted({tuple(sorted(x)) for x in pairs if x[0] != x[1]})
            gds_rels = sorted({tuple(sorted(x)) for x in gds_rels})
        assert sorted(pairs) == gds_rels, name


def test_undirected_jobs_project_undirected() -> None:
    for job in ("betweenness", "harmonic", "louvain", "leiden", "wcc", "clustering"):
        rr = runner()
        execute(job, rr)
        config = rr.call("jobs/gds/project_network_undirected").params["config"]
        assert config == {"readConcurrency": 4, "undirectedRelationshipTypes": ["*"]}, job


def test_betweenness_sampling_size_from_the_stated_bound() -> None:
    rr = runner(nodes=43742)
    result = execute("betweenness", rr, epsilon=0.05, delta=0.1)
    k = math.ceil(math.log(2 * 43742 / 0.1) / (2 * 0.05**2))
    assert k == hoeffding_sources(43742, 0.05, 0.1) == 2737
    assert rr.call("jobs/gds/betweenness_write").params["config"] == {
        "writeProperty": STAGED,
        "concurrency": 4,
        "samplingSize": k,
        "samplingSeed": 42,
    }
    assert result.facts["betweenness_samples"] == k
    assert result.facts["betweenness_error_bound"] == pytest.approx(0.05 * 43742 * 43741 / 2)


def test_betweenness_exact_on_request_or_when_sampling_would_not_save_work() -> None:
    for overrides, nodes in (({"exact": True}, 43742), ({"epsilon": 0.01}, 500)):
        rr = runner(nodes=nodes)
        result = execute("betweenness", rr, **overrides)
        assert rr.call("jobs/gds/betweenness_write").params["config"] == {
            "writeProperty": STAGED,
            "concurrency": 4,
        }
        assert result.facts["betweenness_method"] == "exact (Brandes)"


def test_louvain_and_leiden_record_seeds_and_concurrency() -> None:
    rr = runner()
    result = execute("louvain", rr)
    assert rr.call("jobs/gds/louvain_write").params["config"] == {
        "writeProperty": STAGED,
        "concurrency": 4,
        "maxLevels": 10,
        "maxIterations": 10,
        "tolerance": 0.0001,
    }
    assert result.facts["modularity"] == 0.61 and result.facts["communities"] == 7
    assert "no random seed" in result.facts["seed_note"]
    rr = runner()
    execute("leiden", rr)
    assert rr.call("jobs/gds/leiden_write").params["config"] == {
        "writeProperty": STAGED,
        "concurrency": 1,
        "maxLevels": 10,
        "gamma": 1.0,
        "randomSeed": 42,
    }


def test_other_procedures() -> None:
    expected = {
        "wcc": "gds.wcc.write",
        "clustering": "gds.localClusteringCoefficient.write",
        "harmonic": "gds.closeness.harmonic.write",
    }
    for job, procedure in expected.items():
        rr = runner()
        execute(job, rr)
        assert procedure in rr.procedures and rr.names[-1] == "jobs/gds/drop"
    rr = runner()
    execute("harmonic", rr)
    assert "jobs/gds/free_heap" not in rr.names  # no .estimate for harmonic closeness


def test_refuses_when_the_estimate_exceeds_free_heap_and_still_drops() -> None:
    rr = runner(free=512 * 2**20, need=3 * 2**30)
    with pytest.raises(
        InsufficientMemoryError, match=r"needs up to 3\.0 GiB of heap .* only 512\.0 MiB is free"
    ):
        execute("pagerank", rr)
    assert "jobs/gds/pagerank_write" not in rr.names
    assert rr.names[-1] == "jobs/gds/drop"


def test_projection_is_dropped_when_the_algorithm_fails() -> None:
    rr = runner()

    def fail(params: dict[str, Any]) -> list[dict[str, Any]]:
        raise RuntimeError("procedure failed")

    rr.responses = {**rr.responses, "jobs/gds/wcc_write": fail}
    with pytest.raises(RuntimeError, match="procedure failed"):
        execute("wcc", rr)
    assert rr.names[-1] == "jobs/gds/drop"


def test_a_gds_run_is_published_through_the_same_swap(graph) -> None:  # type: ignore[no-untyped-def]
    """GDS simulated by the runner (it writes the staging property as gds.*.write would); the JobRun,
    swap and snapshot run on the real embedded engine."""
    import networkx as nx

    from gds_jobs.runner import run_job
    from tests.jobs_fixtures import load_nx, scores

    load_nx(graph, nx.path_graph(3))

    def write(params: dict[str, Any]) -> list[dict[str, Any]]:
        graph.write("MATCH (n:Organization) SET n[$p] = 0.5", {"p": params["config"]["writeProperty"]})
        return [{"node_properties_written": 3}]

    rr = runner(nodes=3, rels=4)
    rr.responses = {**rr.responses, "jobs/gds/pagerank_write": write}
    rec = run_job(graph, registry.get("pagerank"), backend=GdsBackend(rr, concurrency=4))
    assert rec.status == "succeeded" and rec.backend == "gds"
    assert scores(graph, "pagerank") == {"k00": 0.5, "k01": 0.5, "k02": 0.5}
    run = graph.read("MATCH (r:JobRun {id: $id}) RETURN properties(r) AS p", {"id": rec.id})[0]["p"]
    assert run["backend"] == "gds" and run["concurrency"] == 4 and run["gds_concurrency"] == 4
    # Summary statistics are local-only: with a GDS backend they still run (locally) and say so.
    stats = run_job(graph, registry.get("network_stats"), backend=GdsBackend(rr))
    assert stats.backend == "local" and stats.stats and stats.stats["nodes"] == 3


def test_every_job_query_file_has_a_valid_header() -> None:
    from valuenet import queries

    files = queries.list_dir("jobs")
    assert len(files) > 30
    for f in files:
        assert {"title_zh", "title_en", "answers", "params"} <= set(f.meta), f.name
