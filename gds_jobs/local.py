"""Local backend: stream the projection with one Cypher query, compute with networkit, write back in batches.

It stands in for the GDS algorithms with the same property names and the same scales:

Differences from GDS (PageRank normalisation, betweenness scale and sampling, community labels and
seeds) are listed in gds_jobs/README.md.
"""

from __future__ import annotations

import math
import random
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

import networkit as nk
import numpy as np
import numpy.typing as npt

from gds_jobs.spec import Algorithm, JobSpec, Orientation
from valuenet import queries

FloatArray = npt.NDArray[np.float64]
IntArray = npt.NDArray[np.int64]


@dataclass
class Projected:
    """A projection in memory: node ids (Organization.id) and relationships as index arrays."""

    ids: list[str]
    sources: IntArray
    targets: IntArray

    @property
    def node_count(self) -> int:
        return len(self.ids)

    @property
    def relationship_count(self) -> int:
        return int(self.sources.shape[0])


def collect(rows: Iterable[Sequence[Any]]) -> Projected:
    """Rows of (source id, target id or None) -> Projected; every id seen becomes a node."""
    index: dict[str, int] = {}
    ids: list[str] = []
    src: list[int] = []
    tgt: list[int] = []

    def idx(key: Any) -> int:
        k = str(key)
        i = index.get(k)
        if i is None:
            i = index[k] = len(ids)
            ids.append(k)
        return i

    for row in rows:
        s = idx(row[0])
        if row[1] is not None:
            t = idx(row[1])
            src.append(s)
            tgt.append(t)
    return Projected(ids, np.asarray(src, dtype=np.int64), np.asarray(tgt, dtype=np.int64))


def to_networkit(p: Projected, orientation: Orientation) -> nk.Graph:
    """A networkit graph of the projection; UNDIRECTED graphs get one edge per projected relationship."""
    directed = orientation is not Orientation.UNDIRECTED
    g = nk.Graph(p.node_count, weighted=False, directed=directed)
    if orientation is Orientation.REVERSE:
        pairs = zip(p.targets.tolist(), p.sources.tolist(), strict=True)
    else:
        pairs = zip(p.sources.tolist(), p.targets.tolist(), strict=True)
    for s, t in pairs:
        if s != t:
            g.addEdge(s, t)
    return g


def undirected_simple(p: Projected) -> nk.Graph:
    """The undirected simple graph of a projection: each linked pair once, no self-loops."""
    g = nk.Graph(p.node_count, weighted=False, directed=False)
    seen: set[tuple[int, int]] = set()
    for s, t in zip(p.sources.tolist(), p.targets.tolist(), strict=True):
        if s == t:
            continue
        key = (s, t) if s < t else (t, s)
        if key not in seen:
            seen.add(key)
            g.addEdge(*key)
    return g


def undirected_pair_count(p: Projected) -> int:
    """Linked pairs of a projection, each once whatever the direction (self-loops not counted)."""
    keep = p.sources != p.targets
    lo = np.minimum(p.sources[keep], p.targets[keep])
    hi = np.maximum(p.sources[keep], p.targets[keep])
    return int(np.unique(lo * max(1, p.node_count) + hi).size)


# -- algorithms -------------------------------------------------------------------------------------------
def degree(p: Projected, orientation: Orientation) -> FloatArray:
    n = p.node_count
    out = np.bincount(p.sources, minlength=n)
    inc = np.bincount(p.targets, minlength=n)
    if orientation is Orientation.NATURAL:
        return out.astype(np.float64)
    if orientation is Orientation.REVERSE:
        return inc.astype(np.float64)
    return (out + inc).astype(np.float64)


def pagerank(g: nk.Graph, damping_factor: float) -> FloatArray:
    """GDS-scale PageRank: networkit's (teleport (1-d)/n, no sink handling) times n."""
    n = g.numberOfNodes()
    if n == 0:
        return np.zeros(0, dtype=np.float64)
    pr = nk.centrality.PageRank(g, damp=damping_factor, tol=1e-9)
    pr.run()
    scores: FloatArray = np.asarray(pr.scores(), dtype=np.float64) * n
    return scores


def betweenness(
    g: nk.Graph, *, exact: bool, epsilon: float, delta: float, seed: int = 42
) -> tuple[FloatArray, dict[str, Any]]:
    """Raw betweenness, each unordered pair counted once (networkx normalized=False, GDS undirected)."""
    if not (0 < epsilon < 1 and 0 < delta < 1):
        raise ValueError(
            f"betweenness sampling needs 0 < epsilon < 1 and 0 < delta < 1, got {epsilon}, {delta}"
        )
    n = g.numberOfNodes()
    if exact or n < 3:
        b = nk.centrality.Betweenness(g, normalized=False)
        b.run()
        scores = np.asarray(b.scores(), dtype=np.float64)
        if not g.isDirected():
            scores /= 2.0  # networkit counts ordered pairs
        return scores, {"betweenness_method": "exact (Brandes)"}
    pairs = n * (n - 1) / 2
    if g.isDirected():  # Riondato-Kornaropoulos: normalised by ordered pairs
        nk.setSeed(seed, False)
        a = nk.centrality.ApproxBetweenness(g, epsilon=epsilon, delta=delta)
        a.run()
        scores = np.asarray(a.scores(), dtype=np.float64) * 2 * pairs
        method, samples = "sampled (Riondato-Kornaropoulos)", int(a.numberOfSamples())
    else:
        # KADABRA (Borassi-Natale, adaptive): its scores are twice the share of unordered pairs.
        nk.setSeed(seed, True)
        k = nk.centrality.KadabraBetweenness(g, err=epsilon, delta=delta)
        k.run()
        scores = np.asarray(k.scores(), dtype=np.float64) / 2 * pairs
        method, samples = "sampled (KADABRA adaptive, Borassi-Natale)", int(k.getNumberOfIterations())
    return scores, {
        "betweenness_method": method,
        "betweenness_samples": samples,
        "betweenness_error_bound": epsilon * pairs * (2 if g.isDirected() else 1),
        "betweenness_bound_note": f"with probability >= {1 - delta:g} every score is within "
        f"{epsilon:g} * n(n-1){'' if g.isDirected() else '/2'} of the exact value",
    }


def hoeffding_samples(n: int, epsilon: float, delta: float) -> int:
    """Samples so that, with probability >= 1-delta, each of n means of [0,1] variables is within epsilon
    (Hoeffding's inequality per node, union bound over the nodes)."""
    if n < 2:
        return n
    return math.ceil(math.log(2 * n / delta) / (2 * epsilon * epsilon))


def harmonic(
    g: nk.Graph, *, exact: bool = True, epsilon: float = 0.1, delta: float = 0.1, seed: int = 42
) -> tuple[FloatArray, dict[str, Any]]:
    """Harmonic closeness sum(1/d(v,u)) / (n-1), as gds.closeness.harmonic.

    Sampled: BFS from k random sources, mean of 1/d(s,v) over the sampled s != v; each term is in [0,1], so
    with k = hoeffding_samples(n, epsilon, delta) every node is within epsilon with probability >= 1-delta.
    """
    n = g.numberOfNodes()
    if n < 2:
        return np.zeros(n, dtype=np.float64), {"harmonic_method": "exact"}
    if not (0 < epsilon < 1 and 0 < delta < 1):
        raise ValueError(f"harmonic sampling needs 0 < epsilon < 1 and 0 < delta < 1, got {epsilon}, {delta}")
    k = hoeffding_samples(n, epsilon, delta)
    if exact or k >= n:
        h = nk.centrality.HarmonicCloseness(g, normalized=True)
        h.run()
        return np.asarray(h.scores(), dtype=np.float64), {"harmonic_method": "exact"}
    sources = random.Random(seed).sample(range(n), k)
    total = np.zeros(n, dtype=np.float64)
    for s in sources:
        bfs = nk.distance.BFS(g, s, storePaths=False)
        bfs.run()
        d = np.asarray(bfs.getDistances(), dtype=np.float64)
        reach = (d > 0) & (d < 1e300)
        total[reach] += 1.0 / d[reach]
    counts = np.full(n, float(k))
    counts[sources] -= 1.0  # a source does not sample itself
    scores: FloatArray = total / counts
    return scores, {
        "harmonic_method": "sampled BFS sources (Hoeffding bound)",
        "harmonic_samples": k,
        "harmonic_error_bound": epsilon,
        "harmonic_bound_note": f"with probability >= {1 - delta:g} every score is within {epsilon:g}",
    }


def _relabel_by_size(labels: Sequence[int]) -> IntArray:
    """Community/component labels -> 0..k-1 with 0 the largest (ties by first appearance)."""
    arr = np.asarray(labels, dtype=np.int64)
    if arr.size == 0:
        return arr
    uniq, first, counts = np.unique(arr, return_index=True, return_counts=True)
    order = sorted(range(len(uniq)), key=lambda i: (-counts[i], first[i]))
    mapping = {int(uniq[i]): rank for rank, i in enumerate(order)}
    return np.asarray([mapping[int(x)] for x in arr], dtype=np.int64)


def _modularity(partition: nk.Partition, g: nk.Graph) -> float:
    if g.numberOfEdges() == 0:
        return 0.0
    return float(nk.community.Modularity().getQuality(partition, g))


def louvain(g: nk.Graph, *, seed: int, max_iterations: int) -> tuple[IntArray, dict[str, Any]]:
    nk.setSeed(seed, False)
    plm = nk.community.PLM(g, refine=True, par="none", maxIter=max(1, max_iterations * 3))
    plm.run()
    part = plm.getPartition()
    labels = _relabel_by_size(part.getVector())
    return labels, {"modularity": _modularity(part, g), "communities": int(part.numberOfSubsets())}


def leiden(g: nk.Graph, *, seed: int, iterations: int, gamma: float) -> tuple[IntArray, dict[str, Any]]:
    nk.setSeed(seed, False)
    ld = nk.community.ParallelLeiden(g, randomize=True, iterations=iterations, gamma=gamma)
    ld.run()
    part = ld.getPartition()
    labels = _relabel_by_size(part.getVector())
    return labels, {"modularity": _modularity(part, g), "communities": int(part.numberOfSubsets())}


def wcc(g: nk.Graph) -> tuple[IntArray, dict[str, Any]]:
    cc = nk.components.ConnectedComponents(g)
    cc.run()
    labels = _relabel_by_size(cc.getPartition().getVector())
    sizes = np.bincount(labels) if labels.size else np.zeros(0, dtype=np.int64)
    return labels, {
        "components": int(cc.numberOfComponents()),
        "largest_component": int(sizes.max()) if sizes.size else 0,
    }


def clustering(g: nk.Graph) -> tuple[FloatArray, dict[str, Any]]:
    if g.numberOfNodes() == 0:
        return np.zeros(0), {"average_clustering": 0.0}
    lcc = nk.centrality.LocalClusteringCoefficient(g, turbo=True)
    lcc.run()
    scores = np.asarray(lcc.scores(), dtype=np.float64)
    return scores, {"average_clustering": float(scores.mean())}


def path_lengths(
    g: nk.Graph, *, samples: int | None, seed: int, with_diameter: bool = False
) -> tuple[float, int, int, int]:
    """Mean shortest-path length over reachable ordered pairs, from `samples` random sources among the
    nodes with out-edges (all of them when None or when there are fewer). With `with_diameter`, also the
    largest finite distance seen (exact when every such node is a source).
    Returns (mean, sources used, pairs counted, largest distance)."""
    candidates = [v for v in range(g.numberOfNodes()) if g.degreeOut(v) > 0]
    nodes = candidates
    if samples is not None and samples < len(candidates):
        nodes = random.Random(seed).sample(candidates, samples)
    total = 0.0
    pairs = 0
    longest = 0
    for s in nodes:
        bfs = nk.distance.BFS(g, s, storePaths=False)
        bfs.run()
        d = np.asarray(bfs.getDistances(), dtype=np.float64)
        reach = d[(d > 0) & (d < 1e300)]
        total += float(reach.sum())
        pairs += int(reach.size)
        if with_diameter and reach.size:
            longest = max(longest, int(reach.max()))
    return (total / pairs if pairs else 0.0), len(nodes), pairs, longest


def _paths_method(used: int, candidates: int, seed: int) -> str:
    if used >= candidates:
        return "exact (BFS from every node with out-edges, reachable pairs)"
    return f"sampled: BFS from {used} random sources (seed {seed}), reachable pairs"


def network_stats(
    p: Projected, *, relationships: int, path_samples: int, exact_paths: bool, seed: int
) -> dict[str, Any]:
    """R21 Table 3 statistics with Gephi's conventions for a directed network, as the report's average
    degree (= edges / nodes) shows it used: density = edges / (n(n-1)); diameter and average path length
    over directed shortest paths (reachable pairs). Modularity and clustering on the undirected simple
    graph; undirected diameter and path length are recorded too (`*_undirected`)."""
    n = p.node_count
    und = undirected_simple(p)
    directed = to_networkit(p, Orientation.NATURAL)
    stats: dict[str, Any] = {"nodes": n, "edges": relationships}
    stats["edges_distinct_pairs"] = p.relationship_count
    stats["edges_undirected"] = und.numberOfEdges()
    stats["avg_degree"] = relationships / n if n else 0.0
    stats["avg_degree_undirected"] = 2 * und.numberOfEdges() / n if n else 0.0
    stats["density"] = relationships / (n * (n - 1)) if n > 1 else 0.0
    if n == 0:
        return stats
    started = time.perf_counter()
    with_out = sum(1 for v in range(n) if directed.degreeOut(v) > 0)
    # Directed paths (networkit has no exact directed diameter algorithm): BFS from every node with
    # out-edges when exact_paths, else from `path_samples` of them; the diameter is then the largest
    # distance seen from those sources, a lower bound, and says so.
    mean, used, pairs, longest = path_lengths(
        directed, samples=None if exact_paths else path_samples, seed=seed, with_diameter=True
    )
    stats["diameter"] = longest
    stats["diameter_method"] = (
        "exact: directed, largest distance over BFS from every node with out-edges"
        if used >= with_out
        else f"lower bound: directed, largest distance seen from {used} sampled sources (seed {seed}); "
        "exact_paths=true for the exact value"
    )
    stats["avg_path_length"] = mean
    stats["avg_path_length_sources"] = used
    stats["avg_path_length_pairs"] = pairs
    stats["avg_path_length_method"] = "directed, " + _paths_method(used, with_out, seed)
    d = nk.distance.Diameter(und, algo=nk.distance.DiameterAlgo.EXACT)
    d.run()
    stats["diameter_undirected"] = int(d.getDiameter()[0])  # exact (iFUB), largest over components
    mean_u, used_u, _, _ = path_lengths(und, samples=None if exact_paths else path_samples, seed=seed)
    stats["avg_path_length_undirected"] = mean_u
    stats["avg_path_length_undirected_method"] = "undirected, " + _paths_method(used_u, n, seed)
    _, q = louvain(und, seed=seed, max_iterations=10)
    stats["modularity"] = q["modularity"]
    stats["communities"] = q["communities"]
    stats["modularity_method"] = "Louvain (networkit PLM with refinement), seeded, undirected"
    _, c = clustering(und)
    stats["avg_clustering"] = c["average_clustering"]
    stats["avg_clustering_method"] = "mean local clustering coefficient, undirected, all nodes"
    _, comps = wcc(und)
    stats.update(comps)
    stats["compute_s"] = round(time.perf_counter() - started, 3)
    return stats


# -- the backend ------------------------------------------------------------------------------------------
@dataclass
class Result:
    """What a backend reports back to the runner."""

    nodes: int
    relationships: int
    facts: dict[str, Any] = field(default_factory=dict)  # recorded on the JobRun (scalars only)
    stats: dict[str, Any] | None = None  # network_stats only


ProgressFn = Callable[[str, float], None]


def compute(job: JobSpec, p: Projected, params: dict[str, Any]) -> tuple[Sequence[float], dict[str, Any]]:
    """Scores per node of `p` (same order as p.ids) and facts to record, for a node-score job."""
    alg = job.algorithm
    if alg is Algorithm.DEGREE:
        return degree(p, job.orientation).tolist(), {}
    if alg is Algorithm.PAGERANK:
        return pagerank(to_networkit(p, job.orientation), params["damping_factor"]).tolist(), {}
    und = (
        undirected_simple(p)
        if job.orientation is Orientation.UNDIRECTED
        else to_networkit(p, job.orientation)
    )
    if alg is Algorithm.BETWEENNESS:
        scores, facts = betweenness(
            und,
            exact=bool(params["exact"]),
            epsilon=float(params["epsilon"]),
            delta=float(params["delta"]),
            seed=int(params["seed"]),
        )
        return scores.tolist(), facts
    if alg is Algorithm.HARMONIC:
        scores, facts = harmonic(
            und,
            exact=bool(params["exact"]),
            epsilon=float(params["epsilon"]),
            delta=float(params["delta"]),
            seed=int(params["seed"]),
        )
        return scores.tolist(), facts
    if alg is Algorithm.LOUVAIN:
        labels, facts = louvain(und, seed=params["seed"], max_iterations=params["max_iterations"])
        return labels.tolist(), facts
    if alg is Algorithm.LEIDEN:
        labels, facts = leiden(
            und, seed=params["seed"], iterations=params["iterations"], gamma=params["gamma"]
        )
        return labels.tolist(), facts
    if alg is Algorithm.WCC:
        labels, facts = wcc(und)
        return labels.tolist(), facts
    if alg is Algorithm.CLUSTERING:
        scores, facts = clustering(und)
        return scores.tolist(), facts
    raise ValueError(f"{alg} is not a node-score algorithm")


class LocalBackend:
    """networkit on a streamed projection; writes `<property>__<run id>` in batched UNWIND transactions."""

    name = "local"

    def __init__(
        self, graph: Any, *, batch_size: int = 5000, concurrency: int = 2, share_projections: bool = False
    ) -> None:
        self.graph = graph
        self.batch_size = batch_size
        self.concurrency = concurrency
        # With share_projections, jobs run through this backend stream each projection once and all
        # compute on that same snapshot (a batch of jobs, e.g. `valuenet jobs run`).
        self.share_projections = share_projections
        self._projections: dict[str, Projected] = {}

    def project(self, job: JobSpec) -> Projected:
        name = job.projection.local_source or job.projection.name
        cached = self._projections.get(name)
        if cached is not None:
            return cached
        p = collect(self.graph.stream(queries.text(job.projection.stream_query)))
        if self.share_projections:
            self._projections[name] = p
        return p

    def engine_note(self) -> str:
        return f"networkit {nk.__version__}"

    def execute(
        self, job: JobSpec, params: dict[str, Any], staged: str | None, progress: ProgressFn
    ) -> Result:
        nk.setNumberOfThreads(self.concurrency)
        progress("projecting", 0.05)
        t0 = time.perf_counter()
        p = self.project(job)
        timings = {"stream_s": round(time.perf_counter() - t0, 3)}
        progress("computing", 0.3)
        t0 = time.perf_counter()
        if job.algorithm is Algorithm.STATS:
            rels = int(self.graph.read(queries.text("jobs/count_value_relationships"))[0]["n"])
            stats = network_stats(
                p,
                relationships=rels,
                path_samples=int(params["path_samples"]),
                exact_paths=bool(params["exact_paths"]),
                seed=int(params["seed"]),
            )
            progress("writing", 0.9)
            timings["compute_s"] = round(time.perf_counter() - t0, 3)
            return Result(p.node_count, rels, timings, stats)
        scores, facts = compute(job, p, params)
        timings["compute_s"] = round(time.perf_counter() - t0, 3)
        rels = p.relationship_count
        if job.orientation is Orientation.UNDIRECTED and job.algorithm is not Algorithm.DEGREE:
            rels = undirected_pair_count(p)
        t0 = time.perf_counter()
        assert staged is not None
        rows = [{"id": i, "value": _plain(v, job)} for i, v in zip(p.ids, scores, strict=True) if _finite(v)]
        total = max(1, len(rows))
        done = 0

        def on_batch(k: int) -> None:
            nonlocal done
            done += k
            progress("writing", 0.4 + 0.55 * done / total)

        progress("writing", 0.4)
        self.graph.write_batches(
            queries.text("jobs/write_staged"),
            rows,
            batch_size=self.batch_size,
            params={"staged": staged},
            on_batch=on_batch,
        )
        timings["write_s"] = round(time.perf_counter() - t0, 3)
        return Result(p.node_count, rels, {**facts, **timings})


def _finite(v: float) -> bool:
    return not (isinstance(v, float) and (math.isnan(v) or math.isinf(v)))


def _plain(v: float, job: JobSpec) -> int | float:
    """Integers for counts and labels, floats for scores."""
    if job.algorithm in (Algorithm.DEGREE, Algorithm.LOUVAIN, Algorithm.LEIDEN, Algorithm.WCC):
        return int(v)
    return float(v)
