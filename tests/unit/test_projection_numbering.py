"""The local projection's node numbering is a function of the graph only: rows in any order (as ArcadeDB
and Neo4j return them) give the same `Projected` and so the same networkit results, and the reference
check's in-memory edges (`from_edges`) give what the stream gives. Any reshaping of the stream keeps this.
"""

from __future__ import annotations

import random
from collections.abc import Iterator
from typing import Any

import networkit as nk
import networkx as nx
import numpy as np
import pytest

from gds_jobs import catalogue
from gds_jobs.algorithms.graphs import Projected, collect, from_edges
from gds_jobs.algorithms.network_stats import NetworkStatsParams, table3
from gds_jobs.local import compute

# Order-dependent: PLM's moves, Leiden's and the sampled estimators' random choices by node index.
ORDER_SENSITIVE = ["louvain", "leiden", "betweenness", "harmonic", "pagerank", "wcc", "clustering"]


def rows(seed: int) -> list[tuple[str, str | None]]:
    """A value network's stream in an order of its own: one row per node (target None) and one per
    relationship, a few parallel ones, ids not in numeric order."""
    g = nx.barabasi_albert_graph(400, 2, seed=5)
    edges = [(f"org-{u * 7919 % 401}", f"org-{v * 7919 % 401}") for u, v in g.edges()]
    edges += edges[:20] + [(b, a) for a, b in edges[20:60]]  # parallel and reverse relationships
    out: list[tuple[str, str | None]] = [(a, None) for a, _ in edges] + list(edges)
    out += [("org-isolated", None)]
    random.Random(seed).shuffle(out)
    return out


@pytest.fixture
def one_thread() -> Iterator[None]:
    """networkit's community detection (Louvain, Leiden) is seeded per thread: one thread, then back to what
    the session had (betweenness and harmonic draw their sources with random.Random, on any thread count)."""
    before = nk.getMaxNumberOfThreads()
    nk.setNumberOfThreads(1)
    yield
    nk.setNumberOfThreads(before)


def same_projection(a: Projected, b: Projected) -> None:
    assert a.ids == b.ids
    assert np.array_equal(a.sources, b.sources) and np.array_equal(a.targets, b.targets)


def by_id(p: Projected, scores: list[Any] | None) -> dict[str, Any]:
    assert scores is not None
    return dict(zip(p.ids, scores, strict=True))


def test_rows_in_any_order_give_the_same_numbering() -> None:
    first, second = collect(rows(1)), collect(rows(2))
    assert first.ids == sorted(first.ids) and "org-isolated" in first.ids
    same_projection(first, second)
    ends = list(zip(first.sources.tolist(), first.targets.tolist(), strict=True))
    assert ends == sorted(ends)


@pytest.mark.parametrize("job", ORDER_SENSITIVE)
def test_rows_in_any_order_give_the_same_scores(job: str, one_thread: None) -> None:
    j = catalogue.get(job)
    params = j.resolved_params({"epsilon": 0.3} if job == "betweenness" else {})
    first, second = collect(rows(1)), collect(rows(3))
    a, b = compute(j, first, params), compute(j, second, params)
    assert by_id(first, a.scores) == by_id(second, b.scores)
    assert a.facts == b.facts


def test_table3_does_not_depend_on_row_order() -> None:
    params = NetworkStatsParams(path_samples=50)
    first, second = collect(rows(1)), collect(rows(4))
    for p in (first, second):
        p.counted_relationships = p.relationship_count
    a, b = table3(first, params), table3(second, params)
    a.pop("compute_s"), b.pop("compute_s")
    assert a == b


def test_in_memory_edges_number_like_the_stream() -> None:
    """loader.reference.stats' organisations come in the dataset's order: the same numbering as a stream."""
    stream = collect(rows(1))
    shuffled = list(stream.ids)
    random.Random(9).shuffle(shuffled)
    at = {k: i for i, k in enumerate(shuffled)}
    sources = np.asarray([at[stream.ids[i]] for i in stream.sources.tolist()], dtype=np.int64)
    targets = np.asarray([at[stream.ids[i]] for i in stream.targets.tolist()], dtype=np.int64)
    everyone = np.ones(len(shuffled), dtype=bool)  # all in the focal set: the projection keeps every row
    in_memory = from_edges("technology", shuffled, everyone, sources, targets)
    same_projection(in_memory, stream)
