"""The GDS calls the backend builds from the catalogue: exact procedures, configurations and projection
queries, through the recording runner (no engine)."""

from __future__ import annotations

import math
from typing import Any

import pytest

from gds_jobs import catalogue
from gds_jobs.algorithms.base import Result
from gds_jobs.algorithms.centrality import hoeffding_samples
from gds_jobs.gds_backend import GdsBackend, InsufficientMemoryError
from gds_jobs.recording import RecordingRunner
from valuenet import queries
from valuenet.model import MODEL

STAGED = "pagerank__r20261121T000000_abcdef"
GRAPH = f"valuenet_{STAGED}"
PROCEDURES = ("degree", "pageRank", "betweenness", "louvain", "leiden", "wcc", "localClusteringCoefficient")


def runner(nodes: int = 1000, rels: int = 3000, free: int = 10**9, need: int = 10**6) -> RecordingRunner:
    estimate = [{"required_memory": "[1 MiB ... 1 MiB]", "bytes_min": need, "bytes_max": need}]
    responses: dict[str, Any] = {f"gds.{p}.write.estimate": estimate for p in PROCEDURES}
    responses["gds.graph.project"] = [{"graph_name": GRAPH, "node_count": nodes, "relationship_count": rels}]
    responses["gds.systemMonitor"] = [{"free_heap": free, "total_heap": free, "max_heap": free}]
    louvain = {"node_properties_written": nodes, "communities": 7, "modularity": 0.61}
    responses["gds.louvain.write"] = [louvain]
    return RecordingRunner(responses)


def execute(job: str, rr: RecordingRunner, **overrides: Any) -> Result:
    spec = catalogue.get(job)
    return GdsBackend(rr, concurrency=4).execute(
        spec, spec.resolved_params(overrides), STAGED, lambda p, f: None
    )


def projection(name: str, orientation: str) -> str:
    return queries.load("jobs/gds/project").render(projection=name, orientation=orientation)


def test_pagerank_calls_and_parameters() -> None:
    rr = runner()
    result = execute("pagerank", rr)
    assert rr.procedures == [
        "gds.graph.project",
        "gds.pageRank.write.estimate",
        "gds.systemMonitor",
        "gds.pageRank.write",
        "gds.graph.drop",
    ]
    project = rr.call("gds.graph.project")
    assert project.query == projection("value_network", "REVERSE")  # rank flows to the providers
    assert project.params == {"graph_name": GRAPH, "config": {"readConcurrency": 4}}
    config = {
        "writeProperty": STAGED,
        "concurrency": 4,
        "dampingFactor": 0.85,
        "maxIterations": 100,
        "tolerance": 1e-7,
    }
    assert rr.call("gds.pageRank.write.estimate").params == {"graph_name": GRAPH, "config": config}
    write = rr.call("gds.pageRank.write")
    assert write.params == {"graph_name": GRAPH, "config": config}
    assert write.query.startswith("CALL gds.pageRank.write($graph_name, $config)")
    assert "ranIterations AS ran_iterations" in write.query and "didConverge AS did_converge" in write.query
    assert rr.call("gds.graph.drop").params == {"graph_name": GRAPH}
    assert (result.nodes, result.relationships) == (1000, 3000)
    assert result.facts["gds_concurrency"] == 4 and result.facts["gds_estimated_bytes"] == 10**6


def test_every_declared_pagerank_parameter_reaches_gds() -> None:
    rr = runner()
    execute("pagerank", rr, damping_factor=0.5, max_iterations=7, tolerance=1e-3)
    config = rr.call("gds.pageRank.write").params["config"]
    assert (config["dampingFactor"], config["maxIterations"], config["tolerance"]) == (0.5, 7, 1e-3)


@pytest.mark.parametrize(
    ("job", "projection_name", "orientation"),
    [
        ("degree_tech", "technology", "UNDIRECTED"),
        ("degree_tech_in", "technology", "REVERSE"),
        ("degree_tech_out", "technology", "NATURAL"),
        ("degree_talent_study", "talent_study", "NATURAL"),
        ("degree_talent_work", "talent_work", "NATURAL"),
        ("degree_invest_out", "investment_into_focal", "NATURAL"),
        ("degree_invest_in", "investment", "REVERSE"),
    ],
)
def test_degree_jobs_project_as_stored_and_pass_orientation(
    job: str, projection_name: str, orientation: str
) -> None:
    rr = runner()
    execute(job, rr)
    project = rr.call("gds.graph.project")
    assert project.query == projection(projection_name, "NATURAL")
    assert project.params["config"] == {"readConcurrency": 4}  # directed projection
    write = rr.call("gds.degree.write")
    assert write.params["config"] == {"writeProperty": STAGED, "concurrency": 4, "orientation": orientation}


def test_undirected_jobs_project_each_pair_once_undirected() -> None:
    for job in ("betweenness", "harmonic", "louvain", "leiden", "wcc", "clustering"):
        rr = runner()
        execute(job, rr)
        project = rr.call("gds.graph.project")
        assert project.query == projection("value_network", "UNDIRECTED"), job
        assert project.params["config"] == {"readConcurrency": 4, "undirectedRelationshipTypes": ["*"]}


def test_projection_templates_follow_the_graph_model() -> None:
    """The GDS projection in stored direction has exactly the local stream's MATCH; reversing flips the
    pattern and the focal rule with it; the types and the rule come from the model."""
    for name in MODEL.projections:
        stream = queries.load("jobs/stream_projection").render(projection=name).rsplit("RETURN", 1)[0]
        gds = projection(name, "NATURAL").split("WITH gds.graph.project", 1)[0]
        assert stream.strip() == gds.strip(), name
        assert f"[r:{MODEL.rel_types(name)}]" in gds
    reversed_into_focal = projection("investment_into_focal", "REVERSE")
    assert "(n)<-[r:INVESTS_IN]-(m:Organization)" in reversed_into_focal
    assert "WHERE n:Sample" in reversed_into_focal  # the investee, now n, is the focal end
    assert "r.experience = 'work'" in projection("talent_work", "UNDIRECTED")
    everyone = queries.load("jobs/gds/project").render(
        model=MODEL.with_focal(None), projection="value_network", orientation="NATURAL"
    )
    assert "Sample" not in everyone


def test_betweenness_sampling_size_from_the_stated_bound() -> None:
    rr = runner(nodes=43742)
    result = execute("betweenness", rr, epsilon=0.05, delta=0.1, seed=7)
    k = math.ceil(math.log(2 * 43742 / 0.1) / (2 * 0.05**2))
    assert k == hoeffding_samples(43742, 0.05, 0.1) == 2737
    assert rr.call("gds.betweenness.write").params["config"] == {
        "writeProperty": STAGED,
        "concurrency": 4,
        "samplingSize": k,
        "samplingSeed": 7,
    }
    assert result.facts["betweenness_samples"] == k
    assert result.facts["betweenness_error_bound"] == pytest.approx(0.05 * 43742 * 43741 / 2)


def test_betweenness_exact_on_request_or_when_sampling_would_not_save_work() -> None:
    for overrides, nodes in (({"exact": True}, 43742), ({"epsilon": 0.01}, 500)):
        rr = runner(nodes=nodes)
        result = execute("betweenness", rr, **overrides)
        assert rr.call("gds.betweenness.write").params["config"] == {
            "writeProperty": STAGED,
            "concurrency": 4,
        }
        assert result.facts["betweenness_method"] == "exact (Brandes)"


def test_louvain_and_leiden_configuration_and_recorded_facts() -> None:
    rr = runner()
    result = execute("louvain", rr, max_levels=3, max_iterations=5, tolerance=0.01)
    assert rr.call("gds.louvain.write").params["config"] == {
        "writeProperty": STAGED,
        "concurrency": 4,
        "maxLevels": 3,
        "maxIterations": 5,
        "tolerance": 0.01,
    }
    assert result.facts["modularity"] == 0.61 and result.facts["communities"] == 7
    rr = runner()
    execute("leiden", rr, gamma=0.5, max_levels=4, seed=9)
    assert rr.call("gds.leiden.write").params["config"] == {
        "writeProperty": STAGED,
        "concurrency": 1,  # randomSeed reproduces only at concurrency 1
        "maxLevels": 4,
        "gamma": 0.5,
        "randomSeed": 9,
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
        assert procedure in rr.procedures and rr.procedures[-1] == "gds.graph.drop"
    rr = runner()
    result = execute("harmonic", rr)
    assert "gds.systemMonitor" not in rr.procedures  # no .estimate for harmonic closeness
    assert result.facts["harmonic_method"].startswith("exact")


def test_refuses_when_the_estimate_exceeds_free_heap_and_still_drops() -> None:
    rr = runner(free=512 * 2**20, need=3 * 2**30)
    with pytest.raises(
        InsufficientMemoryError, match=r"needs up to 3\.0 GiB of heap .* only 512\.0 MiB is free"
    ):
        execute("pagerank", rr)
    assert "gds.pageRank.write" not in rr.procedures
    assert rr.procedures[-1] == "gds.graph.drop"


def test_projection_is_dropped_when_the_algorithm_fails() -> None:
    rr = runner()

    def fail(params: dict[str, Any]) -> list[dict[str, Any]]:
        raise RuntimeError("procedure failed")

    rr.responses = {**rr.responses, "gds.wcc.write": fail}
    with pytest.raises(RuntimeError, match="procedure failed"):
        execute("wcc", rr)
    assert rr.procedures[-1] == "gds.graph.drop"


def test_a_summary_job_has_no_gds_call() -> None:
    rr = runner()
    with pytest.raises(ValueError, match="no GDS implementation"):
        execute("network_stats", rr)
    assert rr.calls == []


def test_node_sets_of_every_focal_rule() -> None:
    """`touched` projections keep the focal set and the organisations at a relationship they count."""
    data = MODEL.model_dump(by_alias=True)
    for focal in ("either", "target", "source", "none"):
        data["projections"][f"t_{focal}"] = {"types": ["EMPOWERS"], "focal": focal, "nodes": "touched"}
    data["projections"]["t_where"] = {
        "types": ["SUPPLIES_TALENT"],
        "nodes": "touched",
        "where": {"experience": "work"},
    }
    model = type(MODEL).model_validate(data)
    assert model.nodes_predicate("t_either", "n") == "n:Sample OR EXISTS { (n)-[:EMPOWERS]-(:Sample) }"
    assert model.nodes_predicate("t_target", "n") == "n:Sample OR EXISTS { (n)-[:EMPOWERS]->(:Sample) }"
    assert model.nodes_predicate("t_source", "n") == "n:Sample OR EXISTS { (n)<-[:EMPOWERS]-(:Sample) }"
    assert model.nodes_predicate("t_none", "n") == "n:Sample OR EXISTS { (n)-[:EMPOWERS]-(:Organization) }"
    assert model.nodes_predicate("t_where", "n") == (
        "n:Sample OR EXISTS { (n)-[n_rel:SUPPLIES_TALENT]-(:Sample) WHERE n_rel.experience = 'work' }"
    )
    assert model.nodes_predicate("technology", "n") == "true"  # nodes: all
    assert model.with_focal(None).nodes_predicate("t_either", "n") == "true"  # everyone is focal
    assert model.counts("t_target", True, False) is False and model.counts("t_source", True, False) is True
    assert model.counts("t_none", False, False) is True and model.counts("t_either", False, True) is True
