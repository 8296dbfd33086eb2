"""Integration: the GDS backend against a real Neo4j + GDS (NEO4J_URI); skipped without one.

Needs a database without Organization nodes (a disposable one): the test loads Zachary's karate club,
runs the jobs on GDS and on the local backend, compares, and deletes what it created.
"""

from __future__ import annotations

from collections.abc import Iterator

import networkx as nx
import pytest

from gds_jobs import catalogue
from gds_jobs.gds_backend import GdsBackend
from gds_jobs.local import LocalBackend
from gds_jobs.runner import run_job
from tests.jobs_fixtures import load_nx, scores
from valuenet.db import Graph

pytestmark = [pytest.mark.neo4j, pytest.mark.gds]
KARATE = nx.karate_club_graph()


@pytest.fixture(scope="module")
def karate_gds(gds_graph: Graph) -> Iterator[Graph]:
    if gds_graph.read("MATCH (n:Organization) RETURN count(n) AS n")[0]["n"]:
        pytest.skip("the NEO4J_URI database holds Organization nodes; point the test at an empty database")
    load_nx(gds_graph, KARATE)
    yield gds_graph
    gds_graph.write("MATCH (n) WHERE n:Organization OR n:JobRun OR n:NetworkStats DETACH DELETE n")


@pytest.mark.parametrize("job", ["pagerank", "degree_tech", "clustering", "harmonic"])
def test_gds_and_local_agree(karate_gds: Graph, job: str) -> None:
    spec = catalogue.get(job)
    run_job(karate_gds, spec, backend=LocalBackend(karate_gds))
    local = scores(karate_gds, spec.write_property or "")
    rec = run_job(karate_gds, spec, backend=GdsBackend(karate_gds))
    assert rec.backend == "gds"
    remote = scores(karate_gds, spec.write_property or "")
    assert remote.keys() == local.keys()
    for k, v in local.items():
        assert remote[k] == pytest.approx(v, rel=1e-4, abs=1e-6), (job, k)


def test_gds_betweenness_exact_matches_networkx(karate_gds: Graph) -> None:
    run_job(
        karate_gds, catalogue.get("betweenness"), backend=GdsBackend(karate_gds), overrides={"exact": True}
    )
    got = scores(karate_gds, "betweenness")
    for n, v in nx.betweenness_centrality(KARATE, normalized=False).items():
        assert got[f"k{n:02d}"] == pytest.approx(v, rel=1e-6, abs=1e-6)


def test_gds_louvain_and_wcc(karate_gds: Graph) -> None:
    rec = run_job(karate_gds, catalogue.get("louvain"), backend=GdsBackend(karate_gds))
    assert rec.facts["modularity"] > 0.38
    rec = run_job(karate_gds, catalogue.get("wcc"), backend=GdsBackend(karate_gds))
    assert len(set(scores(karate_gds, "component").values())) == 1
    names = karate_gds.read("CALL gds.graph.list() YIELD graphName RETURN collect(graphName) AS g")[0]["g"]
    assert not [n for n in names if n.startswith("valuenet_")]  # projections dropped
