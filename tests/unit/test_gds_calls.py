"""The GDS calls the backend makes through the `graphdatascience` client, built from the catalogue: exact
endpoints, keyword arguments and projection queries, through the recording client (no engine)."""

from __future__ import annotations

import math
from typing import Any

import pytest

from gds_jobs import catalogue
from gds_jobs.algorithms.base import Result
from gds_jobs.algorithms.centrality import hoeffding_samples
from gds_jobs.gds_backend import GdsBackend, InsufficientMemoryError
from gds_jobs.recording import RecordingGds
from valuenet import queries
from valuenet.model import MODEL

STAGED = "pagerank__r20261121T000000_abcdef"
GRAPH = f"valuenet_{STAGED}"
ENDPOINTS = ("degree", "page_rank", "betweenness", "louvain", "leiden", "wcc", "local_clustering_coefficient")


def client(nodes: int = 1000, rels: int = 3000, available: int = 10**9, need: int = 10**6) -> RecordingGds:
    estimate = {"required_memory": "[1 MiB ... 1 MiB]", "bytes_min": need, "bytes_max": need}
    responses: dict[str, Any] = {f"{e}.estimate": estimate for e in ENDPOINTS}
    responses["graph.project.cypher"] = {"graph_name": GRAPH, "node_count": nodes, "relationship_count": rels}
    responses["debug.sys_info"] = {"available_heap_in_bytes": available}
    louvain = {"node_properties_written": nodes, "community_count": 7, "modularity": 0.61}
    responses["louvain.write"] = louvain
    return RecordingGds(responses)


def execute(job: str, gds: RecordingGds, **overrides: Any) -> Result:
    spec = catalogue.get(job)
    return GdsBackend(gds, concurrency=4).execute(  # type: ignore[arg-type]
        spec, spec.resolved_params(overrides), STAGED, lambda p, f: None
    )


def projection(name: str, orientation: str, *, shuffled: bool = False) -> str:
    return queries.load("jobs/gds/project").render(
        projection=name, orientation=orientation, shuffled=shuffled
    )


def write_kwargs(gds: RecordingGds, endpoint: str) -> dict[str, Any]:
    call = gds.call(f"{endpoint}.write")
    assert call.args[0].name == GRAPH
    return call.kwargs


def test_pagerank_calls_and_parameters() -> None:
    gds = client()
    result = execute("pagerank", gds)
    assert gds.endpoints == [
        "graph.project.cypher",
        "page_rank.estimate",
        "debug.sys_info",
        "page_rank.write",
        "graph.drop",
    ]
    project = gds.call("graph.project.cypher")
    assert project.args == (projection("value_network", "REVERSE"),)  # rank flows to the providers
    assert project.kwargs == {"graph_name": GRAPH, "config": {"readConcurrency": 4}}
    config = {"concurrency": 4, "damping_factor": 0.85, "max_iterations": 100, "tolerance": 1e-7}
    assert gds.call("page_rank.estimate").kwargs == config
    assert write_kwargs(gds, "page_rank") == {"write_property": STAGED, **config}
    drop = gds.call("graph.drop")
    assert (drop.args, drop.kwargs) == ((GRAPH,), {"fail_if_missing": False})
    assert (result.nodes, result.relationships) == (1000, 3000)
    assert result.facts["gds_concurrency"] == 4 and result.facts["gds_estimated_bytes"] == 10**6
    assert result.facts["gds_available_heap_bytes"] == 10**9 and result.facts["gds_endpoint"] == "page_rank"


def test_every_declared_pagerank_parameter_reaches_gds() -> None:
    gds = client()
    execute("pagerank", gds, damping_factor=0.5, max_iterations=7, tolerance=1e-3)
    kwargs = write_kwargs(gds, "page_rank")
    assert (kwargs["damping_factor"], kwargs["max_iterations"], kwargs["tolerance"]) == (0.5, 7, 1e-3)


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
    gds = client()
    execute(job, gds)
    project = gds.call("graph.project.cypher")
    assert project.args == (projection(projection_name, "NATURAL"),)
    assert project.kwargs["config"] == {"readConcurrency": 4}  # directed projection
    assert write_kwargs(gds, "degree") == {
        "write_property": STAGED,
        "concurrency": 4,
        "orientation": orientation,
    }


def test_undirected_jobs_project_each_pair_once_undirected() -> None:
    for job in ("betweenness", "harmonic", "louvain", "leiden", "wcc", "clustering"):
        gds = client()
        execute(job, gds)
        project = gds.call("graph.project.cypher")
        shuffled = job == "betweenness"  # its sampled sources are GDS's first node ids
        assert project.args == (projection("value_network", "UNDIRECTED", shuffled=shuffled),), job
        assert project.kwargs["config"] == {"readConcurrency": 4, "undirectedRelationshipTypes": ["*"]}
        assert project.kwargs.get("order_seed") == (42 if shuffled else None), job


def test_betweenness_projects_every_node_first_in_a_seeded_order() -> None:
    gds = client()
    execute("betweenness", gds, seed=7)
    assert gds.call("graph.project.cypher").kwargs["order_seed"] == 7
    shuffled = projection("value_network", "UNDIRECTED", shuffled=True)
    nodes_first, relationships = shuffled.split("UNION ALL")
    assert "RETURN n AS source, null AS target" in nodes_first and "$order_seed" in nodes_first
    assert "RETURN n AS source, m AS target" in relationships
    plain = projection("value_network", "UNDIRECTED")
    for part in ("WHERE n:Sample OR EXISTS", "WHERE n.id < m.id AND (n:Sample OR m:Sample)"):
        assert part in plain and part in shuffled  # the same nodes and relationships


def test_projection_templates_follow_the_graph_model() -> None:
    """The GDS projection in stored direction has exactly the local stream's MATCH; reversing flips the
    pattern and the focal rule with it; the types and the rule come from the model."""
    for name in MODEL.projections:
        stream = queries.load("jobs/stream_projection").render(projection=name).rsplit("RETURN", 1)[0]
        gds = projection(name, "NATURAL").split("RETURN gds.graph.project", 1)[0]
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
    gds = client(nodes=43742)
    result = execute("betweenness", gds, epsilon=0.05, delta=0.1, seed=7)
    k = math.ceil(math.log(2 * 43742 / 0.1) / (2 * 0.05**2))
    assert k == hoeffding_samples(43742, 0.05, 0.1) == 2737
    assert write_kwargs(gds, "betweenness") == {
        "write_property": STAGED,
        "concurrency": 4,
        "sampling_size": k,
        "sampling_seed": 7,
    }
    assert result.facts["betweenness_samples"] == k
    assert result.facts["betweenness_error_bound"] == pytest.approx(0.05 * 43742 * 43741 / 2)
    # gds.betweenness does not extrapolate its sampled sources: the written scores are scaled by n / k
    scaled = gds.call("run_cypher")
    assert scaled.args == (queries.text("jobs/gds/scale_scores"), {"property": STAGED, "factor": 43742 / k})
    assert gds.endpoints.index("betweenness.write") < gds.endpoints.index("run_cypher")
    assert result.facts["gds_scores_scaled_by"] == 43742 / k


def test_betweenness_exact_on_request_or_when_sampling_would_not_save_work() -> None:
    for overrides, nodes in (({"exact": True}, 43742), ({"epsilon": 0.01}, 500)):
        gds = client(nodes=nodes)
        result = execute("betweenness", gds, **overrides)
        assert write_kwargs(gds, "betweenness") == {"write_property": STAGED, "concurrency": 4}
        assert result.facts["betweenness_method"] == "exact (Brandes)"
        assert "run_cypher" not in gds.endpoints  # exact scores need no scaling


def test_louvain_and_leiden_configuration_and_recorded_facts() -> None:
    gds = client()
    result = execute("louvain", gds, max_levels=3, max_iterations=5, tolerance=0.01, refine=False)
    config = {"concurrency": 4, "max_levels": 3, "max_iterations": 5, "tolerance": 0.01}
    assert write_kwargs(gds, "louvain") == {"write_property": STAGED, **config}
    assert "louvain.mutate" not in gds.endpoints
    assert result.facts["modularity"] == 0.61 and result.facts["communities"] == 7
    gds = client()
    result = execute("louvain", gds, max_levels=3, max_iterations=5, tolerance=0.01)
    # refined (default): a first pass into the projection, the written one seeded with its communities
    first = f"{STAGED}_pass1"
    assert gds.call("louvain.mutate").kwargs == {"mutate_property": first, **config}
    assert write_kwargs(gds, "louvain") == {"write_property": STAGED, "seed_property": first, **config}
    assert gds.endpoints.index("louvain.mutate") < gds.endpoints.index("louvain.write")
    assert result.facts["gds_passes"] == 2 and result.facts["modularity"] == 0.61
    gds = client()
    result = execute("leiden", gds, gamma=0.5, max_levels=4, seed=9)
    assert write_kwargs(gds, "leiden") == {
        "write_property": STAGED,
        "concurrency": 1,  # a random seed reproduces only at concurrency 1
        "max_levels": 4,
        "gamma": 0.5,
        "random_seed": 9,
    }
    assert "random_seed', 9" in result.facts["gds_config"]  # the seed is recorded on the run


def test_other_endpoints() -> None:
    expected = {"wcc": "wcc", "clustering": "local_clustering_coefficient", "harmonic": "harmonic"}
    for job, endpoint in expected.items():
        gds = client()
        execute(job, gds)
        assert f"{endpoint}.write" in gds.endpoints and gds.endpoints[-1] == "graph.drop"
    gds = client()
    result = execute("harmonic", gds)
    assert "debug.sys_info" not in gds.endpoints  # no .estimate for harmonic closeness
    assert result.facts["harmonic_method"].startswith("exact")


def test_refuses_when_the_estimate_exceeds_the_available_heap_and_still_drops() -> None:
    gds = client(available=512 * 2**20, need=3 * 2**30)
    with pytest.raises(
        InsufficientMemoryError, match=r"needs up to 3\.0 GiB of heap .* only 512\.0 MiB is available"
    ):
        execute("pagerank", gds)
    assert "page_rank.write" not in gds.endpoints
    assert gds.endpoints[-1] == "graph.drop"


def test_projection_is_dropped_when_projecting_or_the_algorithm_fails() -> None:
    def fail(kwargs: dict[str, Any]) -> dict[str, Any]:
        raise RuntimeError("procedure failed")

    for failing in ("graph.project.cypher", "wcc.write"):
        gds = client()
        gds.responses = {**gds.responses, failing: fail}
        with pytest.raises(RuntimeError, match="procedure failed"):
            execute("wcc", gds)
        assert gds.endpoints[-1] == "graph.drop" and gds.call("graph.drop").args == (GRAPH,)


def test_a_summary_job_has_no_gds_call() -> None:
    gds = client()
    with pytest.raises(ValueError, match="no GDS implementation"):
        execute("network_stats", gds)
    assert gds.calls == []


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
