"""Shortest paths from many sources at once, compiled (numba, cached on disk): Brandes' dependencies for
betweenness, and BFS distances for harmonic closeness and Table 3's path lengths.

networkit runs one source per call and keeps every predecessor list and arbitrary-precision path counts
(EstimateBetweenness ~12 ms per source on the reference graph, quiet); each of its BFS results then
crosses to Python as a list. Here the sources run in compiled loops (gds_jobs/algorithms/path_kernels.py)
on a compressed int32 adjacency (`Adjacency`), path counts are doubles (as networkx and GDS count them),
and the sources are split into a fixed number of blocks, run on threads and summed in block order, so
the results do not depend on the number of threads.
"""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from typing import Any

import numpy as np
import numpy.typing as npt

from gds_jobs.algorithms.base import Orientation
from gds_jobs.algorithms.graphs import FloatArray, IntArray, Projected

# Sources are split into at most this many blocks, each summed on its own, then the blocks in order:
# enough to keep two to eight threads busy, few enough that the blocks' score rows stay small.
BLOCKS = 16
_threads = 2

Int32Array = npt.NDArray[np.int32]


@dataclass(frozen=True)
class Adjacency:
    """Out-neighbours of every node in compressed rows: node v's are `targets[starts[v]:starts[v + 1]]`;
    `symmetric` when every link is there in both directions (an undirected graph)."""

    starts: Int32Array
    targets: Int32Array
    symmetric: bool = False

    @property
    def node_count(self) -> int:
        return int(self.starts.shape[0]) - 1

    def out_degrees(self) -> IntArray:
        return np.diff(self.starts).astype(np.int64)

    @classmethod
    def of(cls, p: Projected, orientation: Orientation) -> Adjacency:
        """The graph `graphs.oriented` builds, without self-loops: NATURAL as stored (parallel
        relationships kept, as networkit keeps them), REVERSE flipped, UNDIRECTED each linked pair once in
        both directions."""
        keep = p.sources != p.targets
        s, t = p.sources[keep], p.targets[keep]
        if orientation is Orientation.REVERSE:
            s, t = t, s
        elif orientation is Orientation.UNDIRECTED:
            lo, hi = p.undirected_pairs()
            s, t = np.concatenate([lo, hi]), np.concatenate([hi, lo])
        order = np.lexsort((t, s))
        counts = np.bincount(s, minlength=p.node_count)
        starts = np.zeros(p.node_count + 1, dtype=np.int64)
        np.cumsum(counts, out=starts[1:])
        symmetric = orientation is Orientation.UNDIRECTED
        return cls(starts.astype(np.int32), t[order].astype(np.int32), symmetric)

    def in_local_order(self) -> tuple[Adjacency, IntArray]:
        """The same graph renumbered by reverse Cuthill-McKee, so that linked nodes get near numbers and a
        search touches fewer cache lines (Brandes from the reference graph's sources: 25 % less CPU,
        measured), and `position`: node v is node position[v] there."""
        from scipy.sparse import csr_matrix
        from scipy.sparse.csgraph import reverse_cuthill_mckee

        n = self.node_count
        if self.targets.size == 0:  # nothing to bring closer (and RCM needs a link)
            return self, np.arange(n, dtype=np.int64)
        links = np.ones(self.targets.size, dtype=np.int8)
        matrix = csr_matrix((links, self.targets, self.starts), shape=(n, n))
        order = reverse_cuthill_mckee(matrix, symmetric_mode=self.symmetric)  # new number -> node
        position = np.empty(n, dtype=np.int64)
        position[order] = np.arange(n, dtype=np.int64)
        renumbered = matrix[order][:, order].tocsr()
        renumbered.sort_indices()
        starts, targets = renumbered.indptr.astype(np.int32), renumbered.indices.astype(np.int32)
        return Adjacency(starts, targets, self.symmetric), position


def compile_kernels() -> None:
    """Every kernel of path_kernels compiled, or loaded from numba's cache, for the argument types the
    jobs call them with: the three searches run once on a small undirected graph with leaves (the types
    do not depend on the graph). `make setup` runs this, so that numba's cache (beside path_kernels.py, or
    numba's user-wide cache folder where that one is read-only; NUMBA_CACHE_DIR overrides both) holds the
    machine code before a user's first `jobs run`: compiling all three costs ~3 CPU s, loading them from
    the cache ~0.1 s."""
    links = np.array([(0, 1), (1, 2), (2, 3), (3, 4), (1, 5), (2, 6), (6, 3)])  # a cycle with leaves on it
    n = 7
    graph = Projected([str(i) for i in range(n)], links[:, 0], links[:, 1])
    adjacency = Adjacency.of(graph, Orientation.UNDIRECTED)
    sources = np.arange(n, dtype=np.int64)
    dependencies(adjacency, sources)
    distances(adjacency, sources)
    inverse_distance_sums(adjacency, sources)


def warm_up() -> threading.Thread:
    """Import numba and load every kernel (`compile_kernels`) in a background thread (~1.2 s at scale 1
    quiet: the import, then the JIT's start; compiling too where `make setup` did not fill the cache),
    e.g. while the graph is being fetched; a failure is left for the real call to raise."""

    def load() -> None:
        with contextlib.suppress(Exception):
            compile_kernels()

    thread = threading.Thread(target=load, name="path-kernels-warm-up", daemon=True)
    thread.start()
    return thread


def set_threads(threads: int) -> None:
    """Threads the kernels run on (the local backend's concurrency)."""
    global _threads
    _threads = max(1, threads)


def _by_blocks(
    kernel: Callable[..., Any],
    adjacency: Adjacency,
    sources: IntArray,
    *per_source: FloatArray,
    shared: Sequence[npt.NDArray[Any]] = (),
) -> list[Any]:
    """`kernel` on each block of `sources` (at most BLOCKS, contiguous, in order; with the block's part of
    each array of `per_source`, then the arrays `shared` whole), on `_threads` threads: the kernels
    release the GIL; the blocks' results come back in block order."""
    count = max(1, min(BLOCKS, len(sources)))
    blocks = np.array_split(np.asarray(sources, dtype=np.int32), count)
    parts = [np.array_split(values, count) for values in per_source]

    def run(i: int) -> Any:
        return kernel(adjacency.starts, adjacency.targets, blocks[i], *(p[i] for p in parts), *shared)

    if _threads == 1 or count == 1:
        return [run(i) for i in range(count)]
    with ThreadPoolExecutor(min(_threads, count)) as pool:
        return list(pool.map(run, range(count)))


def _summed(rows: Sequence[FloatArray], n: int) -> FloatArray:
    total = np.zeros(n)
    for row in rows:  # in block order: the same sum whatever the threads
        total += row
    return total


def dependencies(adjacency: Adjacency, sources: IntArray) -> FloatArray:
    """Sum over `sources` s of Brandes' dependency delta_s(v) = sum over t of sigma_st(v) / sigma_st, for
    every node v (ordered pairs: an undirected pair counts from both ends when both are sources). All
    sources = exact betweenness (networkx normalized=False, doubled when undirected).

    Undirected, leaves (nodes with one neighbour, most of a sparse network's: 60 % of the value network
    at scale 1 and 10) need no place in the searches. As sources: every shortest path from a leaf s is
    s-u then one from its neighbour u, so delta_s(v) = delta_u(v) for v other than s and u, and
    delta_s(u) = the nodes s reaches besides s and u: such sources are counted as weight on u's search.
    As targets: a leaf hanging on u is reached through u only, so the searches run on the graph without
    them (`_without_leaves`), each u carrying its leaves as extra path ends (`attached`); a leaf lies
    on no shortest path between others: its score is 0. Fewer nodes and links per search: the 10x value
    network's searches at 40 % of the nodes, 72 % of the links: 79 CPU s against 120, measured)."""
    from gds_jobs.algorithms import path_kernels

    n = adjacency.node_count
    searched = np.asarray(sources, dtype=np.int64).copy()
    folded = np.zeros(searched.size, dtype=bool)
    if adjacency.symmetric:
        folded = adjacency.out_degrees()[searched] == 1
        searched[folded] = adjacency.targets[adjacency.starts[searched[folded]]]
    origins, weights = np.unique(searched, return_counts=True)
    core, kept, attached = _without_leaves(adjacency)
    local, position = core.in_local_order()
    index = _numbers(kept, n)  # node -> its number in `core`
    local_attached = np.zeros(core.node_count)
    local_attached[position] = attached
    parts = _by_blocks(
        path_kernels.brandes,
        local,
        position[index[origins]],
        weights.astype(np.float64),
        shared=[local_attached],
    )
    total = np.zeros(n)
    total[kept] = _summed([part[0] for part in parts], local.node_count)[position]
    reached = np.concatenate([part[1] for part in parts])
    leaf_neighbours = searched[folded]
    np.add.at(total, leaf_neighbours, reached[np.searchsorted(origins, leaf_neighbours)] - 1.0)
    return total


def _numbers(kept: IntArray, n: int) -> IntArray:
    """Per node of n, its place in `kept` (ascending node numbers), -1 for a node left out."""
    index = np.full(n, -1, dtype=np.int64)
    index[kept] = np.arange(kept.size)
    return index


def _without_leaves(adjacency: Adjacency) -> tuple[Adjacency, IntArray, FloatArray]:
    """Undirected: the graph without the leaves that hang on a node with more neighbours (a lone linked
    pair stays), the nodes kept (in order; node i of the result is kept[i]) and per kept node the
    leaves left out that hung on it. Directed: the graph as it is."""
    n = adjacency.node_count
    if not adjacency.symmetric:
        return adjacency, np.arange(n, dtype=np.int64), np.zeros(n)
    degree = adjacency.out_degrees()
    leaves = np.flatnonzero(degree == 1)
    hung_on = adjacency.targets[adjacency.starts[leaves]].astype(np.int64)
    dropped = leaves[degree[hung_on] > 1]
    keep = np.ones(n, dtype=bool)
    keep[dropped] = False
    kept = np.flatnonzero(keep)
    index = _numbers(kept, n)
    tails = np.repeat(np.arange(n, dtype=np.int64), degree)
    links = keep[tails] & keep[adjacency.targets]
    starts = np.zeros(kept.size + 1, dtype=np.int64)
    np.cumsum(np.bincount(index[tails[links]], minlength=kept.size), out=starts[1:])
    targets = index[adjacency.targets[links]]
    attached = np.bincount(index[adjacency.targets[adjacency.starts[dropped]]], minlength=kept.size)
    core = Adjacency(starts.astype(np.int32), targets.astype(np.int32), symmetric=True)
    return core, kept, attached.astype(np.float64)


@dataclass(frozen=True)
class Distances:
    """What BFS from each source saw, per source in the order given: the nodes it reached other than
    itself, the sum and the largest of their distances."""

    reached: IntArray
    distance_sums: IntArray
    longest: IntArray


@dataclass(frozen=True)
class _Core:
    """The graph the searches run on (`_without_leaves`: undirected, without the leaves) and how the
    nodes of the whole graph map onto it."""

    graph: Adjacency
    kept: IntArray  # the nodes of the whole graph in `graph`, by their number there
    left_out: IntArray  # the leaves left out
    attached: FloatArray  # per node of `graph`, the leaves hanging on it
    on_core: IntArray  # per node of the whole graph, its number in `graph`; a leaf: its neighbour's
    leaf: npt.NDArray[np.bool_]  # which of the sources are left-out leaves


def _on_core(adjacency: Adjacency, sources: IntArray) -> _Core:
    """`adjacency` without its leaves, for searches from `sources`."""
    n = adjacency.node_count
    core, kept, attached = _without_leaves(adjacency)
    on_core = _numbers(kept, n)  # node -> its number in `core`
    left_out = np.flatnonzero(on_core < 0)
    leaf = on_core[np.asarray(sources, dtype=np.int64)] < 0
    on_core[left_out] = on_core[adjacency.targets[adjacency.starts[left_out]]]
    return _Core(core, kept, left_out, attached, on_core, leaf)


def distances(adjacency: Adjacency, sources: IntArray) -> Distances:
    """BFS from every source, in blocks on threads. Undirected, on the graph without its leaves (as
    betweenness and harmonic closeness): a leaf hanging on u is one step beyond u from every other node
    and, as a source, one step before it (every distance from it but its own to u one longer). Exactly the
    same counts and sums as BFS on the whole graph, with fewer nodes and links searched."""
    from gds_jobs.algorithms import path_kernels

    given = np.asarray(sources, dtype=np.int64)
    core = _on_core(adjacency, given)
    leaf = core.leaf
    local, position = core.graph.in_local_order()
    local_attached = np.zeros(core.graph.node_count, dtype=np.int64)
    local_attached[position] = core.attached.astype(np.int64)
    parts = _by_blocks(path_kernels.distances, local, position[core.on_core[given]], shared=[local_attached])
    reached, sums, longest = (np.concatenate([part[i] for part in parts]) for i in range(3))
    # from u: 1 to the leaf, d to the rest; from the leaf: 1 to u, d + 1 to the rest
    sums[leaf] += reached[leaf] - 1
    longest[leaf] += 1
    return Distances(reached, sums, longest)


def inverse_distance_sums(adjacency: Adjacency, sources: IntArray) -> FloatArray:
    """Per node v, the sum over `sources` s of 1/d(s, v) (0 where no source reaches it; a source's own
    distance, 0, not counted). Undirected, as for betweenness, on the graph without its leaves: a leaf
    hanging on u is one step beyond u from every other node, and as a source u's search one step
    longer."""
    from gds_jobs.algorithms import path_kernels

    n = adjacency.node_count
    given = np.asarray(sources, dtype=np.int64)
    core = _on_core(adjacency, given)
    leaf = core.leaf
    origins, place = np.unique(core.on_core[given], return_inverse=True)
    here = np.bincount(place[~leaf], minlength=origins.size).astype(np.float64)
    away = np.bincount(place[leaf], minlength=origins.size).astype(np.float64)
    local, position = core.graph.in_local_order()
    parts = _by_blocks(path_kernels.inverse_distances, local, position[origins], here, away)
    total = np.zeros(n)
    total[core.kept] = _summed([part[0] for part in parts], local.node_count)[position]
    beyond = _summed([part[1] for part in parts], local.node_count)[position]
    total[core.left_out] = beyond[core.on_core[core.left_out]]
    np.add.at(total, given[leaf], -0.5)  # a leaf source is not its own target (d = 0, counted as 2)
    return total
