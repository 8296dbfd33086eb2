"""Communities and cohesion: Louvain, Leiden, weakly connected components, local clustering. Each one: its
parameters, its networkit implementation and its GDS call. Community and component ids are labels only
(local: 0 = the largest group)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Annotated

import numpy as np
from pydantic import Field

from gds_jobs.algorithms.base import (
    Algorithm,
    Computed,
    GdsCall,
    NoParams,
    NotHonouredBy,
    Orientation,
    Params,
    ScoreKind,
)
from gds_jobs.algorithms.graphs import IntArray, Projected, oriented

if TYPE_CHECKING:
    import networkit as nk

COMMUNITY_YIELDS = {"community_count": "communities", "modularity": "modularity"}


def relabel_by_size(labels: Sequence[int]) -> IntArray:
    """Community/component labels -> 0..k-1 with 0 the largest (ties by first appearance)."""
    arr = np.asarray(labels, dtype=np.int64)
    if arr.size == 0:
        return arr
    _, first, inverse, counts = np.unique(arr, return_index=True, return_inverse=True, return_counts=True)
    order = np.lexsort((first, -counts))  # largest first, ties by first appearance
    rank = np.empty(order.size, dtype=np.int64)
    rank[order] = np.arange(order.size, dtype=np.int64)
    result: IntArray = rank[inverse.reshape(-1)]
    return result


def modularity(partition: nk.Partition, g: nk.Graph) -> float:
    import networkit as nk

    if g.numberOfEdges() == 0:
        return 0.0
    return float(nk.community.Modularity().getQuality(partition, g))


def _communities(partition: nk.Partition, g: nk.Graph) -> Computed:
    return Computed(
        relabel_by_size(partition.getVector()).tolist(),
        {"modularity": modularity(partition, g), "communities": int(partition.numberOfSubsets())},
    )


# -- Louvain --------------------------------------------------------------------------------------------
class LouvainParams(Params):
    max_levels: Annotated[
        int,
        Field(ge=1),
        NotHonouredBy("local", "networkit's PLM coarsens until modularity stops improving"),
    ] = 10
    max_iterations: Annotated[int, Field(ge=1)] = 10
    tolerance: Annotated[
        float,
        Field(gt=0),
        NotHonouredBy("local", "networkit's PLM moves nodes while any move improves modularity"),
    ] = 0.0001
    # Nodes move again once the communities are found (classic Louvain stops at the first): locally
    # networkit PLM's refinement after each level; on GDS a second gds.louvain pass seeded with the
    # first's communities (gds.louvain has no refinement of its own).
    refine: bool = True
    # No seed: networkit's sequential PLM is deterministic, and gds.louvain takes none (its result can
    # vary with concurrency, which the run records).


def louvain_partition(g: nk.Graph, *, max_iterations: int, refine: bool = True) -> nk.Partition:
    """networkit PLM, sequential (deterministic), with refinement unless asked; `max_iterations` caps
    each move phase, as GDS's maxIterations caps each level's."""
    import networkit as nk

    plm = nk.community.PLM(g, refine=refine, par="none", maxIter=max_iterations)
    plm.run()
    return plm.getPartition()


def _louvain_local(p: Projected, orientation: Orientation, params: LouvainParams) -> Computed:
    g = oriented(p, orientation)
    partition = louvain_partition(g, max_iterations=params.max_iterations, refine=params.refine)
    return _communities(partition, g)


def _louvain_gds(params: LouvainParams, orientation: Orientation, nodes: int) -> GdsCall:
    config = {
        "max_levels": params.max_levels,
        "max_iterations": params.max_iterations,
        "tolerance": params.tolerance,
    }
    return GdsCall("louvain", config, yields=COMMUNITY_YIELDS, passes=2 if params.refine else 1)


LOUVAIN = Algorithm("louvain", LouvainParams, _louvain_local, _louvain_gds, kind=ScoreKind.LABEL)


# -- Leiden ---------------------------------------------------------------------------------------------
class LeidenParams(Params):
    gamma: Annotated[float, Field(gt=0)] = 1.0
    max_levels: Annotated[
        int, Field(ge=1), NotHonouredBy("local", "networkit's ParallelLeiden has no level cap")
    ] = 10
    # Runs of Leiden, each from the previous one's partition. One by default, as gds.leiden runs: two
    # backends then give partitions of comparable modularity (more runs find more: gds_jobs/README.md).
    iterations: Annotated[
        int,
        Field(ge=1),
        NotHonouredBy(
            "gds",
            "gds.leiden runs once (a seeded run, which repeating needs, writes wrong community ids in "
            "GDS 2.13)",
        ),
    ] = 1
    seed: int = 42


def _leiden_local(p: Projected, orientation: Orientation, params: LeidenParams) -> Computed:
    import networkit as nk

    g = oriented(p, orientation)
    # One thread, so that the seed reproduces the partition (on two, each run of the reference graph gave
    # another one): a rerun on an unchanged graph then has its job's newest scores and publishes nothing
    # (on two threads it rewrote community_leiden on every organisation each time). One thread measured
    # no slower there: 0.07-0.11 CPU s against 0.20-0.53 on two (load ~10).
    threads = nk.getMaxNumberOfThreads()
    nk.setNumberOfThreads(1)
    try:
        nk.setSeed(params.seed, False)
        ld = nk.community.ParallelLeiden(g, randomize=True, iterations=params.iterations, gamma=params.gamma)
        ld.run()
    finally:
        nk.setNumberOfThreads(threads)
    return _communities(ld.getPartition(), g)


def _leiden_gds(params: LeidenParams, orientation: Orientation, nodes: int) -> GdsCall:
    config = {"max_levels": params.max_levels, "gamma": params.gamma, "random_seed": params.seed}
    # a random seed reproduces a result only at concurrency 1
    return GdsCall("leiden", config, yields=COMMUNITY_YIELDS, concurrency=1)


LEIDEN = Algorithm("leiden", LeidenParams, _leiden_local, _leiden_gds, kind=ScoreKind.LABEL)


# -- weakly connected components ------------------------------------------------------------------------
def components(g: nk.Graph) -> Computed:
    import networkit as nk

    cc = nk.components.ConnectedComponents(g)
    cc.run()
    labels = relabel_by_size(cc.getPartition().getVector())
    sizes = np.bincount(labels) if labels.size else np.zeros(0, dtype=np.int64)
    return Computed(
        labels.tolist(),
        {
            "components": int(cc.numberOfComponents()),
            "largest_component": int(sizes.max()) if sizes.size else 0,
        },
    )


def _wcc_local(p: Projected, orientation: Orientation, params: NoParams) -> Computed:
    return components(oriented(p, orientation))


def _wcc_gds(params: NoParams, orientation: Orientation, nodes: int) -> GdsCall:
    return GdsCall("wcc", yields={"component_count": "components"})


WCC = Algorithm("wcc", NoParams, _wcc_local, _wcc_gds, kind=ScoreKind.LABEL)


# -- local clustering coefficient -----------------------------------------------------------------------
def clustering_coefficients(g: nk.Graph) -> Computed:
    """Local clustering coefficient (0 for degree < 2) and its mean over all nodes."""
    import networkit as nk

    if g.numberOfNodes() == 0:
        return Computed([], {"average_clustering": 0.0})
    lcc = nk.centrality.LocalClusteringCoefficient(g, turbo=True)
    lcc.run()
    scores = np.asarray(lcc.scores(), dtype=np.float64)
    return Computed(scores.tolist(), {"average_clustering": float(scores.mean())})


def _clustering_local(p: Projected, orientation: Orientation, params: NoParams) -> Computed:
    return clustering_coefficients(oriented(p, orientation))


def _clustering_gds(params: NoParams, orientation: Orientation, nodes: int) -> GdsCall:
    yields = {"average_clustering_coefficient": "average_clustering"}
    return GdsCall("local_clustering_coefficient", yields=yields)


CLUSTERING = Algorithm("clustering", NoParams, _clustering_local, _clustering_gds)
