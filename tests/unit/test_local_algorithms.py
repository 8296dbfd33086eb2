"""The local (networkit) implementations on GDS's scales, on graphs in memory (no engine)."""

from __future__ import annotations

import networkx as nx
import numpy as np
import pytest

from gds_jobs import catalogue
from gds_jobs.algorithms.base import Orientation
from gds_jobs.algorithms.centrality import betweenness_samples
from gds_jobs.algorithms.graphs import Projected


def projected(g: nx.DiGraph | nx.Graph) -> Projected:
    nodes = list(g.nodes())
    at = {n: i for i, n in enumerate(nodes)}
    s, t = zip(*((at[a], at[b]) for a, b in g.edges()), strict=True)
    return Projected([str(n) for n in nodes], np.asarray(s, dtype=np.int64), np.asarray(t, dtype=np.int64))


def gds_pagerank(g: nx.DiGraph, d: float = 0.85, rounds: int = 500) -> dict[str, float]:
    """GDS's rule by plain iteration: s = (1-d) + d * sum of in-neighbours' s / out-degree; a sink's rank
    is not passed on."""
    s = dict.fromkeys(g.nodes(), 1.0)
    for _ in range(rounds):
        s = {v: (1 - d) + d * sum(s[u] / g.out_degree(u) for u in g.predecessors(v)) for v in g.nodes()}
    return {str(v): x for v, x in s.items()}


def test_pagerank_with_sinks_is_on_gds_scale() -> None:
    """Many sinks leak rank: networkit's own scores are rescaled to sum 1, GDS's are not."""
    g = nx.gnp_random_graph(60, 0.03, seed=4, directed=True)
    assert sum(1 for v in g if g.out_degree(v) == 0) >= 5
    job = catalogue.get("pagerank")
    computed = job.algorithm.local(
        projected(g), Orientation.NATURAL, job.resolved_params({"tolerance": 1e-12})
    )
    assert computed.scores is not None
    got = dict(zip(map(str, g.nodes()), computed.scores, strict=True))
    expected = gds_pagerank(g)
    assert sum(expected.values()) < 0.9 * g.number_of_nodes()  # the leak is large enough to matter
    for v, x in expected.items():
        assert got[v] == pytest.approx(x, rel=1e-8), v


def test_sampled_betweenness_uses_gds_source_count_and_scale() -> None:
    g = nx.barabasi_albert_graph(600, 2, seed=5)
    job = catalogue.get("betweenness")
    params = job.resolved_params({"epsilon": 0.25, "delta": 0.1})
    computed = job.algorithm.local(projected(g), job.orientation, params)
    k = betweenness_samples(600, params)
    assert k is not None and k < 600
    assert computed.facts["betweenness_samples"] == k
    assert job.algorithm.gds is not None
    assert job.algorithm.gds(params, job.orientation, 600).config["sampling_size"] == k
    assert computed.scores is not None
    exact = nx.betweenness_centrality(g, normalized=False)
    # n/k times the sampled sources' dependencies, each unordered pair once: the total is unbiased
    assert sum(computed.scores) == pytest.approx(sum(exact.values()), rel=0.1)
    top = sorted(exact, key=exact.__getitem__, reverse=True)[:10]
    assert {str(v) for v in top} & set(
        sorted(map(str, g.nodes()), key=lambda v: -computed.scores[int(v)])[:10]
    )


def test_leiden_gives_the_same_partition_on_any_number_of_threads() -> None:
    """Leiden runs on one thread whatever networkit was set to, so that its seed reproduces the partition
    (ParallelLeiden on two threads gave another partition per run on the reference graph) and a rerun on
    an unchanged graph has the same scores, which publish nothing; networkit's thread count is left as
    it was."""
    import networkit as nk

    p = projected(nx.barabasi_albert_graph(20_000, 2, seed=7))
    job = catalogue.get("leiden")
    before = nk.getMaxNumberOfThreads()
    try:
        nk.setNumberOfThreads(2)
        runs = [
            np.asarray(job.algorithm.local(p, job.orientation, job.resolved_params()).scores)
            for _ in range(4)
        ]
        assert nk.getMaxNumberOfThreads() == 2
    finally:
        nk.setNumberOfThreads(before)
    assert all(np.array_equal(runs[0], r) for r in runs[1:])
