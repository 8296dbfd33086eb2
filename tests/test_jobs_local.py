"""Local (networkit) jobs on the real embedded engine match networkx reference values."""

from __future__ import annotations

import networkx as nx
import pytest

from gds_jobs import registry
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
    return run_job(g, registry.get(name), backend=LocalBackend(g), overrides=overrides)


def test_pagerank_matches_networkx_on_gds_scale(karate: Graph) -> None:
    rec = run(karate, "pagerank")
    assert rec.status == "succeeded" and rec.nodes == N and rec.relationships == 2 * KARATE.number_of_edges()
    got = scores(karate, "pagerank")
    ref = nx.pagerank(KARATE, alpha=0.85, weight=None, tol=1e-12)
    # GDS scale: no dangling nodes here, so score = n * networkx's probability.
    for n, v in ref.items():
        assert got[node_id(n)] == pytest.approx(v * N, rel=1e-6)
    assert sum(got.values()) == pytest.approx(N, rel=1e-6)


def test_run_is_recorded_with_snapshot(karate: Graph) -> None:
    rec = run(karate, "pagerank")
    rows = karate.read("MATCH (r:JobRun {id: $id}) RETURN properties(r) AS p", {"id": rec.id})
    p = rows[0]["p"]
    assert p["status"] == "succeeded" and p["job"] == "pagerank" and p["backend"] == "local"
    assert p["nodes"] == N and p["duration_s"] >= 0 and "ArcadeDB" in p["engine"]
    assert '"damping_factor": 0.85' in p["parameters"]
    assert len(p["top_ids"]) == 20 and p["top_ids"][0] == node_id(33)  # the instructor's hub
    assert p["top_scores"] == sorted(p["top_scores"], reverse=True)
    # No staging property is left behind.
    left = karate.read("MATCH (n:Organization) RETURN keys(n) AS k LIMIT 50")
    assert not any("__" in k for r in left for k in r["k"])
