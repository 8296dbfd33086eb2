"""Emergent statistics of the generated value network (Table 3), measured, never fitted: the `network_stats`
job's own computation (gds_jobs/algorithms/network_stats.py) on the dataset's in-memory edges, with the
job's parameters and conventions (Gephi directed: average degree = edges / nodes, directed paths).
The report's figures (Gephi on the 2021 network): average clustering 0.028, average path length 4.53,
diameter 14, modularity 0.657.
"""

from __future__ import annotations

from typing import Any

import numpy as np

from gds_jobs import catalogue
from gds_jobs.algorithms.graphs import Linked, project
from gds_jobs.algorithms.network_stats import NetworkStatsParams, table3
from loader.reference.generate import Dataset
from valuenet.model import MODEL


def network_stats(ds: Dataset, **overrides: Any) -> dict[str, Any]:
    """Table 3 of the dataset's value network, as the `network_stats` job computes it on the loaded graph
    (`overrides`: its parameters, e.g. exact_paths=True)."""
    job = catalogue.get("network_stats")
    params = job.resolved_params(overrides)
    assert isinstance(params, NetworkStatsParams)
    where = MODEL.projection(job.projection).where
    index = {k: i for i, k in enumerate(ds.orgs["id"])}
    linked = Linked(
        ids=[str(k) for k in ds.orgs["id"]],
        focal=ds.orgs["sample"].to_numpy(dtype=bool),  # the dataset's column for the focal role, Sample
        sources=ds.rels["source"].map(index).to_numpy(dtype=np.int64),
        targets=ds.rels["target"].map(index).to_numpy(dtype=np.int64),
        types=ds.rels["type"].to_numpy(dtype=np.str_),
        properties={prop: ds.rels[prop].to_numpy(dtype=object) for prop in where},
    )
    p = project(linked, job.projection)  # as the local backend derives it from the loaded graph
    return table3(p, params)
