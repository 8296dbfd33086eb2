"""Table 3 of the 2021 report: the value network's statistics, computed here and nowhere else (the
`network_stats` job on the graph; the reference dataset's check on its in-memory edges)."""

from __future__ import annotations

import random
import time
from typing import Annotated, Any

import numpy as np
from pydantic import Field

from gds_jobs.algorithms.base import Algorithm, Computed, Orientation, Params, ScoreKind
from gds_jobs.algorithms.communities import clustering_coefficients, components, louvain_partition, modularity
from gds_jobs.algorithms.graphs import Projected, undirected_simple
from gds_jobs.algorithms.paths import Adjacency, distances


class NetworkStatsParams(Params):
    path_samples: Annotated[int, Field(ge=1)] = 500
    exact_paths: bool = False
    seed: int = 42


def path_lengths(
    adjacency: Adjacency, *, samples: int | None, seed: int, with_diameter: bool = False
) -> tuple[float, int, int, int]:
    """Mean shortest-path length over reachable ordered pairs, from `samples` random sources among the
    nodes with out-edges (all of them when None or when there are fewer). With `with_diameter`, also the
    largest finite distance seen (exact when every such node is a source).
    Returns (mean, sources used, pairs counted, largest distance)."""
    candidates = np.flatnonzero(adjacency.out_degrees() > 0).tolist()
    nodes = candidates
    if samples is not None and samples < len(candidates):
        nodes = random.Random(seed).sample(candidates, samples)
    seen = distances(adjacency, np.asarray(nodes, dtype=np.int64))
    total = int(seen.distance_sums.sum())
    pairs = int(seen.reached.sum())
    longest = int(seen.longest.max()) if with_diameter and len(nodes) else 0
    return (total / pairs if pairs else 0.0), len(nodes), pairs, longest


def _paths_method(used: int, candidates: int, seed: int) -> str:
    if used >= candidates:
        return "exact (BFS from every node with out-edges, reachable pairs)"
    return f"sampled: BFS from {used} random sources (seed {seed}), reachable pairs"


def table3(p: Projected, params: NetworkStatsParams) -> dict[str, Any]:
    """R21 Table 3 statistics with Gephi's conventions for a directed network, as the report's average
    degree (= edges / nodes) shows it used: edges = the relationships the projection counts
    (`p.counted_relationships`), density = edges / (n(n-1)); diameter and average path length over
    directed shortest paths (reachable pairs). Modularity and clustering on the undirected simple graph;
    undirected diameter and path length are recorded too (`*_undirected`)."""
    import networkit as nk

    if p.counted_relationships is None:
        raise ValueError("Table 3 needs the relationships the projection counts (counted_relationships)")
    relationships = p.counted_relationships
    seed = params.seed
    n = p.node_count
    und = undirected_simple(p)
    stats: dict[str, Any] = {"nodes": n, "edges": relationships}
    stats["edges_distinct_pairs"] = p.relationship_count
    stats["edges_undirected"] = und.numberOfEdges()
    stats["avg_degree"] = relationships / n if n else 0.0
    stats["avg_degree_undirected"] = 2 * und.numberOfEdges() / n if n else 0.0
    stats["density"] = relationships / (n * (n - 1)) if n > 1 else 0.0
    if n == 0:
        return stats
    started = time.perf_counter()
    dig = Adjacency.of(p, Orientation.NATURAL)
    with_out = int(np.count_nonzero(dig.out_degrees() > 0))
    samples = None if params.exact_paths else params.path_samples
    # Directed paths (networkit has no exact directed diameter algorithm): BFS from every node with
    # out-edges when exact_paths, else from `path_samples` of them; the diameter is then the largest
    # distance seen from those sources, a lower bound, and says so.
    mean, used, pairs, longest = path_lengths(dig, samples=samples, seed=seed, with_diameter=True)
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
    mean_u, used_u, _, _ = path_lengths(Adjacency.of(p, Orientation.UNDIRECTED), samples=samples, seed=seed)
    stats["avg_path_length_undirected"] = mean_u
    stats["avg_path_length_undirected_method"] = "undirected, " + _paths_method(used_u, n, seed)
    partition = louvain_partition(und, max_iterations=10)
    stats["modularity"] = modularity(partition, und)
    stats["communities"] = int(partition.numberOfSubsets())
    stats["modularity_method"] = "Louvain (networkit PLM with refinement, sequential), undirected"
    stats["avg_clustering"] = clustering_coefficients(und).facts["average_clustering"]
    stats["avg_clustering_method"] = "mean local clustering coefficient, undirected, all nodes"
    stats.update(components(und).facts)
    stats["compute_s"] = round(time.perf_counter() - started, 3)
    return stats


def _network_stats_local(p: Projected, orientation: Orientation, params: NetworkStatsParams) -> Computed:
    return Computed(None, stats=table3(p, params))


NETWORK_STATS = Algorithm(
    "stats",
    NetworkStatsParams,
    _network_stats_local,
    gds=None,  # summary statistics: computed locally on either backend
    kind=ScoreKind.SUMMARY,
    counts_relationships=True,
)
