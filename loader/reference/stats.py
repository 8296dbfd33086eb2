"""Emergent statistics of the generated value network (Table 3), measured with networkit, never fitted.

The report's figures (Gephi on the 2021 network): average clustering 0.028, average path length 4.53,
diameter 14, modularity 0.657. Measured here on the undirected simple graph of the value-network
relationships that touch a sample firm (reciprocal pairs merged).
"""

from __future__ import annotations

from typing import Any

import networkit as nk
import numpy as np

from loader.reference.generate import Dataset

PUBLISHED = {"avg_clustering": 0.028, "avg_path_length": 4.53, "diameter": 14, "modularity": 0.657}


def network_stats(ds: Dataset, *, seed: int = 42, path_sources: int = 400) -> dict[str, Any]:
    orgs, rels = ds.orgs, ds.rels
    idx = {k: i for i, k in enumerate(orgs["id"])}
    sample = orgs["sample"].to_numpy(dtype=bool)
    value = rels[rels["type"].isin(["EMPOWERS", "SUPPLIES_TALENT", "INVESTS_IN", "ACQUIRES"])]
    s = value["source"].map(idx).to_numpy()
    t = value["target"].map(idx).to_numpy()
    keep = sample[s] | sample[t]
    s, t = s[keep], t[keep]
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
        "relationships (directed)": int(keep.sum()),
        "edges (undirected, simple)": g.numberOfEdges(),
        "average degree (relationships / nodes)": round(int(keep.sum()) / g.numberOfNodes(), 3),
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
    out["diameter"] = diam.getDiameter()[0]
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
    out[f"avg_path_length (sampled, {len(sources)} sources)"] = round(total / count, 3)
    return out
