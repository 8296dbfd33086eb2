"""Local (networkit) jobs on the real embedded engine match networkx reference values."""

from __future__ import annotations

import networkx as nx
import pytest

from gds_jobs import catalogue
from gds_jobs.local import LocalBackend
from gds_jobs.runner import run_job
from tests.jobs_fixtures import load_nx, node_id, scores
from valuenet.db import Graph

KARATE = nx.karate_club_graph()
N = KARATE.number_of_nodes()


@pytest.fixture(scope="module")
def karate(fresh_graph) -> Graph:  # type: ignore[no-untyped-def]
    g: Graph = fresh_graph("karate")
    load_nx(g, KARATE)
    return g


def run(g: Graph, name: str, **overrides: object):  # type: ignore[no-untyped-def]
    return run_job(g, catalogue.get(name), backend=LocalBackend(g), overrides=overrides)


def test_pagerank_matches_networkx_on_gds_scale(karate: Graph) -> None:
    rec = run(karate, "pagerank")
    assert rec.status == "succeeded" and rec.nodes == N and rec.relationships == 2 * KARATE.number_of_edges()
    got = scores(karate, "pagerank")
    ref = nx.pagerank(KARATE, alpha=0.85, weight=None, tol=1e-12)
    # GDS scale: no dangling nodes here, so score = n * networkx's probability.
    for n, v in ref.items():
        assert got[node_id(n)] == pytest.approx(v * N, rel=1e-6)
    assert sum(got.values()) == pytest.approx(N, rel=1e-6)


def test_pagerank_honours_max_iterations_and_tolerance(karate: Graph) -> None:
    converged = run(karate, "pagerank")
    assert converged.facts["did_converge"] is True and converged.facts["ran_iterations"] < 100
    capped = run(karate, "pagerank", max_iterations=2)
    assert capped.facts["ran_iterations"] == 2 and capped.facts["did_converge"] is False
    ref = nx.pagerank(KARATE, alpha=0.85, weight=None, tol=1e-12)
    got = scores(karate, "pagerank")
    assert max(abs(got[node_id(n)] - v * N) for n, v in ref.items()) > 1e-3  # stopped after two rounds
    loose = run(karate, "pagerank", tolerance=0.05)
    assert loose.facts["ran_iterations"] < converged.facts["ran_iterations"]
    run_rec = karate.read("MATCH (r:JobRun {id: $id}) RETURN r.parameters AS p", {"id": loose.id})[0]
    assert '"tolerance": 0.05' in run_rec["p"]


def test_run_is_recorded_with_snapshot(karate: Graph) -> None:
    rec = run(karate, "pagerank")
    rows = karate.read("MATCH (r:JobRun {id: $id}) RETURN properties(r) AS p", {"id": rec.id})
    p = rows[0]["p"]
    assert p["status"] == "succeeded" and p["job"] == "pagerank" and p["backend"] == "local"
    assert p["nodes"] == N and p["duration_s"] >= 0 and "ArcadeDB" in p["engine"]
    assert '"damping_factor": 0.85' in p["parameters"]
    assert len(p["top_ids"]) == 20 and p["top_ids"][0] == node_id(33)  # the instructor's hub
    assert p["top_scores"] == sorted(p["top_scores"], reverse=True)
    # The run-keyed version stays (consistent reads), as do at most two versions per job.
    assert p["versioned_property"] == f"pagerank__{rec.id}"
    left = karate.read("MATCH (n:Organization) UNWIND keys(n) AS k RETURN DISTINCT k")
    versions = sorted(r["k"] for r in left if r["k"].startswith("pagerank__"))
    assert f"pagerank__{rec.id}" in versions and len(versions) <= 2


def test_betweenness_exact_matches_networkx(karate: Graph) -> None:
    rec = run(karate, "betweenness", exact=True)
    assert rec.facts["betweenness_method"].startswith("exact")
    got = scores(karate, "betweenness")
    ref = nx.betweenness_centrality(KARATE, normalized=False)
    for n, v in ref.items():
        assert got[node_id(n)] == pytest.approx(v, rel=1e-9, abs=1e-9)


@pytest.mark.parametrize("epsilon", [0.25, 0.15])
def test_betweenness_sampled_within_stated_bound(graph: Graph, epsilon: float) -> None:
    """Sampled sources (as on GDS): fewer than the nodes at these bounds, every score within the bound."""
    g = nx.barabasi_albert_graph(300, 2, seed=3)
    load_nx(graph, g)
    rec = run(graph, "betweenness", epsilon=epsilon, delta=0.1)
    assert rec.facts["betweenness_method"].startswith("sampled") and rec.facts["betweenness_samples"] < 300
    bound = rec.facts["betweenness_error_bound"]
    assert bound == pytest.approx(epsilon * 300 * 299 / 2)
    got = scores(graph, "betweenness")
    ref = nx.betweenness_centrality(g, normalized=False)
    assert max(abs(got[node_id(n)] - v) for n, v in ref.items()) <= bound


def test_harmonic_matches_networkx_normalised(karate: Graph) -> None:
    rec = run(karate, "harmonic", exact=True)
    assert rec.facts["harmonic_method"] == "exact"
    got = scores(karate, "harmonic")
    ref = nx.harmonic_centrality(KARATE)
    for n, v in ref.items():
        assert got[node_id(n)] == pytest.approx(v / (N - 1), rel=1e-9)


def test_harmonic_sampled_within_stated_bound(graph: Graph) -> None:
    g = nx.barabasi_albert_graph(300, 2, seed=3)
    load_nx(graph, g)
    rec = run(graph, "harmonic", epsilon=0.15)
    assert rec.facts["harmonic_method"].startswith("sampled") and rec.facts["harmonic_samples"] < 300
    got = scores(graph, "harmonic")
    ref = nx.harmonic_centrality(g)
    assert max(abs(got[node_id(n)] - v / 299) for n, v in ref.items()) <= 0.15


def test_clustering_matches_networkx(karate: Graph) -> None:
    rec = run(karate, "clustering")
    got = scores(karate, "clustering")
    ref = nx.clustering(KARATE)
    for n, v in ref.items():
        assert got[node_id(n)] == pytest.approx(v, abs=1e-12)
    assert rec.facts["average_clustering"] == pytest.approx(nx.average_clustering(KARATE))


def _nx_louvain_best() -> float:
    return max(
        nx.community.modularity(
            KARATE, nx.community.louvain_communities(KARATE, weight=None, seed=s), weight=None
        )
        for s in range(10)
    )


def _partition(values: dict[str, float]) -> list[set[int]]:
    groups: dict[float, set[int]] = {}
    for n in KARATE.nodes():
        groups.setdefault(values[node_id(n)], set()).add(n)
    return list(groups.values())


# Leiden with the repeated runs that buy modularity (its default runs once, as gds.leiden does)
@pytest.mark.parametrize(
    ("job", "prop", "overrides"),
    [("louvain", "community", {}), ("leiden", "community_leiden", {"iterations": 3})],
)
def test_communities_at_least_as_modular_as_networkx_louvain(
    karate: Graph, job: str, prop: str, overrides: dict[str, int]
) -> None:
    rec = run(karate, job, **overrides)
    written = _partition(scores(karate, prop))
    q = nx.community.modularity(KARATE, written, weight=None)
    assert q == pytest.approx(rec.facts["modularity"], abs=1e-9)  # the recorded value is the written one's
    assert q >= _nx_louvain_best() - 1e-12
    assert rec.facts["communities"] == len(written)
    sizes = [len(c) for c in sorted(written, key=lambda c: scores(karate, prop)[node_id(min(c))])]
    assert sizes == sorted(sizes, reverse=True)  # label 0 = largest community


def test_wcc_matches_networkx_components(graph: Graph) -> None:
    g = nx.disjoint_union_all([KARATE, nx.cycle_graph(3), nx.path_graph(2), nx.empty_graph(1)])
    load_nx(graph, g)
    rec = run(graph, "wcc")
    got = scores(graph, "component")
    ours = sorted(sorted(n for n in g.nodes() if got[node_id(n)] == c) for c in set(got.values()))
    ref = sorted(sorted(c) for c in nx.connected_components(g))
    assert ours == ref
    assert rec.facts["components"] == 4 and rec.facts["largest_component"] == N
    assert got[node_id(0)] == 0  # the largest component is labelled 0


def test_network_stats_table3_on_karate(karate: Graph) -> None:
    from gds_jobs.runner import latest_network_stats

    run(karate, "network_stats", exact_paths=True)
    s = latest_network_stats(karate)
    assert s is not None
    m = KARATE.number_of_edges()
    assert s["nodes"] == N and s["edges"] == 2 * m and s["edges_undirected"] == m
    assert s["avg_degree"] == pytest.approx(2 * m / N)
    assert s["density"] == pytest.approx(2 * m / (N * (N - 1)))
    assert s["diameter"] == nx.diameter(KARATE)
    assert s["avg_clustering"] == pytest.approx(nx.average_clustering(KARATE))
    assert s["avg_path_length"] == pytest.approx(nx.average_shortest_path_length(KARATE))
    assert s["avg_path_length_method"].startswith("directed, exact")
    assert s["diameter_undirected"] == nx.diameter(KARATE)  # both directions loaded: same as directed
    assert s["avg_path_length_undirected"] == pytest.approx(nx.average_shortest_path_length(KARATE))
    assert s["modularity"] >= _nx_louvain_best() - 1e-12
    assert s["components"] == 1


def test_network_stats_sampled_path_length_says_so(karate: Graph) -> None:
    from gds_jobs.runner import latest_network_stats

    run(karate, "network_stats", path_samples=10)
    s = latest_network_stats(karate)
    assert s is not None and s["avg_path_length_sources"] == 10
    assert s["avg_path_length_method"].startswith("directed, sampled: BFS from 10")
    assert s["avg_path_length"] == pytest.approx(nx.average_shortest_path_length(KARATE), rel=0.25)
