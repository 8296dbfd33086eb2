"""What an algorithm of the catalogue declares, and what its two implementations give back.

An `Algorithm` is one declaration: its typed parameters (a pydantic `Params` model), its networkit
implementation (`local`: a projection in memory -> scores per node and facts) and its GDS call (`gds`: the
procedure and the configuration built from the same parameters). The backends only execute: the local
backend streams the projection and calls `local`; the GDS backend projects, then runs the `GdsCall`.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from typing import TYPE_CHECKING, Any, Generic, Literal, TypeVar

from pydantic import BaseModel, ConfigDict, ValidationError

if TYPE_CHECKING:
    from gds_jobs.algorithms.graphs import Projected

_IDENTIFIER = re.compile(r"^[A-Za-z][A-Za-z0-9_]*$")


class Orientation(StrEnum):
    """As in GDS: NATURAL = stored direction, REVERSE = flipped, UNDIRECTED = both."""

    NATURAL = "NATURAL"
    REVERSE = "REVERSE"
    UNDIRECTED = "UNDIRECTED"


BackendName = Literal["local", "gds"]


@dataclass(frozen=True)
class NotHonouredBy:
    """Field metadata: this backend cannot apply the parameter (the library has no such setting). An
    explicit override is refused there, and the runs it makes record that the parameter was not applied."""

    backend: BackendName
    reason: str


class Params(BaseModel):
    """Typed, validated parameters of an algorithm; unknown names are refused."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    @classmethod
    def names(cls) -> tuple[str, ...]:
        return tuple(cls.model_fields)

    @classmethod
    def not_honoured_by(cls, backend: str) -> dict[str, str]:
        """Parameters `backend` cannot apply, with the reason."""
        return {
            name: m.reason
            for name, f in cls.model_fields.items()
            for m in f.metadata
            if isinstance(m, NotHonouredBy) and m.backend == backend
        }

    def with_overrides(self, overrides: Mapping[str, Any], owner: str) -> Params:
        """These parameters with `overrides` applied and validated; ValueError naming `owner` (the job)
        and each bad parameter otherwise."""
        unknown = [k for k in overrides if k not in type(self).model_fields]
        if unknown:
            known = ", ".join(self.names()) or "none"
            raise ValueError(f"job {owner!r} has no parameter {unknown[0]!r} (known: {known})")
        try:
            return type(self).model_validate({**self.model_dump(), **overrides})
        except ValidationError as e:
            problems = "; ".join(
                f"parameter {'.'.join(str(p) for p in err['loc'])!r}: {err['msg']} (got {err['input']!r})"
                for err in e.errors()
            )
            raise ValueError(f"job {owner!r}: {problems}") from None


class NoParams(Params):
    pass


class ScoreKind(StrEnum):
    """What an algorithm writes per node."""

    COUNT = "count"  # integers, ranked (degree)
    SCORE = "score"  # floats, ranked (centralities)
    LABEL = "label"  # integers that only label a group (communities, components): not ranked
    SUMMARY = "summary"  # no node property: one summary node for the run (network statistics)


@dataclass
class Computed:
    """What a local implementation returns: scores in the projection's node order (None for a summary),
    facts to record on the run (scalars) and, for a summary, its statistics."""

    scores: Sequence[float] | None
    facts: dict[str, Any] = field(default_factory=dict)
    stats: dict[str, Any] | None = None


@dataclass(frozen=True)
class GdsCall:
    """One algorithm call in write mode through the official `graphdatascience` client:
    `gds.<endpoint>.write(G, write_property=..., concurrency=..., **config)`, checked first with
    `gds.<endpoint>.estimate(G, concurrency=..., **config)` when `estimate`. The backend adds
    `write_property` and `concurrency` (unless `concurrency` is fixed here). With `passes` > 1 the
    algorithm runs that many times, each pass after the first seeded (`seed_property`) with the previous
    pass's result, mutated into the projection; the last pass writes. With `scale_written` the written
    scores are then multiplied by it (`cypher/jobs/gds/scale_scores.cypher`)."""

    endpoint: str  # the client's algorithm endpoint, e.g. "page_rank" (it calls gds.pageRank.write)
    config: Mapping[str, Any] = field(default_factory=dict)  # the client's keyword arguments (snake_case)
    yields: Mapping[str, str] = field(default_factory=dict)  # result field -> fact recorded on the run
    facts: Mapping[str, Any] = field(default_factory=dict)  # what the configuration means (sampling, seeds)
    estimate: bool = True
    concurrency: int | None = None
    passes: int = 1
    # The written scores multiplied by this afterwards, to the local backend's scale (sampled betweenness).
    scale_written: float | None = None

    def __post_init__(self) -> None:
        # Looked up on the client by name: identifiers from the catalogue only.
        names = [self.endpoint, *self.config, *(n for kv in self.yields.items() for n in kv)]
        bad = [n for n in names if not _IDENTIFIER.match(n)]
        if bad:
            raise ValueError(f"GDS call {self.endpoint!r}: names must be identifiers, got {bad}")
        if self.passes < 1:
            raise ValueError(f"GDS call {self.endpoint!r}: passes must be at least 1, got {self.passes}")


P = TypeVar("P", bound=Params)

LocalFn = Callable[["Projected", Orientation, P], Computed]
GdsFn = Callable[[P, Orientation, int], GdsCall]  # (params, orientation, projected node count)


@dataclass(frozen=True)
class Algorithm(Generic[P]):
    name: str  # recorded on every run (JobRun.algorithm)
    params: type[P]
    local: LocalFn[P]
    gds: GdsFn[P] | None  # None: computed locally on either backend
    kind: ScoreKind = ScoreKind.SCORE
    # GDS takes the orientation as configuration over the projection as stored (gds.degree); otherwise
    # the GDS projection itself is reversed or undirected.
    gds_takes_orientation: bool = False
    # Needs the number of relationships the projection counts before pairs merge (Table 3's edges).
    counts_relationships: bool = False
    # GDS takes its sampled sources from the first node ids of its projection (gds.betweenness): the
    # projection lists every node first, in an order the run's seed spreads over the keys.
    gds_samples_by_node_order: bool = False

    @property
    def ranked(self) -> bool:
        return self.kind in (ScoreKind.COUNT, ScoreKind.SCORE)

    @property
    def integer(self) -> bool:
        return self.kind in (ScoreKind.COUNT, ScoreKind.LABEL)


# -- between backends and the runner --------------------------------------------------------------------
@dataclass
class Result:
    """What a backend reports back to the runner."""

    nodes: int
    relationships: int
    facts: dict[str, Any] = field(default_factory=dict)  # recorded on the JobRun (scalars only)
    stats: dict[str, Any] | None = None  # summary algorithms only
    # Scores by node key that the runner still has to write (it publishes a batch's scores together);
    # None when the backend wrote them to the run-keyed property itself (GDS's write mode), or a summary.
    scores: dict[str, Any] | None = None


ProgressFn = Callable[[str, float], None]
