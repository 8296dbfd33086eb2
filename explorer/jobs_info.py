"""What the explorer knows about the jobs (gds_jobs): their score properties and titles, read defensively so
the explorer still works when the jobs component is absent or changes its registry."""

from __future__ import annotations

import functools
from dataclasses import dataclass

from explorer.i18n import pick

# Fallback when gds_jobs is not importable: the properties the jobs write (gds_jobs/catalogue.py).
_FALLBACK = (
    "degree_tech",
    "degree_tech_in",
    "degree_tech_out",
    "degree_talent_study",
    "degree_talent_work",
    "degree_invest_out",
    "degree_invest_in",
    "pagerank",
    "betweenness",
    "harmonic",
    "community",
    "community_leiden",
    "component",
    "clustering",
)


@dataclass(frozen=True)
class JobDoc:
    name: str
    prop: str | None
    title_zh: str
    title_en: str
    description: str
    ranked: bool
    reproduces: str


@functools.cache
def catalogue() -> tuple[JobDoc, ...]:
    try:
        from gds_jobs.catalogue import JOBS
    except ImportError:  # pragma: no cover - jobs component not installed
        return tuple(JobDoc(p, p, p, p, "", True, "") for p in _FALLBACK)
    return tuple(
        JobDoc(
            name=j.name,
            prop=j.write_property,
            title_zh=j.title_zh,
            title_en=j.title_en,
            description=j.description,
            ranked=j.ranked,
            reproduces=str(getattr(j, "reproduces", "") or ""),
        )
        for j in JOBS.values()
    )


def score_properties() -> list[str]:
    """Organisation properties written by jobs, in registry order."""
    return [j.prop for j in catalogue() if j.prop]


def ranked_jobs() -> set[str]:
    """Jobs whose scores rank (not community or component labels)."""
    return {j.name for j in catalogue() if j.ranked and j.prop}


def title(prop: str) -> str:
    for j in catalogue():
        if j.prop == prop:
            return pick(j.title_zh, j.title_en)
    return prop
