"""What the explorer knows about the graph-data-science jobs, read from their catalogue: the score properties
they write, their titles, and how to run one. The only explorer module that imports `gds_jobs`."""

from __future__ import annotations

from typing import TYPE_CHECKING

from explorer.i18n import pick
from gds_jobs.catalogue import JOBS, Job

if TYPE_CHECKING:
    from gds_jobs.runner import RunRecord
    from valuenet.db import Graph


def catalogue() -> tuple[Job, ...]:
    """Every job, in catalogue order."""
    return tuple(JOBS.values())


def score_properties() -> list[str]:
    """Organisation properties written by jobs, in catalogue order."""
    return [j.write_property for j in catalogue() if j.write_property]


def ranked_jobs() -> set[str]:
    """Jobs whose scores rank (not community or component labels)."""
    return {j.name for j in catalogue() if j.ranked and j.write_property}


def title(prop: str, language: str | None = None) -> str:
    for j in catalogue():
        if j.write_property == prop:
            return pick(j.title_zh, j.title_en, language)
    return prop


def run(graph: Graph, name: str) -> RunRecord:
    """Run one job now (operators only; the page says when this is disabled)."""
    from gds_jobs import runner  # the backends (networkit, GDS): only when a job is run from here

    return runner.run_job(graph, JOBS[name])
