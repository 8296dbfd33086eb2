"""The algorithm catalogue: one declaration per algorithm, with its typed parameters, its networkit
implementation and its GDS call side by side (gds_jobs/README.md). The jobs that run them, with their
projections and the properties they write, are declared in gds_jobs/catalogue.py."""

from __future__ import annotations

from gds_jobs.algorithms.base import Algorithm, Orientation, Params
from gds_jobs.algorithms.centrality import BETWEENNESS, DEGREE, HARMONIC, PAGERANK
from gds_jobs.algorithms.communities import CLUSTERING, LEIDEN, LOUVAIN, WCC
from gds_jobs.algorithms.network_stats import NETWORK_STATS

__all__ = [
    "BETWEENNESS",
    "CLUSTERING",
    "DEGREE",
    "HARMONIC",
    "LEIDEN",
    "LOUVAIN",
    "NETWORK_STATS",
    "PAGERANK",
    "WCC",
    "Algorithm",
    "Orientation",
    "Params",
]
