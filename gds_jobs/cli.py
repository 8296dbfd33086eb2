"""`valuenet jobs list | run | history | schedule`: graph-data-science jobs from the command line.

Registering these commands imports nothing heavy: the catalogue, the backends (networkit, the driver) and
the scheduler are imported inside the commands that use them, so `valuenet --help` stays fast.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Annotated, Any

import typer

from valuenet.cli import (
    EXIT_ERROR,
    EXIT_USAGE,
    FormatOption,
    OutputFormat,
    fail,
    graph_session,
    parse_params,
    print_rows,
)

if TYPE_CHECKING:
    from gds_jobs.catalogue import Job
    from gds_jobs.runner import JobFailedError, RunRecord
    from valuenet.db import Graph

jobs_app = typer.Typer(
    help="Graph-data-science jobs: centrality, communities, degree tables and network statistics, written "
    "back as node properties (GDS on Neo4j, networkit on the embedded engine).",
    no_args_is_help=True,
)


def register(app: typer.Typer) -> None:
    app.add_typer(jobs_app, name="jobs")


def _known(names: list[str] | None) -> list[Job]:
    from gds_jobs import catalogue

    try:
        return catalogue.select(names)
    except KeyError as e:
        raise fail(str(e.args[0]), EXIT_USAGE) from None


@jobs_app.command("list")
def list_jobs(
    fmt: FormatOption = OutputFormat.table,
) -> None:
    """Every job: what it computes, on which projection, and the property it writes."""
    from gds_jobs import catalogue

    rows = [
        {
            "job": j.name,
            "title": f"{j.title_zh} / {j.title_en}",
            "algorithm": j.algorithm.name,
            "projection": j.projection,
            "orientation": j.orientation.value,
            "writes": j.write_property or "(:NetworkStats)",
            "parameters": j.params.model_dump(),
            "reproduces": j.reproduces,
        }
        for j in catalogue.JOBS.values()
    ]
    print_rows(list(rows[0]), rows, fmt)


def run_many(
    g: Graph,
    jobs: list[Job],
    *,
    backend: str = "auto",
    overrides: dict[str, Any] | None = None,
    concurrency: int | None = None,
    show_progress: bool = True,
    wait_s: float = 0.0,
) -> list[RunRecord | JobFailedError]:
    """Run jobs one after another with a progress bar, holding the job run lock (gds_jobs/lock.py: another
    run in progress is waited for up to `wait_s`, else refused); a failed job does not stop the others.
    Every job's parameters are checked first: a bad one runs nothing."""
    from rich.progress import BarColumn, Progress, TextColumn, TimeElapsedColumn

    from gds_jobs.lock import run_lock
    from gds_jobs.runner import JobFailedError, choose_backend, executing_backend, resolve_params, run_jobs
    from valuenet.cli import err

    def own(job: Job) -> dict[str, Any]:
        return {k: v for k, v in (overrides or {}).items() if k in job.params.names()}

    try:
        chosen = choose_backend(g, backend, concurrency=concurrency, share_projections=True)
        if chosen.focal.note:
            err.print(f"note: {chosen.focal.note}", highlight=False, markup=False)
        for job in jobs:
            resolve_params(job, executing_backend(g, job, chosen), own(job))
    except ValueError as e:
        raise fail(str(e), EXIT_USAGE) from None
    what = ", ".join(job.name for job in jobs)
    with (
        run_lock(g, what if len(what) <= 80 else f"{len(jobs)} jobs", wait_s=wait_s, notice=err.print),
        Progress(
            TextColumn("{task.description:<22}"),
            BarColumn(),
            TextColumn("{task.fields[phase]:<28}"),
            TimeElapsedColumn(),
            console=err,
            disable=not show_progress,
            transient=False,
        ) as bar,
    ):
        tasks = {job.name: bar.add_task(job.name, total=1.0, phase="queued") for job in jobs}

        def progress(job: Job) -> Any:
            def update(phase: str, frac: float) -> None:
                bar.update(tasks[job.name], completed=frac, phase=phase)

            return update

        try:
            results = run_jobs(
                g, jobs, backend=chosen, overrides={job.name: own(job) for job in jobs}, progress=progress
            )
        except JobFailedError as e:  # the engine is gone: nothing more can run or be recorded
            raise e.cause from e
        for r in results:
            if isinstance(r, JobFailedError):
                bar.update(tasks[r.run.job], phase="FAILED")
            else:
                bar.update(tasks[r.job], completed=1.0, phase=f"ok {r.duration_s:.2f}s")
    return results


@jobs_app.command("run")
def run(
    names: Annotated[list[str] | None, typer.Argument(help="jobs to run (default: all)")] = None,
    backend: Annotated[str, typer.Option(help="auto (GDS if installed), local or gds")] = "auto",
    param: Annotated[
        list[str] | None,
        typer.Option("--param", "-p", help="job parameter: name=text or name:=json, e.g. exact:=true"),
    ] = None,
    exact: Annotated[bool, typer.Option("--exact", help="exact betweenness and path lengths")] = False,
    concurrency: Annotated[int | None, typer.Option(help="threads (GDS default 4, local 2)")] = None,
    wait: Annotated[
        float,
        typer.Option(min=0, help="seconds to wait for a job run in progress elsewhere [default: refuse]"),
    ] = 0.0,
    fmt: FormatOption = OutputFormat.table,
) -> None:
    """Run jobs now and write their scores; each run is recorded as a (:JobRun). One job run at a time:
    another one in progress is waited for (--wait) or refused."""
    from gds_jobs.lock import RunInProgressError
    from gds_jobs.runner import JobFailedError

    jobs = _known(names)
    overrides = parse_params(param or [])
    if exact:
        overrides.setdefault("exact", True)
        overrides.setdefault("exact_paths", True)
    unknown = [k for k in overrides if not any(k in j.params.names() for j in jobs)]
    if unknown:
        raise fail(f"no selected job takes the parameter(s) {', '.join(unknown)}", EXIT_USAGE)
    with graph_session() as g:
        try:
            results = run_many(
                g, jobs, backend=backend, overrides=overrides, concurrency=concurrency, wait_s=wait
            )
        except RunInProgressError as e:
            raise fail(str(e)) from None
        if names is None:  # the whole suite: the questions' aggregates too (valuenet/aggregates.py)
            from valuenet import aggregates
            from valuenet.cli import err

            for line in aggregates.refresh_reported(g, stale_only=True):
                err.print(line, highlight=False)
    rows = [_summary_row(r) for r in results]
    print_rows(["job", "run", "backend", "status", "seconds", "nodes", "relationships", "note"], rows, fmt)
    if any(isinstance(r, JobFailedError) for r in results):
        raise typer.Exit(EXIT_ERROR)


def _summary_row(r: RunRecord | JobFailedError) -> dict[str, Any]:
    from gds_jobs.runner import JobFailedError

    rec = r.run if isinstance(r, JobFailedError) else r
    note = rec.error or ""
    if not note and rec.stats:
        from valuenet.figures import TABLE3

        note = ", ".join(f"{s.field}={_short(rec.stats.get(s.field))}" for s in TABLE3)
    elif not note and rec.facts:
        note = ", ".join(f"{k}={_short(v)}" for k, v in rec.facts.items() if not k.endswith("_note"))[:120]
    return {
        "job": rec.job,
        "run": rec.id,
        "backend": rec.backend,
        "status": rec.status,
        "seconds": rec.duration_s,
        "nodes": rec.nodes,
        "relationships": rec.relationships,
        "note": note,
    }


def _short(v: Any) -> str:
    return f"{v:.4g}" if isinstance(v, float) else str(v)


@jobs_app.command("history")
def show_history(
    name: Annotated[str | None, typer.Argument(help="a job (default: all jobs)")] = None,
    limit: Annotated[int, typer.Option(help="how many runs")] = 20,
    moves: Annotated[
        bool, typer.Option("--movers", help="who rose and who fell between the job's last two runs")
    ] = False,
    fmt: FormatOption = OutputFormat.table,
) -> None:
    """Past runs (newest first), or with --movers the rank changes in a job's top-k."""
    from gds_jobs.runner import history, movers
    from valuenet.cli import err

    if name:
        _known([name])
    with graph_session() as g:
        if moves:
            if not name:
                raise fail("--movers needs a job name", EXIT_USAGE)
            found, now, before = movers(g, name)
            if not now or not before:
                raise fail(f"{name} needs two successful runs to compare", EXIT_ERROR)
            rows = [
                {
                    "id": m.id,
                    "name": m.name,
                    "rank_before": m.rank_before,
                    "rank_now": m.rank_now,
                    "change": m.change,
                    "score_before": m.score_before,
                    "score_now": m.score_now,
                }
                for m in found
            ]
            print_rows(list(rows[0]) if rows else ["id"], rows, fmt)
            if fmt is OutputFormat.table:
                err.print(f"runs compared: {before['id']} -> {now['id']}")
            return
        runs = history(g, name, limit)
    rows = [
        {
            "run": r["id"],
            "job": r["job"],
            "backend": r["backend"],
            "status": r["status"],
            "started": r["started"],
            "seconds": r["duration_s"],
            "nodes": r["nodes"],
            "relationships": r["relationships"],
            "top": ", ".join((r["top_names"] or [])[:3]),
            "error": r["error"] or "",
        }
        for r in runs
    ]
    cols = ["run", "job", "backend", "status", "started", "seconds", "nodes", "relationships", "top", "error"]
    if fmt is OutputFormat.json:
        print(json.dumps(runs, ensure_ascii=False, default=str))
        return
    print_rows(cols, rows, fmt)


@jobs_app.command("stats")
def stats(
    fmt: FormatOption = OutputFormat.table,
) -> None:
    """The latest network statistics (run `valuenet jobs run network_stats`), next to the report's Table 3
    when the graph holds the report's data."""
    from gds_jobs.runner import latest_network_stats
    from valuenet import figures, report
    from valuenet.cli import err

    with graph_session() as g:
        s = latest_network_stats(g)
        compared = report.holds_report_data(g)
    if s is None:
        raise fail("no network statistics yet: run `valuenet jobs run network_stats`", EXIT_ERROR)
    published = figures.figures()
    rows = [
        {
            "statistic": stat.field,
            "graph": s.get(stat.field),
            "report_2021": published[stat.metric_id].number,
            "method": s.get(f"{stat.field}_method", ""),
        }
        for stat in figures.TABLE3
    ]
    columns = ["statistic", "graph", *(["report_2021"] if compared else []), "method"]
    print_rows(columns, [{c: r[c] for c in columns} for r in rows], fmt)
    if fmt is OutputFormat.table:
        err.print(f"run {s['run_id']} ({s['backend']}, {s['started']})")


@jobs_app.command("schedule")
def schedule(
    cron: Annotated[str, typer.Argument(help='crontab expression, e.g. "0 3 * * *" (03:00 daily, UTC)')],
    names: Annotated[list[str] | None, typer.Argument(help="jobs to run (default: all)")] = None,
    backend: Annotated[str, typer.Option(help="auto, local or gds")] = "auto",
    timezone: Annotated[str, typer.Option(help="time zone of the cron expression")] = "UTC",
    run_now: Annotated[bool, typer.Option("--now", help="also run once at start")] = False,
) -> None:
    """Run jobs on a cron schedule in this (foreground) process until stopped. See gds_jobs/README.md for
    running it as the `jobs` compose service."""
    from zoneinfo import ZoneInfoNotFoundError

    from gds_jobs.schedule import build_scheduler
    from valuenet.cli import out

    jobs = _known(names)
    try:
        _now(timezone)
    except (ZoneInfoNotFoundError, ValueError):  # a typo, an empty or a path-like name
        raise fail(
            f"unknown time zone {timezone!r}: give an IANA name, e.g. UTC, Asia/Shanghai, Europe/Berlin",
            EXIT_USAGE,
        ) from None
    try:
        scheduler, trigger = build_scheduler(cron, [j.name for j in jobs], backend=backend, timezone=timezone)
    except ValueError as e:
        raise fail(f"bad cron expression {cron!r}: {e}", EXIT_USAGE) from None
    out.print(f"scheduling {', '.join(j.name for j in jobs)} on {cron!r} ({timezone}); Ctrl-C to stop")
    out.print(f"next run: {trigger.get_next_fire_time(None, _now(timezone))}")
    if run_now:
        from gds_jobs.schedule import scheduled_run

        scheduled_run([j.name for j in jobs], backend)
    try:
        scheduler.start()
    except (KeyboardInterrupt, SystemExit):
        out.print("scheduler stopped")


def _now(tz: str) -> Any:
    import datetime as dt
    from zoneinfo import ZoneInfo

    return dt.datetime.now(ZoneInfo(tz))
