"""The compiled shortest-path kernels (gds_jobs/algorithms/paths.py) against networkx on small graphs:
Brandes from every source = exact betweenness, BFS sums = the per-source loop they replaced, whatever the
number of threads; and the jobs that use them (betweenness, harmonic, Table 3's path lengths)."""

from __future__ import annotations

import json
import os
import random
import shutil
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path
from typing import Any

import networkx as nx
import numpy as np
import pytest

from gds_jobs import catalogue
from gds_jobs.algorithms import paths
from gds_jobs.algorithms.base import Orientation
from gds_jobs.algorithms.graphs import Projected
from gds_jobs.algorithms.network_stats import path_lengths
from gds_jobs.algorithms.paths import Adjacency, dependencies, distances, inverse_distance_sums


def projected(edges: list[tuple[int, int]], n: int) -> Projected:
    s, t = (zip(*edges, strict=True)) if edges else ((), ())
    return Projected(
        [f"n{i:04d}" for i in range(n)], np.asarray(s, dtype=np.int64), np.asarray(t, dtype=np.int64)
    )


def undirected_cases() -> list[nx.Graph]:
    """Leaves and hubs (Barabasi-Albert), several components and isolated nodes (sparse G(n,p)), a tree;
    a star (every neighbour of its centre a leaf) beside a lone linked pair and a path of three."""
    return [
        nx.barabasi_albert_graph(120, 1, seed=3),
        nx.barabasi_albert_graph(150, 3, seed=4),
        nx.gnp_random_graph(90, 0.025, seed=5),
        nx.balanced_tree(3, 3),
        nx.disjoint_union_all([nx.star_graph(5), nx.path_graph(2), nx.path_graph(3)]),
    ]


def directed_cases() -> list[nx.DiGraph]:
    return [nx.gnp_random_graph(80, 0.04, seed=s, directed=True) for s in (6, 7)]


@pytest.fixture
def threads() -> Iterator[None]:
    yield
    paths.set_threads(2)  # the local backend's default


def test_adjacency_orientations() -> None:
    # a self-loop, a parallel relationship and a reversed one
    p = projected([(0, 1), (0, 1), (1, 0), (2, 2), (2, 0)], 4)
    natural = Adjacency.of(p, Orientation.NATURAL)
    assert natural.starts.tolist() == [0, 2, 3, 4, 4]
    assert natural.targets.tolist() == [1, 1, 0, 0]
    reverse = Adjacency.of(p, Orientation.REVERSE)
    assert reverse.starts.tolist() == [0, 2, 4, 4, 4]
    assert reverse.targets.tolist() == [1, 2, 0, 0]
    undirected = Adjacency.of(p, Orientation.UNDIRECTED)
    assert undirected.starts.tolist() == [0, 2, 3, 4, 4]
    assert undirected.targets.tolist() == [1, 2, 0, 0]
    assert undirected.out_degrees().tolist() == [2, 1, 1, 0]


@pytest.mark.parametrize("case", range(5))
def test_all_sources_give_exact_betweenness_undirected(case: int) -> None:
    g = undirected_cases()[case]
    n = g.number_of_nodes()
    got = dependencies(Adjacency.of(projected(list(g.edges()), n), Orientation.UNDIRECTED), np.arange(n)) / 2
    exact = nx.betweenness_centrality(g, normalized=False)
    assert got == pytest.approx([exact[v] for v in range(n)], rel=1e-12, abs=1e-9)


@pytest.mark.parametrize("case", range(2))
def test_all_sources_give_exact_betweenness_directed(case: int) -> None:
    g = directed_cases()[case]
    n = g.number_of_nodes()
    got = dependencies(Adjacency.of(projected(list(g.edges()), n), Orientation.NATURAL), np.arange(n))
    exact = nx.betweenness_centrality(g, normalized=False)
    assert got == pytest.approx([exact[v] for v in range(n)], rel=1e-12, abs=1e-9)
    # REVERSE runs on the flipped graph
    flipped = dependencies(Adjacency.of(projected(list(g.edges()), n), Orientation.REVERSE), np.arange(n))
    exact_flipped = nx.betweenness_centrality(g.reverse(), normalized=False)
    assert flipped == pytest.approx([exact_flipped[v] for v in range(n)], rel=1e-12, abs=1e-9)


def test_some_sources_are_the_sum_of_their_dependencies() -> None:
    """Sampled sources: the kernel's sum = networkx's per-source dependencies summed (subset betweenness
    with the targets all nodes)."""
    g = undirected_cases()[1]
    n = g.number_of_nodes()
    sources = random.Random(1).sample(range(n), 17)
    got = dependencies(
        Adjacency.of(projected(list(g.edges()), n), Orientation.UNDIRECTED), np.asarray(sources)
    )
    expected = nx.betweenness_centrality_subset(g, sources, list(g.nodes()), normalized=False)
    # networkx halves undirected subset sums; a source's own dependency is never counted
    assert got == pytest.approx([2 * expected[v] for v in range(n)], rel=1e-12, abs=1e-9)


@pytest.mark.usefixtures("threads")
def test_results_do_not_depend_on_threads() -> None:
    g = nx.barabasi_albert_graph(400, 2, seed=8)
    adjacency = Adjacency.of(projected(list(g.edges()), 400), Orientation.UNDIRECTED)
    sources = np.asarray(random.Random(2).sample(range(400), 150))
    runs = []
    for threads in (1, 2, 3):
        paths.set_threads(threads)
        runs.append((dependencies(adjacency, sources), inverse_distance_sums(adjacency, sources)))
    for other in runs[1:]:
        assert np.array_equal(runs[0][0], other[0]) and np.array_equal(runs[0][1], other[1])


@pytest.mark.parametrize("orientation", [Orientation.NATURAL, Orientation.UNDIRECTED])
def test_bfs_sums_equal_the_per_source_loop(orientation: Orientation) -> None:
    g = directed_cases()[0]
    n = g.number_of_nodes()
    graph = g if orientation is Orientation.NATURAL else g.to_undirected()
    adjacency = Adjacency.of(projected(list(g.edges()), n), orientation)
    sources = random.Random(3).sample(range(n), 30)
    seen = distances(adjacency, np.asarray(sources))
    inverse = inverse_distance_sums(adjacency, np.asarray(sources))
    expected_inverse = np.zeros(n)
    for i, s in enumerate(sources):  # the loop the kernel replaced
        d = {v: x for v, x in nx.single_source_shortest_path_length(graph, s).items() if v != s}
        assert (seen.reached[i], seen.distance_sums[i]) == (len(d), sum(d.values()))
        assert seen.longest[i] == max(d.values(), default=0)
        for v, x in d.items():
            expected_inverse[v] += 1.0 / x
    assert inverse == pytest.approx(expected_inverse, rel=1e-12)


@pytest.mark.parametrize("case", range(5))
def test_inverse_distance_sums_with_leaves_left_out(case: int) -> None:
    """Undirected, the searches skip the leaves (and start from a leaf source's neighbour): the same sums
    as the per-source loop, sources among the leaves included."""
    g = undirected_cases()[case]
    n = g.number_of_nodes()
    adjacency = Adjacency.of(projected(list(g.edges()), n), Orientation.UNDIRECTED)
    leaves = [v for v in g if g.degree(v) == 1]
    sources = sorted({*random.Random(case).sample(range(n), n // 3), *leaves[:5]})
    expected = np.zeros(n)
    for s in sources:
        for v, x in nx.single_source_shortest_path_length(g, s).items():
            if v != s:
                expected[v] += 1.0 / x
    got = inverse_distance_sums(adjacency, np.asarray(sources))
    assert got == pytest.approx(expected, rel=1e-12, abs=1e-12)


@pytest.mark.parametrize("case", range(5))
def test_distances_with_leaves_left_out(case: int) -> None:
    """Undirected, BFS runs on the graph without its leaves (a leaf source from its neighbour): per
    source the same reached count, distance sum and largest distance as BFS on the whole graph."""
    g = undirected_cases()[case]
    n = g.number_of_nodes()
    adjacency = Adjacency.of(projected(list(g.edges()), n), Orientation.UNDIRECTED)
    leaves = [v for v in g if g.degree(v) == 1]
    sources = [*random.Random(case).sample(range(n), n // 3), *leaves[:5]]
    seen = distances(adjacency, np.asarray(sources))
    for i, s in enumerate(sources):
        d = {v: x for v, x in nx.single_source_shortest_path_length(g, s).items() if v != s}
        assert (seen.reached[i], seen.distance_sums[i], seen.longest[i]) == (
            len(d),
            sum(d.values()),
            max(d.values(), default=0),
        )


def test_no_sources() -> None:
    adjacency = Adjacency.of(projected([(0, 1)], 2), Orientation.UNDIRECTED)
    assert dependencies(adjacency, np.asarray([], dtype=np.int64)).tolist() == [0.0, 0.0]
    assert distances(adjacency, np.asarray([], dtype=np.int64)).reached.size == 0


def test_path_lengths_as_the_loop_counted_them() -> None:
    """Mean over reachable ordered pairs from every node with out-edges, and the largest distance."""
    g = directed_cases()[1]
    n = g.number_of_nodes()
    adjacency = Adjacency.of(projected(list(g.edges()), n), Orientation.NATURAL)
    mean, used, pairs, longest = path_lengths(adjacency, samples=None, seed=1, with_diameter=True)
    lengths = [
        x
        for s in g
        if g.out_degree(s)
        for v, x in nx.single_source_shortest_path_length(g, s).items()
        if v != s
    ]
    assert used == sum(1 for s in g if g.out_degree(s))
    assert (pairs, longest) == (len(lengths), max(lengths))
    assert mean == sum(lengths) / len(lengths)
    assert path_lengths(adjacency, samples=5, seed=1)[1] == 5


def test_sampled_harmonic_is_the_mean_over_sampled_sources() -> None:
    g = nx.barabasi_albert_graph(500, 2, seed=9)
    job = catalogue.get("harmonic")
    params = job.resolved_params({"epsilon": 0.2})
    computed = job.algorithm.local(projected(list(g.edges()), 500), job.orientation, params)
    k = computed.facts["harmonic_samples"]
    assert 0 < k < 500 and computed.scores is not None
    sources = random.Random(params.seed).sample(range(500), k)  # the job's draw (seed)
    for v in (0, 7, 250, 499):
        terms = [1.0 / x for s, x in ((s, nx.shortest_path_length(g, s, v)) for s in sources) if s != v]
        assert computed.scores[v] == pytest.approx(sum(terms) / len(terms), rel=1e-12)


def test_exact_betweenness_job_equals_networkx() -> None:
    g = undirected_cases()[1]
    job = catalogue.get("betweenness")
    computed = job.algorithm.local(
        projected(list(g.edges()), 150), job.orientation, job.resolved_params({"exact": True})
    )
    assert computed.facts["betweenness_method"] == "exact (Brandes)"
    exact = nx.betweenness_centrality(g, normalized=False)
    assert computed.scores == pytest.approx([exact[v] for v in range(150)], rel=1e-12, abs=1e-9)


def test_sampled_betweenness_is_seeded_and_scaled() -> None:
    """The sources: `seed`'s uniform draw without replacement; the scores: their dependencies x n/k, each
    unordered pair once."""
    g = nx.barabasi_albert_graph(600, 2, seed=5)
    job = catalogue.get("betweenness")
    params = job.resolved_params({"epsilon": 0.25})
    p = projected(list(g.edges()), 600)
    computed = job.algorithm.local(p, job.orientation, params)
    k = computed.facts["betweenness_samples"]
    sources = random.Random(params.seed).sample(range(600), k)
    subset = nx.betweenness_centrality_subset(g, sources, list(g.nodes()), normalized=False)
    assert computed.scores == pytest.approx([subset[v] * 600 / k for v in range(600)], rel=1e-12, abs=1e-9)
    again = job.algorithm.local(p, job.orientation, params)
    assert again.scores == computed.scores
    other = job.algorithm.local(p, job.orientation, job.resolved_params({"epsilon": 0.25, "seed": 7}))
    assert other.scores != computed.scores


def test_sources_with_one_neighbour_fold_into_it() -> None:
    """Undirected, a source with a single neighbour is counted on that neighbour's search: the same sums
    as searching from every source (the adjacency read as directed does not fold)."""
    g = nx.barabasi_albert_graph(300, 1, seed=11)  # a tree: half its nodes are leaves
    g.add_edges_from([(300, 301), (302, 303), (303, 304)])  # a lone pair and a short path
    adjacency = Adjacency.of(projected(list(g.edges()), 305), Orientation.UNDIRECTED)
    sources = np.asarray([*random.Random(4).sample(range(300), 120), 300, 301, 302])
    assert np.count_nonzero(adjacency.out_degrees()[sources] == 1) > 40
    folded = dependencies(adjacency, sources)
    searched = dependencies(replace(adjacency, symmetric=False), sources)
    assert folded == pytest.approx(searched, rel=1e-12, abs=1e-9)


@pytest.mark.parametrize("orientation", [Orientation.NATURAL, Orientation.UNDIRECTED])
def test_local_order_is_a_renumbering(orientation: Orientation) -> None:
    g = directed_cases()[0]
    adjacency = Adjacency.of(projected(list(g.edges()), 80), orientation)
    local, position = adjacency.in_local_order()
    assert sorted(position.tolist()) == list(range(80)) and local.symmetric == adjacency.symmetric

    def links(a: Adjacency) -> set[tuple[int, int]]:
        return {(v, int(w)) for v in range(a.node_count) for w in a.targets[a.starts[v] : a.starts[v + 1]]}

    assert {(int(position[v]), int(position[w])) for v, w in links(adjacency)} == links(local)


def test_warm_up_loads_the_kernels_in_the_background() -> None:
    thread = paths.warm_up()
    thread.join(timeout=600)  # a bound for a loaded machine's first compile, not a timing check
    assert not thread.is_alive()
    assert "gds_jobs.algorithms.path_kernels" in sys.modules


_CACHE_USE = """
import json
from gds_jobs.algorithms import path_kernels, paths
paths.compile_kernels()
kernels = [path_kernels.brandes, path_kernels.distances, path_kernels.inverse_distances]
print(json.dumps({
    "file": path_kernels.__file__,
    "hits": sum(sum(k.stats.cache_hits.values()) for k in kernels),
    "misses": sum(sum(k.stats.cache_misses.values()) for k in kernels),
}))
"""


@pytest.mark.slow
def test_compiled_kernels_are_cached_for_the_next_process(tmp_path: Path) -> None:
    """What `make setup` relies on: a fresh copy of the package (no cache, as in a new clone) compiles
    the three kernels in the process that runs compile_kernels, into the cache beside path_kernels.py;
    the next process, as a user's first `jobs run`, loads all three from there and compiles none."""
    import gds_jobs

    shutil.copytree(
        Path(gds_jobs.__file__).parent, tmp_path / "gds_jobs", ignore=shutil.ignore_patterns("__pycache__")
    )
    env = {k: v for k, v in os.environ.items() if k != "NUMBA_CACHE_DIR"}
    env["PYTHONPATH"] = os.pathsep.join([str(tmp_path), env.get("PYTHONPATH", "")])

    def run() -> dict[str, Any]:
        done = subprocess.run(
            [sys.executable, "-c", _CACHE_USE],
            cwd=tmp_path,
            env=env,
            capture_output=True,
            text=True,
            check=True,
        )
        return dict(json.loads(done.stdout.strip().splitlines()[-1]))

    first, second = run(), run()
    assert Path(first["file"]).parent == tmp_path / "gds_jobs" / "algorithms"
    assert (first["hits"], first["misses"]) == (0, 3)
    assert sorted(
        p.name.split("-")[0] for p in (tmp_path / "gds_jobs/algorithms/__pycache__").glob("*.nbi")
    ) == [
        "path_kernels._search",
        "path_kernels.brandes",
        "path_kernels.distances",
        "path_kernels.inverse_distances",
    ]
    assert (second["hits"], second["misses"]) == (3, 0)
