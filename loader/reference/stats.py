"""Emergent statistics of the generated value network (Table 3), measured with networkit, never fitted.

The report's figures (Gephi on the 2021 network): average clustering 0.028, average path length 4.53,
diameter 14, modularity 0.657. Its average degree 2.28 ~ E/N shows Gephi treated the network as directed,
so path length and diameter are measured on directed shortest paths (`directed_paths`); clustering and
modularity on the undirected simple graph of the value-network relationships that touch a sample firm
(reciprocal pairs merged). Undirected path length and diameter are reported too.
"""

from __future__ import annotations

from typing import Any

import networkit as nk
import numpy as np

from loader.reference.generate import Dataset

PUBLISHED = {"avg_clustering": 0.028, "avg_path_length": 4.53, "diameter": 14, "modularity": 0.657}


def _value_edges(ds: Dataset) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """The sample mask over organisations and the (source, target) row positions of the value-network
    relationships that touch a sample firm."""
    idx = {k: i for i, k in enumerate(ds.orgs["id"])}
    sample = ds.orgs["sample"].to_numpy(dtype=bool)
    value = ds.rels[ds.rels["type"].isin(["EMPOWERS", "SUPPLIES_TALENT", "INVESTS_IN", "ACQUIRES"])]
    s = value["source"].map(idx).to_numpy()
    t = value["target"].map(idx).to_numpy()
    keep = sample[s] | sample[t]
    return sample, s[keep], t[keep]


def network_stats(
    ds: Dataset, *, seed: int = 42, path_sources: int = 400, directed: bool = True
) -> dict[str, Any]:
    orgs = ds.orgs
    sample, s, t = _value_edges(ds)
    nodes = np.unique(np.concatenate([s, t, np.flatnonzero(sample)]))
    pos = np.full(len(orgs), -1, dtype=np.int64)
    pos[nodes] = np.arange(len(nodes))
    a, b = pos[s], pos[t]
    lo, hi = np.minimum(a, b), np.maximum(a, b)
    pairs = np.unique(lo * len(nodes) + hi)
    g = nk.Graph(len(nodes), weighted=False, directed=False)
    for x in pairs:
        g.addEdge(int(x // len(nodes)), int(x % len(nodes)))
    nk.setSeed(seed, False)
    nk.setNumberOfThreads(1)
    out: dict[str, Any] = {
        "nodes": g.numberOfNodes(),
        "relationships (directed)": len(s),
        "edges (undirected, simple)": g.numberOfEdges(),
        "average degree (relationships / nodes)": round(len(s) / g.numberOfNodes(), 3),
        "density": round(2 * g.numberOfEdges() / (g.numberOfNodes() * (g.numberOfNodes() - 1)), 6),
    }
    lcc = nk.components.ConnectedComponents.extractLargestConnectedComponent(g, compactGraph=True)
    out["largest component nodes"] = lcc.numberOfNodes()
    cc = nk.centrality.LocalClusteringCoefficient(g, turbo=True)
    cc.run()
    scores = np.array(cc.scores())
    deg = np.array([g.degree(v) for v in range(g.numberOfNodes())])
    out["avg_clustering (all nodes)"] = round(float(scores.mean()), 4)
    out["avg_clustering (degree >= 2)"] = round(float(scores[deg >= 2].mean()), 4)
    plm = nk.community.PLM(g, refine=True, gamma=1.0)
    plm.run()
    part = plm.getPartition()
    out["modularity (Louvain/PLM)"] = round(nk.community.Modularity().getQuality(part, g), 4)
    out["communities"] = part.numberOfSubsets()
    diam = nk.distance.Diameter(lcc, algo=nk.distance.DiameterAlgo.EXACT)
    diam.run()
    out["diameter (undirected)"] = diam.getDiameter()[0]
    rng = np.random.default_rng(seed)
    sources = rng.choice(lcc.numberOfNodes(), size=min(path_sources, lcc.numberOfNodes()), replace=False)
    total, count = 0.0, 0
    for src in sources:
        bfs = nk.distance.BFS(lcc, int(src), storePaths=False)
        bfs.run()
        d = np.array(bfs.getDistances())
        d = d[(d > 0) & (d < 1e300)]
        total += float(d.sum())
        count += len(d)
    out[f"avg_path_length (undirected, sampled, {len(sources)} sources)"] = round(total / count, 3)
    if directed:
        out.update(directed_paths(ds, seed=seed, sources=path_sources))
    return out


def directed_paths(ds: Dataset, *, seed: int = 42, sources: int = 400) -> dict[str, Any]:
    """Directed shortest paths (Gephi's default on a directed graph, which the report's average degree
    E/N = 2.24 implies): sampled average path length over reachable pairs, and the largest eccentricity
    seen from every node with out-edges (exact directed diameter)."""
    orgs = ds.orgs
    _, s, t = _value_edges(ds)
    nodes = np.unique(np.concatenate([s, t]))
    pos = np.full(len(orgs), -1, dtype=np.int64)
    pos[nodes] = np.arange(len(nodes))
    g = nk.Graph(len(nodes), weighted=False, directed=True)
    for a, b in zip(pos[s].tolist(), pos[t].tolist(), strict=True):
        if not g.hasEdge(a, b):
            g.addEdge(a, b)
    with_out = [v for v in range(g.numberOfNodes()) if g.degreeOut(v) > 0]
    rng = np.random.default_rng(seed)
    picked = rng.choice(with_out, size=min(sources, len(with_out)), replace=False)
    total, count = 0.0, 0
    for src in picked:
        bfs = nk.distance.BFS(g, int(src), storePaths=False)
        bfs.run()
        d = np.array(bfs.getDistances())
        d = d[(d > 0) & (d < 1e300)]
        total += float(d.sum())
        count += len(d)
    diameter = 0
    for src in with_out:
        bfs = nk.distance.BFS(g, int(src), storePaths=False)
        bfs.run()
        d = np.array(bfs.getDistances())
        d = d[d < 1e300]
        diameter = max(diameter, int(d.max()))
    return {
        f"directed avg_path_length (sampled, {len(picked)} sources)": round(total / count, 3),
        "directed diameter (exact)": diameter,
    }
