"""Centrality algorithms: degree, PageRank, betweenness, harmonic closeness. Each one: its parameters, its
networkit implementation and its GDS call, on the same scale (gds_jobs/README.md lists what differs)."""

from __future__ import annotations

import math
import random
from typing import Annotated, Any

import numpy as np
from pydantic import Field

from gds_jobs.algorithms.base import (
    Algorithm,
    Computed,
    GdsCall,
    NoParams,
    Orientation,
    Params,
    ScoreKind,
)
from gds_jobs.algorithms.graphs import BoolArray, FloatArray, Projected, oriented
from gds_jobs.algorithms.paths import Adjacency, dependencies, inverse_distance_sums

Fraction = Annotated[float, Field(gt=0, lt=1)]


# -- degree ---------------------------------------------------------------------------------------------
def _degree_local(p: Projected, orientation: Orientation, params: NoParams) -> Computed:
    """Counts of projected relationships: outgoing (NATURAL), incoming (REVERSE) or both."""
    n = p.node_count
    out = np.bincount(p.sources, minlength=n)
    inc = np.bincount(p.targets, minlength=n)
    counts = {Orientation.NATURAL: out, Orientation.REVERSE: inc, Orientation.UNDIRECTED: out + inc}
    return Computed(counts[orientation].tolist())


def _degree_gds(params: NoParams, orientation: Orientation, nodes: int) -> GdsCall:
    return GdsCall("degree", {"orientation": orientation.value})


DEGREE = Algorithm(
    "degree", NoParams, _degree_local, _degree_gds, kind=ScoreKind.COUNT, gds_takes_orientation=True
)


# -- PageRank -------------------------------------------------------------------------------------------
class PageRankParams(Params):
    damping_factor: Fraction = 0.85
    max_iterations: Annotated[int, Field(ge=1)] = 100
    # GDS: stop when no score (GDS scale) changes by more than this between iterations.
    tolerance: Annotated[float, Field(gt=0)] = 1e-7


def _pagerank_local(p: Projected, orientation: Orientation, params: PageRankParams) -> Computed:
    """GDS-scale PageRank: the fixed point of s = (1-d) + d * sum of in-neighbour shares, sinks' rank not
    redistributed (GDS's rule). networkit iterates the same rule on the 1/n scale but then rescales its
    scores to sum to 1, which inflates them when sinks leak rank; `sink_leak_scale` undoes that.
    networkit stops when the L2 norm of the change (on its scale, 1/n of GDS's) is at most `tol`: with
    tol = tolerance / n no GDS-scale score then changes by more than `tolerance`, GDS's own rule."""
    import networkit as nk

    n = p.node_count
    if n == 0:
        return Computed([], {"ran_iterations": 0, "did_converge": True})
    g = oriented(p, orientation)
    pr = nk.centrality.PageRank(g, damp=params.damping_factor, tol=params.tolerance / n)
    pr.norm = nk.centrality.Norm.L2_NORM
    pr.maxIterations = params.max_iterations
    pr.run()
    ran = int(pr.numberOfIterations())
    shares: FloatArray = np.asarray(pr.scores(), dtype=np.float64)
    out_degree = np.asarray([g.degreeOut(u) for u in range(n)], dtype=np.int64)
    scale = sink_leak_scale(shares, out_degree > 0, params.damping_factor)
    return Computed(
        (shares * scale * n).tolist(), {"ran_iterations": ran, "did_converge": ran < params.max_iterations}
    )


def sink_leak_scale(shares: FloatArray, has_out: BoolArray, damping: float) -> float:
    """c with c * shares the fixed point of y = (1-d)/n + d * M y, given `shares` = that fixed point
    rescaled to sum 1: summing the equation over the nodes, c = (1-d) / (1 - d * (shares of the nodes that
    pass rank on)). 1 when no node is a sink."""
    return (1.0 - damping) / (1.0 - damping * float(shares[has_out].sum()))


def _pagerank_gds(params: PageRankParams, orientation: Orientation, nodes: int) -> GdsCall:
    return GdsCall(
        "page_rank",
        {
            "damping_factor": params.damping_factor,
            "max_iterations": params.max_iterations,
            "tolerance": params.tolerance,
        },
        yields={"ran_iterations": "ran_iterations", "did_converge": "did_converge"},
    )


PAGERANK = Algorithm("pagerank", PageRankParams, _pagerank_local, _pagerank_gds)


# -- sampling bound shared by betweenness and harmonic closeness ---------------------------------------
class SamplingParams(Params):
    """Sampled unless `exact`: with probability >= 1-delta every node's score is within epsilon (on the
    normalised scale) of the exact value."""

    exact: bool = False
    epsilon: Fraction = 0.01
    delta: Fraction = 0.1
    seed: int = 42


def hoeffding_samples(n: int, epsilon: float, delta: float) -> int:
    """Samples so that, with probability >= 1-delta, each of n means of [0,1] variables is within epsilon
    (Hoeffding's inequality per node, union bound over the nodes)."""
    if n < 2:
        return n
    return math.ceil(math.log(2 * n / delta) / (2 * epsilon * epsilon))


# -- betweenness ----------------------------------------------------------------------------------------
class BetweennessParams(SamplingParams):
    # ~2,740 sources at 44k nodes; at 0.01 the bound needs more sources than nodes: exact, O(nm)
    epsilon: Fraction = 0.05


def betweenness_samples(n: int, params: SamplingParams) -> int | None:
    """Source nodes both backends sample (Brandes-Pich: all shortest paths from each sampled source, scaled
    by n/k), or None for exact: when asked, or when the bound would need as many sources as there are
    nodes. A source contributes at most n-2 to any score, so by Hoeffding k = ceil(ln(2n/delta) /
    (2 epsilon^2)) sources put, with probability >= 1-delta, every score within epsilon * n(n-1) (ordered
    pairs; half that undirected) of the exact value."""
    k = hoeffding_samples(n, params.epsilon, params.delta)
    return None if params.exact or k >= n else k


def _sampled_facts(n: int, k: int, params: SamplingParams, directed: bool) -> dict[str, Any]:
    pairs = "n(n-1)" if directed else "n(n-1)/2"
    return {
        "betweenness_method": "sampled sources (Brandes-Pich)",
        "betweenness_samples": k,
        "betweenness_error_bound": params.epsilon * n * (n - 1) / (1 if directed else 2),
        "betweenness_bound_note": f"Hoeffding: with probability >= {1 - params.delta:g} every score is "
        f"within {params.epsilon:g} * {pairs} of the exact value",
    }


def _betweenness_local(p: Projected, orientation: Orientation, params: BetweennessParams) -> Computed:
    """Raw betweenness, each unordered pair counted once (networkx normalized=False, GDS undirected):
    Brandes' dependencies from every node, or from as many sources as GDS samples (`betweenness_samples`),
    drawn uniformly without replacement with `seed` (the same sources on any number of threads) and
    scaled by n/k."""
    adjacency = Adjacency.of(p, orientation)
    n = adjacency.node_count
    k = betweenness_samples(n, params)
    sources = range(n) if k is None else random.Random(params.seed).sample(range(n), k)
    scores = dependencies(adjacency, np.asarray(sources, dtype=np.int64))
    directed = orientation is not Orientation.UNDIRECTED
    if not directed:
        scores /= 2.0  # each unordered pair was counted from both ends
    if k is None:
        return Computed(scores.tolist(), {"betweenness_method": "exact (Brandes)"})
    scores *= n / k
    return Computed(scores.tolist(), _sampled_facts(n, k, params, directed))


def _betweenness_gds(params: BetweennessParams, orientation: Orientation, nodes: int) -> GdsCall:
    """gds.betweenness samples as many source nodes as the local backend does, with GDS's own seed. It
    sums their dependencies without extrapolating (measured on the reference graph: 0.055 of networkit's
    total at 2,737 of 43,742 sources), so its scores are scaled by nodes / sources, as Brandes-Pich and
    networkit do."""
    k = betweenness_samples(nodes, params)
    if k is None:
        return GdsCall("betweenness", facts={"betweenness_method": "exact (Brandes)"})
    directed = orientation is not Orientation.UNDIRECTED
    return GdsCall(
        "betweenness",
        {"sampling_size": k, "sampling_seed": params.seed},
        facts=_sampled_facts(nodes, k, params, directed),
        scale_written=nodes / k,
    )


# GDS 2.13 picks sampled sources with probability degree / max degree (~50 nodes on the reference graph),
# then fills the sample from its first node ids: in the store's order those are one block of the graph
# (top-50 overlap with networkit's uniform sample 40 of 50, two uniform samples 48), in a seeded order
# spread over the keys a uniform sample (48): gds_samples_by_node_order.
BETWEENNESS = Algorithm(
    "betweenness", BetweennessParams, _betweenness_local, _betweenness_gds, gds_samples_by_node_order=True
)


# -- harmonic closeness ---------------------------------------------------------------------------------
class HarmonicParams(SamplingParams):
    epsilon: Fraction = 0.1


def _harmonic_local(p: Projected, orientation: Orientation, params: HarmonicParams) -> Computed:
    """Harmonic closeness sum(1/d(v,u)) / (n-1), as gds.closeness.harmonic.

    Sampled: BFS from k random sources, mean of 1/d(s,v) over the sampled s != v; each term is in [0,1], so
    with k = hoeffding_samples(n, epsilon, delta) every node is within epsilon with probability >= 1-delta.
    """
    import networkit as nk

    n = p.node_count
    if n < 2:
        return Computed([0.0] * n, {"harmonic_method": "exact"})
    k = hoeffding_samples(n, params.epsilon, params.delta)
    if params.exact or k >= n:
        h = nk.centrality.HarmonicCloseness(oriented(p, orientation), normalized=True)
        h.run()
        return Computed(list(h.scores()), {"harmonic_method": "exact"})
    sources = random.Random(params.seed).sample(range(n), k)
    total = inverse_distance_sums(Adjacency.of(p, orientation), np.asarray(sources, dtype=np.int64))
    counts = np.full(n, float(k))
    counts[sources] -= 1.0  # a source does not sample itself
    scores: FloatArray = total / counts
    return Computed(
        scores.tolist(),
        {
            "harmonic_method": "sampled BFS sources (Hoeffding bound)",
            "harmonic_samples": k,
            "harmonic_error_bound": params.epsilon,
            "harmonic_bound_note": f"with probability >= {1 - params.delta:g} every score is within "
            f"{params.epsilon:g}",
        },
    )


def _harmonic_gds(params: HarmonicParams, orientation: Orientation, nodes: int) -> GdsCall:
    # Exact meets every sampling bound asked for.
    facts: dict[str, Any] = {"harmonic_method": "exact (gds.closeness.harmonic has no sampling)"}
    # gds.closeness.harmonic has no .estimate mode
    return GdsCall("harmonic", facts=facts, estimate=False)


HARMONIC = Algorithm("harmonic", HarmonicParams, _harmonic_local, _harmonic_gds)
