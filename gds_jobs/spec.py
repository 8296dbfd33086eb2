"""The typed job interface: what a job is, independent of the backend that runs it.

A job = a projection (which nodes and relationships, from a fixed whitelist of `.cypher` files), an
orientation, an algorithm, its parameters and the one node property it writes. Backends (local networkit,
Neo4j GDS) take a `JobSpec` and produce the same property with the same meaning.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any


class Orientation(StrEnum):
    """As in GDS: NATURAL = stored direction, REVERSE = flipped, UNDIRECTED = both."""

    NATURAL = "NATURAL"
    REVERSE = "REVERSE"
    UNDIRECTED = "UNDIRECTED"


class Algorithm(StrEnum):
    DEGREE = "degree"
    PAGERANK = "pagerank"
    BETWEENNESS = "betweenness"
    HARMONIC = "harmonic"
    LOUVAIN = "louvain"
    LEIDEN = "leiden"
    WCC = "wcc"
    CLUSTERING = "clustering"
    STATS = "stats"


@dataclass(frozen=True)
class Projection:
    """A named projection. Its queries are `cypher/jobs/stream_<name>.cypher` (local backend: one row per
    node and per relationship, `source`, `target`) and `cypher/jobs/gds/project_<name>.cypher` (the same
    MATCH fed to the `gds.graph.project` Cypher aggregation). Names come only from `PROJECTIONS`.
    `tests/test_jobs_gds_unit.py` checks on the real engine that both give the same graph."""

    name: str
    relationship_types: tuple[str, ...]
    description: str
    # True when the query already yields each unordered pair once (for undirected algorithms).
    undirected: bool = False
    # True when only relationships with at least one :Sample end are kept (the report's Tables 5-9).
    sample_incident: bool = False
    # The local backend may stream another projection and derive this one (e.g. the undirected network
    # from the directed one: each linked pair once), so that a batch streams the network only once.
    local_source: str | None = None

    @property
    def stream_query(self) -> str:
        return f"jobs/stream_{self.local_source or self.name}"

    @property
    def gds_project_query(self) -> str:
        return f"jobs/gds/project_{self.name}"


@dataclass(frozen=True)
class JobSpec:
    name: str
    title_en: str
    title_zh: str
    algorithm: Algorithm
    projection: Projection
    orientation: Orientation
    # Node property the job writes; None for jobs that write a summary node (stats).
    write_property: str | None
    params: Mapping[str, Any] = field(default_factory=dict)
    description: str = ""
    # Report figures the job reproduces, e.g. "R21 Table 5".
    reproduces: str = ""
    # Ranking of the top-k snapshot: "desc" (highest first) or "none" (labels such as community ids).
    ranked: bool = True
    # Jobs that only the local backend implements (summary statistics); GDS runs them locally too.
    local_only: bool = False

    def resolved_params(self, overrides: Mapping[str, Any] | None = None) -> dict[str, Any]:
        """Declared parameters with overrides applied; unknown override keys are an error."""
        params = dict(self.params)
        for key, value in (overrides or {}).items():
            if key not in params:
                known = ", ".join(sorted(params)) or "none"
                raise ValueError(f"job {self.name!r} has no parameter {key!r} (known: {known})")
            params[key] = value
        return params
