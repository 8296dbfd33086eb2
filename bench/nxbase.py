"""The same algorithms with networkx: what a Python analyst would otherwise run on the same projection.

Every measurement runs in a forked child with a time cap, so a networkx call that would take too long is
stopped and reported as a lower bound (`> cap`). All-pairs algorithms (betweenness, harmonic closeness,
diameter, path lengths) are timed on a growing number of sources and extrapolated linearly in the number
of sources (each source costs one BFS plus accumulation), and say so.
"""

from __future__ import annotations

import functools
import multiprocessing as mp
import random
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import networkx as nx
import numpy as np

from gds_jobs.algorithms import Orientation
from gds_jobs.algorithms.graphs import Projected

SEED = 42


@dataclass
class NxTime:
    seconds: float | None  # measured (or extrapolated) time for the same work as the job
    method: str  # "full", "extrapolated from k sources", "stopped at cap", "n/a"
    lower_bound: bool = False  # True when `seconds` is the cap it was stopped at
    measured_s: float | None = None  # wall time actually spent in networkx

    def as_dict(self) -> dict[str, Any]:
        return {
            "seconds": None if self.seconds is None else round(self.seconds, 3),
            "method": self.method,
            "lower_bound": self.lower_bound,
            "measured_s": None if self.measured_s is None else round(self.measured_s, 3),
        }


def build(p: Projected, orientation: Orientation) -> nx.Graph | nx.DiGraph:
    """The projection as a networkx graph (directed as the job reads it, or undirected simple)."""
    ids = range(p.node_count)
    if orientation is Orientation.UNDIRECTED:
        g: nx.Graph | nx.DiGraph = nx.Graph()
        g.add_nodes_from(ids)
        g.add_edges_from(
            (s, t) for s, t in zip(p.sources.tolist(), p.targets.tolist(), strict=True) if s != t
        )
        return g
    d = nx.DiGraph()
    d.add_nodes_from(ids)
    pairs = zip(p.sources.tolist(), p.targets.tolist(), strict=True)
    if orientation is Orientation.REVERSE:
        d.add_edges_from((t, s) for s, t in pairs if s != t)
    else:
        d.add_edges_from((s, t) for s, t in pairs if s != t)
    return d


def _child(fn: Callable[[], Any], conn: Any) -> None:
    started = time.perf_counter()
    try:
        fn()
        conn.send(("ok", time.perf_counter() - started))
    except BaseException as e:  # reported to the parent
        conn.send(("error", f"{type(e).__name__}: {e}"))
    finally:
        conn.close()


def timed(fn: Callable[[], Any], cap_s: float) -> tuple[float | None, str]:
    """Run `fn` in a forked child (it sees this process's graphs); (seconds, "ok") or (None, why)."""
    ctx = mp.get_context("fork")
    parent, child = ctx.Pipe(duplex=False)
    proc = ctx.Process(target=_child, args=(fn, child), daemon=True)
    proc.start()
    child.close()
    if parent.poll(cap_s):
        status, value = parent.recv()
        proc.join(10)
        if status == "ok":
            return float(value), "ok"
        return None, str(value)
    proc.kill()
    proc.join(10)
    return None, "cap"


def full(fn: Callable[[], Any], cap_s: float) -> NxTime:
    secs, status = timed(fn, cap_s)
    if status == "cap":
        return NxTime(cap_s, f"stopped at the {cap_s:g} s cap", True, cap_s)
    if secs is None:
        return NxTime(None, f"failed: {status}")
    return NxTime(secs, "full", False, secs)


def per_source(
    run: Callable[[list[int]], Any], nodes: int, total_sources: int, budget_s: float, cap_s: float
) -> NxTime:
    """Time `run(sources)` on 2, 4, 8 ... random sources until one run takes budget_s / 4, then extrapolate
    linearly to `total_sources` sources."""
    rnd = random.Random(SEED)
    order = rnd.sample(range(nodes), min(nodes, max(total_sources, 1))) if nodes else []
    k, spent, last = 2, 0.0, (0, 0.0)
    while k <= len(order):
        secs, _ = timed(functools.partial(run, order[:k]), cap_s)
        if secs is None:
            break
        spent += secs
        last = (k, secs)
        if secs >= budget_s / 4 or k >= len(order) or spent >= budget_s:
            break
        k *= 2
    k, secs = last
    if not k:
        return NxTime(None, "not measured (first sample hit the cap)")
    if k >= total_sources:
        return NxTime(secs, "full", False, spent)
    return NxTime(secs / k * total_sources, f"extrapolated from {k} of {total_sources} sources", False, spent)


def _betweenness(g: nx.Graph, sources: list[int]) -> None:
    nx.betweenness_centrality_subset(g, sources=sources, targets=list(g.nodes), normalized=False)


def _harmonic(g: nx.Graph, sources: list[int]) -> None:
    nx.harmonic_centrality(g, sources=sources)


def _bfs(g: nx.Graph, sources: list[int]) -> None:
    for s in sources:
        nx.single_source_shortest_path_length(g, s)


def measure(
    algorithm: str,
    g: nx.Graph | nx.DiGraph,
    *,
    samples: int | None = None,
    path_samples: int,
    cap_s: float,
    budget_s: float,
    cache: dict[str, NxTime],
) -> NxTime:
    """networkx time for the work of one job (`algorithm` = gds_jobs Algorithm value)."""
    n = g.number_of_nodes()
    if algorithm == "degree":
        return full(lambda: dict(g.degree()), cap_s)
    if algorithm == "pagerank":
        return full(lambda: nx.pagerank(g, alpha=0.85, max_iter=100, tol=1e-7), cap_s)
    if algorithm == "wcc":
        cache["wcc"] = full(lambda: list(nx.connected_components(g)), cap_s)
        return cache["wcc"]
    if algorithm == "clustering":
        cache["clustering"] = full(lambda: nx.clustering(g), cap_s)
        return cache["clustering"]
    if algorithm in ("louvain", "leiden"):
        if "louvain" not in cache:
            cache["louvain"] = full(lambda: nx.community.louvain_communities(g, seed=SEED), cap_s)
        t = cache["louvain"]
        if algorithm == "leiden":  # networkx only dispatches Leiden to other backends
            return NxTime(t.seconds, "networkx has no Leiden: its Louvain instead", t.lower_bound, 0.0)
        return t
    if algorithm == "betweenness":
        # What an analyst runs: exact Brandes (nx.betweenness_centrality), one source per node. The job's
        # sampled estimate has no networkx counterpart with the same error guarantee.
        t = per_source(lambda s: _betweenness(g, s), n, n, budget_s, cap_s)
        t.method += " (exact Brandes; the job samples)"
        return t
    if algorithm == "harmonic":
        return per_source(lambda s: _harmonic(g, s), n, n, budget_s, cap_s)
    if algorithm == "stats":
        # R21 Table 3 as networkx would compute it: diameter (eccentricity = one BFS per node), sampled
        # path lengths, Louvain modularity, average clustering, components; composed from measured parts.
        if "bfs" not in cache:
            cache["bfs"] = per_source(lambda s: _bfs(g, s), n, n, budget_s, cap_s)
        bfs = cache["bfs"]
        parts = [
            bfs,
            NxTime((bfs.seconds or 0.0) * min(path_samples, n) / max(n, 1), ""),
            measure("louvain", g, samples=None, path_samples=0, cap_s=cap_s, budget_s=budget_s, cache=cache),
            cache.get("clustering") or full(lambda: nx.average_clustering(g), cap_s),
            cache.get("wcc") or full(lambda: list(nx.connected_components(g)), cap_s),
        ]
        if any(p.seconds is None for p in parts):
            return NxTime(None, "a part failed")
        total = float(np.sum([p.seconds for p in parts]))
        return NxTime(
            total,
            f"sum of parts: diameter ({bfs.method}), {path_samples} BFS, Louvain, clustering, components",
            any(p.lower_bound for p in parts),
            0.0,
        )
    return NxTime(None, "n/a")
