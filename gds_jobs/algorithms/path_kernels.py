"""The compiled loops of gds_jobs/algorithms/paths.py, one block of sources per call (imported lazily:
numba takes ~0.5 s to import). Plain loops on int32 arrays, no numba parallelism: paths.py runs blocks on
threads (nogil), which measured faster than prange here. cache=True keeps the machine code beside this file
(or in numba's cache folder where that is read-only), so only the first process compiles."""

from typing import Any

import numba
import numpy as np


@numba.njit(nogil=True, cache=True)
def brandes(starts: Any, targets: Any, sources: Any, weights: Any, attached: Any) -> Any:
    """Sum over `sources` of Brandes' dependencies times the source's weight (BFS path counts, then the
    farthest nodes first), and per source the nodes it reached besides itself. `attached[v]`: leaves
    left out of the graph that hang on v; each is a target reached through v (one more path end at v's
    distance + 1) and, being a target whose every path passes v, adds 1 to v's dependency."""
    n = starts.shape[0] - 1
    total = np.zeros(n)
    reached = np.zeros(sources.shape[0])
    dist = np.full(n, -1, dtype=np.int32)
    sigma = np.zeros(n)
    delta = np.zeros(n)
    order = np.empty(n, dtype=np.int32)
    for q in range(sources.shape[0]):
        s = sources[q]
        dist[s] = 0
        sigma[s] = 1.0
        order[0] = s
        head, tail = 0, 1
        while head < tail:
            v = order[head]
            head += 1
            next_level = dist[v] + 1
            paths = sigma[v]
            for e in range(starts[v], starts[v + 1]):
                w = targets[e]
                if dist[w] < 0:
                    dist[w] = next_level
                    order[tail] = w
                    tail += 1
                if dist[w] == next_level:
                    sigma[w] += paths
        weight = weights[q]
        reach = attached[s]
        for i in range(tail - 1, 0, -1):  # the source (order[0]) gets no dependency
            v = order[i]
            next_level = dist[v] + 1
            share = 0.0
            for e in range(starts[v], starts[v + 1]):
                w = targets[e]
                if dist[w] == next_level:
                    share += (1.0 + attached[w] + delta[w]) / sigma[w]
            delta[v] = sigma[v] * share
            total[v] += weight * (delta[v] + attached[v])
            reach += 1.0 + attached[v]
        reached[q] = reach
        for i in range(tail):
            v = order[i]
            dist[v] = -1
            sigma[v] = 0.0
            delta[v] = 0.0
    return total, reached


@numba.njit(nogil=True, cache=True)
def _search(starts: Any, targets: Any, s: int, dist: Any, order: Any) -> int:
    """BFS from s: dist (-1 = not reached, as given) and the nodes in the order reached; their count."""
    dist[s] = 0
    order[0] = s
    head, tail = 0, 1
    while head < tail:
        v = order[head]
        head += 1
        next_level = dist[v] + 1
        for e in range(starts[v], starts[v + 1]):
            w = targets[e]
            if dist[w] < 0:
                dist[w] = next_level
                order[tail] = w
                tail += 1
    return tail


@numba.njit(nogil=True, cache=True)
def distances(starts: Any, targets: Any, sources: Any, attached: Any) -> Any:
    """Per source: the nodes reached besides itself, the sum and the largest of their distances.
    `attached[v]`: leaves left out of the graph that hang on v, each reached one step beyond v (from the
    source itself: at distance 1)."""
    n = starts.shape[0] - 1
    k = sources.shape[0]
    reached = np.zeros(k, dtype=np.int64)
    sums = np.zeros(k, dtype=np.int64)
    longest = np.zeros(k, dtype=np.int64)
    dist = np.full(n, -1, dtype=np.int32)
    order = np.empty(n, dtype=np.int32)
    for q in range(k):
        tail = _search(starts, targets, sources[q], dist, order)
        own = attached[sources[q]]
        count, total, far = own, own, 1 if own > 0 else 0
        for i in range(1, tail):
            v = order[i]
            d = dist[v]
            a = attached[v]
            count += 1 + a
            total += d + a * (d + 1)
            far = max(far, d + 1 if a > 0 else d)
        reached[q] = count
        sums[q] = total
        longest[q] = far
        for i in range(tail):
            dist[order[i]] = -1
    return reached, sums, longest


@numba.njit(nogil=True, cache=True)
def inverse_distances(starts: Any, targets: Any, sources: Any, weights: Any, shifted: Any) -> Any:
    """Per node v, over the searches from `sources`: the sum of weights[q] / d(s, v) + shifted[q] /
    (d(s, v) + 1) (a source stands for weights[q] sources at its place and shifted[q] one step away:
    leaves left out of the graph), the source itself given shifted[q] only; and the same one step
    further (the sums for the leaves hanging on v)."""
    n = starts.shape[0] - 1
    sums = np.zeros(n)
    beyond = np.zeros(n)
    dist = np.full(n, -1, dtype=np.int32)
    order = np.empty(n, dtype=np.int32)
    for q in range(sources.shape[0]):
        tail = _search(starts, targets, sources[q], dist, order)
        here, away = weights[q], shifted[q]
        s = sources[q]
        sums[s] += away
        beyond[s] += here + away / 2.0
        for i in range(1, tail):
            v = order[i]
            d = float(dist[v])
            sums[v] += here / d + away / (d + 1.0)
            beyond[v] += here / (d + 1.0) + away / (d + 2.0)
        for i in range(tail):
            dist[order[i]] = -1
    return sums, beyond
