"""Running a job: the JobRun record, the backend, publication, the top-k snapshot.

Scores are versioned by run. A run's scores go to the run-keyed property `<property>__<run id>` (no
reader resolves a run before it succeeded). A batch of jobs (`run_jobs`: `valuenet jobs run`, a scheduled
fire) computes the jobs that score nodes one after another, then publishes all their scores in one
transaction (`Graph.publish_properties` then `cypher/jobs/run_publish.cypher`): each run's values into its
run-keyed and its public `<property>`, `<property>` dropped from nodes the run did not score, every JobRun
marked succeeded with its `versioned_property`. (GDS writes a run's run-keyed property itself; its
publication copies it.) The summary jobs (Table 3's statistics) compute while that publication runs, and
are written after it. Old versions and old runs are then cleared for the whole batch at once.

- Consistent readers (`read_scores`, `cypher/jobs/scores_latest.cypher`, and every question or view that
  reads scores through the template name `published_key`: top_by_score, jobs/top_scores, communities)
  resolve the newest succeeded run (one JobRun record: atomic on every engine) and read its run-keyed
  property, which nothing writes after publication: one run's scores, never a mix, whatever runs are in
  progress. Versions older than the newest `KEEP_VERSIONS` succeeded runs are removed by the publication
  that makes them so.
- Plain readers of `n.<property>` (analysts' Cypher) get the new scores in one commit on ArcadeDB; on
  Neo4j in transactions of 5,000 nodes (one for all did not fit its transaction memory at scale 1), and a
  publication failing part-way there leaves `<property>` partly new until the next. Engines isolate
  reads at read-committed level, so a full scan that overlaps the commit itself can see part of each run
  (ArcadeDB, measured at 44k nodes: 1 of 47 overlapping scans).
- A run that fails before publication removes its run-keyed property and is recorded `failed` with the
  reason; `<property>` and the previous versions are untouched.
- A run whose scores equal its job's newest published version (`scores_digest`, the same nodes and
  values) writes nothing: it keeps that version (its `versioned_property`, `scores_unchanged_since`
  that run), so a scheduled rerun on an unchanged graph only records its runs.

Dynamic property keys (`n[$key]`) need ArcadeDB or Neo4j >= 5.26.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import heapq
import json
import re
import time
import uuid
from collections.abc import Callable, Mapping, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from typing import Any, Protocol

import numpy as np

from gds_jobs.algorithms.base import Params, ProgressFn, Result
from gds_jobs.catalogue import Job
from gds_jobs.gds_backend import GdsBackend
from gds_jobs.local import LocalBackend
from valuenet import queries
from valuenet.db import CONNECTION_ERRORS, Graph, Row, TransientError, raise_if_out_of_memory
from valuenet.focal import Focal
from valuenet.model import MODEL

TOP_K = 20
KEEP_RUNS = 100  # runs (with their top-k snapshots) kept per job
KEEP_VERSIONS = 2  # run-keyed score versions kept per job (a consistent reader never sees them change)
# Times a job's compute-and-write is run again after a transient conflict outlived the driver's own
# retries of one transaction (another writer on the same nodes: a load, say). Its writes go to its own
# run-keyed property, so running it again is harmless.
TRANSIENT_RETRIES = 2


class Backend(Protocol):
    name: str
    focal: Focal

    def engine_note(self) -> str: ...

    def execute(self, job: Job, params: Params, staged: str | None, progress: ProgressFn) -> Result: ...


class JobFailedError(RuntimeError):
    def __init__(self, run: RunRecord, cause: BaseException) -> None:
        super().__init__(f"job {run.job} failed (run {run.id}): {cause}")
        self.run = run
        self.cause = cause


@dataclass
class RunRecord:
    id: str
    job: str
    backend: str
    status: str = "running"
    duration_s: float = 0.0
    nodes: int = 0
    relationships: int = 0
    facts: dict[str, Any] = field(default_factory=dict)
    stats: dict[str, Any] | None = None
    error: str | None = None
    top: list[dict[str, Any]] = field(default_factory=list)


RUN_ID_PATTERN = r"r\d{8}T\d{6}_[0-9a-f]{6}"  # what new_run_id gives


def new_run_id(job: str) -> str:
    """Sortable and usable inside a property name: r<UTC time>_<random> (RUN_ID_PATTERN)."""
    stamp = dt.datetime.now(dt.UTC).strftime("%Y%m%dT%H%M%S")
    return f"r{stamp}_{uuid.uuid4().hex[:6]}"


def staged_property(prop: str, run_id: str) -> str:
    if not re.fullmatch(r"\w+", prop + run_id):
        raise ValueError(f"unsafe property or run id: {prop!r}, {run_id!r}")
    return f"{prop}__{run_id}"


def choose_backend(
    graph: Graph,
    backend: str = "auto",
    *,
    focal: Focal | None = None,
    concurrency: int | None = None,
    share_projections: bool = False,
) -> Backend:
    """`auto`: GDS when the engine has it, else local. `gds` on an engine without GDS is an error.
    `focal`: the focal set the projections count with (default: `valuenet.focal.for_graph`).
    `share_projections`: the local backend streams each projection once for all the jobs it runs."""
    if backend not in ("auto", "local", "gds"):
        raise ValueError(f"unknown backend {backend!r}: use auto, local or gds")
    has_gds = graph.engine().has_gds
    if backend == "gds" and not has_gds:
        raise ValueError(
            f"the engine at {graph.info.uri} has no Graph Data Science plugin; use --backend local (or auto)"
        )
    if focal is None:
        from valuenet import focal as focal_mod

        focal = focal_mod.for_graph(graph)
    if backend == "gds" or (backend == "auto" and has_gds):
        return GdsBackend.on(graph, focal=focal, concurrency=concurrency or 4)
    return LocalBackend(graph, focal=focal, concurrency=concurrency or 2, share_projections=share_projections)


def _scalar_facts(facts: Mapping[str, Any]) -> dict[str, Any]:
    """JobRun properties must be scalars or lists of scalars (no maps)."""
    out: dict[str, Any] = {}
    for k, v in facts.items():
        if isinstance(v, (str, int, float, bool)) or v is None:
            out[k] = v
        else:
            out[k] = json.dumps(v, default=str)
    return out


def resolve_params(job: Job, backend: Backend, overrides: Mapping[str, Any] | None = None) -> Params:
    """The job's parameters with `overrides` applied and validated; ValueError when an override is
    unknown, ill-typed, out of range, or one that `backend` cannot apply."""
    params = job.resolved_params(overrides)
    refused = {k: why for k, why in params.not_honoured_by(backend.name).items() if k in (overrides or {})}
    if refused:
        reasons = "; ".join(f"{k}: {why}" for k, why in refused.items())
        raise ValueError(f"job {job.name!r} on the {backend.name} backend cannot apply {reasons}")
    return params


def executing_backend(graph: Graph, job: Job, chosen: Backend) -> Backend:
    """The backend that runs `job`: summary statistics are computed locally on either engine."""
    if not job.local_only or isinstance(chosen, LocalBackend):
        return chosen
    return LocalBackend(graph, focal=chosen.focal)


def run_job(
    graph: Graph,
    job: Job,
    *,
    backend: Backend | None = None,
    overrides: Mapping[str, Any] | None = None,
    progress: ProgressFn | None = None,
    top_k: int = TOP_K,
    before_swap: Callable[[str], None] | None = None,
    keep_runs: int = KEEP_RUNS,
) -> RunRecord:
    """Run one job end to end and return its record; raises JobFailedError (run recorded failed)."""
    (outcome,) = run_jobs(
        graph,
        [job],
        backend=backend,
        overrides={job.name: overrides or {}},
        progress=(lambda _: progress) if progress else None,
        top_k=top_k,
        before_swap=before_swap,
        keep_runs=keep_runs,
    )
    if isinstance(outcome, JobFailedError):
        raise outcome
    return outcome


@dataclass
class _Run:
    """A job of a batch on its way: what it runs with, its record, what its backend returned."""

    job: Job
    backend: Backend
    params: Params
    record: RunRecord
    staged: str | None
    progress: ProgressFn
    started: float = 0.0
    result: Result | None = None


def run_jobs(
    graph: Graph,
    jobs: Sequence[Job],
    *,
    backend: Backend | None = None,
    overrides: Mapping[str, Mapping[str, Any]] | None = None,
    progress: Callable[[Job], ProgressFn] | None = None,
    top_k: int = TOP_K,
    before_swap: Callable[[str], None] | None = None,
    keep_runs: int = KEEP_RUNS,
) -> list[RunRecord | JobFailedError]:
    """Run jobs one after another and publish their scores together, in one transaction
    (`Graph.publish_properties`): each job's record, or its JobFailedError (run recorded failed), in the
    order given. A job that fails does not stop the others; losing the engine does (raised as the
    JobFailedError of the job that met it; runs left `running` are abandoned by the next lock holder).
    `overrides` by job name; `progress(job)` gives a job's progress function. Every job's parameters are
    checked first (ValueError: nothing runs)."""
    chosen = backend or choose_backend(graph)
    runs = []
    for job in jobs:
        executing = executing_backend(graph, job, chosen)
        params = resolve_params(job, executing, (overrides or {}).get(job.name))
        run_id = new_run_id(job.name)
        runs.append(
            _Run(
                job=job,
                backend=executing,
                params=params,
                record=RunRecord(id=run_id, job=job.name, backend=executing.name),
                staged=staged_property(job.write_property, run_id) if job.write_property else None,
                progress=progress(job) if progress else (lambda phase, frac: None),
            )
        )
    outcomes: dict[str, RunRecord | JobFailedError] = {}
    scoring = [run for run in runs if run.staged is not None]
    summaries = [run for run in runs if run.staged is None]
    for run in scoring:
        try:
            _start(graph, run)
            _compute(run, before_swap)
        except Exception as e:
            outcomes[run.record.id] = _failed(graph, run, e, keep_runs)
    scored = [run for run in scoring if run.record.id not in outcomes]
    # The scores publish (mostly the engine's work) while the summaries compute (Python's): their JobRun
    # records are written first and their results after, so no write of theirs meets the publication's.
    recorded = []
    for run in summaries:
        try:
            _start(graph, run)
            recorded.append(run)
        except Exception as e:
            outcomes[run.record.id] = _failed(graph, run, e, keep_runs)
    computed: list[tuple[_Run, Exception | None]] = []
    # leaving the block waits for the publication, even when interrupted: the caller's lock is not
    # released before it ends
    with ThreadPoolExecutor(max_workers=1, thread_name_prefix="publish-scores") as pool:
        publishing = pool.submit(_publish_scores, graph, scored) if scored else None
        for run in recorded:
            try:
                _compute(run, before_swap)
                computed.append((run, None))
            except Exception as e:
                computed.append((run, e))
        summaries_done = time.perf_counter()
    waited = time.perf_counter() - summaries_done  # for the publication, once the summaries were done
    publish_error = publishing.exception() if publishing else None
    if isinstance(publish_error, Exception):
        for run in scored:
            outcomes[run.record.id] = _failed(graph, run, publish_error, keep_runs)
    elif publish_error is not None:  # a BaseException, not a failed publication: it goes on up
        raise publish_error
    elif publishing is not None:
        seconds = publishing.result()
        _published(graph, scored, seconds, beside_s=max(0.0, seconds - waited))
    for run, error in computed:
        if error is None:
            try:
                _publish_summary(graph, run)
            except Exception as e:
                error = e
        if error is not None:
            outcomes[run.record.id] = _failed(graph, run, error, keep_runs)
    published = [run for run in runs if run.record.id not in outcomes]
    for run in published:
        run.record.status = "succeeded"
        outcomes[run.record.id] = run.record
    snapshot(graph, [run for run in published if run.job.write_property], top_k)
    prune(graph, [run.job.name for run in published], keep_runs)
    for run in published:
        run.progress("done", 1.0)
    return [outcomes[run.record.id] for run in runs]


def _start(graph: Graph, run: _Run) -> None:
    """Record the run as started (its JobRun, status running)."""
    engine = graph.engine()
    job, chosen, params, record = run.job, run.backend, run.params, run.record
    graph.write(
        queries.text("jobs/run_start"),
        {
            "run": {
                "id": record.id,
                "job": job.name,
                "algorithm": job.algorithm.name,
                "property": job.write_property,
                "backend": chosen.name,
                "engine": f"{engine.product} {engine.version}".strip(),
                "gds_version": engine.gds_version,
                "compute": chosen.engine_note(),
                "parameters": json.dumps(params.model_dump(), sort_keys=True),
                "projection": job.projection,
                "orientation": job.orientation.value,
                "concurrency": getattr(chosen, "concurrency", None),
                "seed": getattr(params, "seed", None),
            }
        },
    )


def _compute(run: _Run, before_swap: Callable[[str], None] | None) -> None:
    """Let the run's backend compute (and, for GDS, write) its scores."""
    job, chosen, params, record = run.job, run.backend, run.params, run.record
    run.started = time.perf_counter()
    result = _retrying_transient(
        lambda: chosen.execute(job, params, run.staged, run.progress), record, run.progress
    )
    run.result = result
    record.nodes, record.relationships = result.nodes, result.relationships
    not_applied = {
        f"{k}_note": f"not applied by the {chosen.name} backend: {why}"
        for k, why in params.not_honoured_by(chosen.name).items()
    }
    focal = {"focal_set": chosen.focal.describe()}
    if chosen.focal.note:
        focal["focal_set_note"] = chosen.focal.note
    digest = {} if result.scores is None else {"scores_digest": scores_digest(result.scores)}
    record.facts = _scalar_facts({**record.facts, **result.facts, **not_applied, **focal, **digest})
    if before_swap:
        before_swap(record.id)
    record.duration_s = round(time.perf_counter() - run.started, 3)
    run.progress("waiting to publish", 0.9)


def _summary(run: _Run) -> dict[str, Any]:
    record = run.record
    return {
        **record.facts,
        "duration_s": record.duration_s,
        "nodes": record.nodes,
        "relationships": record.relationships,
    }


def _publish_summary(graph: Graph, run: _Run) -> None:
    assert run.result is not None
    run.progress("publishing", 0.97)
    started = time.perf_counter()
    run.record.stats = _scalar_facts(run.result.stats or {})
    graph.write(
        queries.text("jobs/stats_write"),
        {"run_id": run.record.id, "stats": run.record.stats, "summary": _summary(run)},
    )
    _published(graph, [run], time.perf_counter() - started)


def _publish_scores(graph: Graph, runs: list[_Run]) -> float:
    """Every run's scores, written and published in one transaction that marks the runs succeeded
    (after a transient conflict, run again: nothing of it was committed). A run whose scores equal its
    job's newest version keeps that version and writes nothing. Its seconds."""
    for run in runs:
        run.progress("publishing", 0.95)
    started = time.perf_counter()
    versions: dict[str, list[Row]] = {}  # by job, newest first
    for row in graph.read(queries.text("jobs/versions"), {"jobs": [r.job.name for r in runs]}):
        versions.setdefault(str(row["job"]), []).append(row)
    kept = _unchanged(graph, runs, versions)
    scores: dict[str, tuple[str, Mapping[Any, Any]]] = {}
    copies: dict[str, str] = {}
    marks = []
    for run in runs:
        assert run.result is not None and run.staged is not None and run.job.write_property is not None
        same = kept.get(run.record.id)
        if same is not None:
            run.record.facts["scores_unchanged_since"] = str(same["run_id"])
        elif run.result.scores is None:  # its backend wrote the run-keyed property itself
            copies[run.staged] = run.job.write_property
        else:
            scores[run.staged] = (run.job.write_property, run.result.scores)
        marks.append(
            {
                "run_id": run.record.id,
                "staged": run.staged if same is None else str(same["staged"]),
                "summary": _summary(run),
                "nodes_written": None if same is None else len(run.result.scores or {}),
            }
        )
    old = _pushed_out(runs, versions, kept)
    for attempt in range(TRANSIENT_RETRIES + 1):
        try:
            graph.publish_properties(
                MODEL.org_label,
                MODEL.organization.key,
                scores=scores,
                copies=copies,
                drop=list(dict.fromkeys(str(row["staged"]) for row in old)),
                then=queries.text("jobs/run_publish"),
                params={"runs": marks},
            )
            break
        except TransientError as e:
            raise_if_out_of_memory(e)
            if attempt == TRANSIENT_RETRIES:
                raise
    if old:
        graph.write(queries.text("jobs/versions_cleared"), {"run_ids": [row["run_id"] for row in old]})
    return time.perf_counter() - started


def scores_digest(scores: Mapping[Any, Any]) -> str:
    """One digest of a run's scores: the node keys and the values (with their type) in the order given
    (the projection's id order): equal digests, equal scores on the same nodes. A different order only
    costs a write."""
    values = np.asarray(list(scores.values()))
    digest = hashlib.blake2b(digest_size=16)
    digest.update("\x1f".join(map(str, scores)).encode())
    digest.update(str(values.dtype).encode())
    digest.update(values.tobytes())
    return digest.hexdigest()


def _unchanged(graph: Graph, runs: list[_Run], versions: Mapping[str, list[Row]]) -> dict[str, Row]:
    """By run id, the newest version of its job when the run's scores equal it (the same digest) and it
    still holds on the graph: the run-keyed and the public value as scored, on up to 17 organisations
    spread over the scored ones (a load that replaced nodes took their scores with them)."""
    kept: dict[str, Row] = {}
    for run in runs:
        assert run.result is not None and run.job.write_property is not None
        newest = versions.get(run.job.name, [None])[0]
        scores = run.result.scores
        if newest is None or scores is None or newest["scores_digest"] != run.record.facts["scores_digest"]:
            continue
        keys = list(scores)
        sample = keys[:: max(1, len(keys) // 16)]
        rows = graph.read(
            queries.text("jobs/version_check"),
            {"ids": sample, "versioned": newest["staged"], "property": run.job.write_property},
        )
        if len(rows) == len(sample) and all(r["version"] == r["public"] == scores[r["id"]] for r in rows):
            kept[run.record.id] = newest
    return kept


def _pushed_out(runs: list[_Run], versions: Mapping[str, list[Row]], kept: Mapping[str, Row]) -> list[Row]:
    """The runs whose version these runs push out of their job's newest KEEP_VERSIONS (a new version
    takes one place, a kept one none; runs that share a version count once), dropped in the same commit."""
    old: list[Row] = []
    for run in runs:
        rows = versions.get(run.job.name, [])
        places = KEEP_VERSIONS - (0 if run.record.id in kept else 1)
        keep = list(dict.fromkeys(row["staged"] for row in rows))[:places]
        old += [row for row in rows if row["staged"] not in keep]
    return old


def _published(graph: Graph, runs: list[_Run], seconds: float, beside_s: float = 0.0) -> None:
    """Record on the runs how long their publication took (`publish_s`), how many runs it published
    together (`published_with`): what it costs one run is its share; and how much of it ran while the
    summary jobs computed (`publish_beside_s`: the publication runs on a thread beside them, so those
    seconds are in the run's wall time once, as the summaries' compute)."""
    facts = {
        "publish_s": round(seconds, 3),
        "published_with": len(runs),
        "publish_beside_s": round(beside_s, 3),
    }
    for run in runs:
        run.record.facts.update(facts)
    with contextlib.suppress(Exception):  # the runs are published: only the timing would be missing
        graph.write(
            queries.text("jobs/run_published"),
            {
                "run_ids": [r.record.id for r in runs],
                "publish_s": facts["publish_s"],
                "together": len(runs),
                "publish_beside_s": facts["publish_beside_s"],
            },
        )


def _failed(graph: Graph, run: _Run, e: Exception, keep_runs: int) -> JobFailedError:
    record = run.record
    record.status = "failed"
    record.error = f"{type(e).__name__}: {e}"
    record.duration_s = round(time.perf_counter() - run.started, 3) if run.started else 0.0
    run.progress("FAILED", 1.0)
    if isinstance(e, CONNECTION_ERRORS):  # nothing can be recorded: the next lock holder does
        raise JobFailedError(record, e) from e
    _record_failure(graph, record, run.staged)
    prune(graph, [run.job.name], keep_runs)
    return JobFailedError(record, e)


def _retrying_transient(step: Callable[[], Result], record: RunRecord, progress: ProgressFn) -> Result:
    """`step()`, run again up to TRANSIENT_RETRIES times after a transient engine error; the retries
    are recorded in the run's facts."""
    retries = 0
    while True:
        try:
            return step()
        except TransientError as e:
            raise_if_out_of_memory(e)  # e.g. a GDS write on a Neo4j short of transaction memory
            if retries == TRANSIENT_RETRIES:
                raise
            retries += 1
            record.facts["transient_retries"] = retries
            progress(f"retry {retries}: {e.code or 'transient error'}", 0.0)


def read_scores(graph: Graph, job: str) -> tuple[str | None, dict[str, Any]]:
    """The newest succeeded run of `job` and its scores by organisation id, read consistently."""
    rows = graph.read(queries.text("jobs/scores_latest"), {"job": job})
    run_id = str(rows[0]["run_id"]) if rows else None
    return run_id, {str(r["id"]): r["score"] for r in rows}


def prune(graph: Graph, jobs: Sequence[str], keep: int) -> int:
    """Delete all but the newest `keep` runs of each of `jobs`; returns how many were deleted."""
    with contextlib.suppress(Exception):
        rows = graph.write(queries.text("jobs/prune_runs"), {"jobs": list(jobs), "keep": keep})
        return rows.nodes_deleted
    return 0


def abandon_running(graph: Graph, reason: str) -> list[str]:
    """Record every run still marked running as failed with `reason` and remove its staged scores; for
    runs known to be dead (their holder of the job run lock died). Returns their ids."""
    abandoned = []
    for row in graph.read(queries.text("jobs/runs_running")):
        run = RunRecord(id=str(row["id"]), job="", backend="", status="failed", error=reason)
        _record_failure(graph, run, staged_property(row["property"], run.id) if row["property"] else None)
        abandoned.append(run.id)
    return abandoned


def _record_failure(graph: Graph, record: RunRecord, staged: str | None) -> None:
    """Best effort: the failure is what matters, so errors while recording it are not raised over it."""
    try:
        if staged:
            graph.remove_properties(MODEL.org_label, [staged], key=MODEL.organization.key)
    except Exception as cleanup_error:  # pragma: no cover - engine down while failing
        record.error = f"{record.error} (staging cleanup also failed: {cleanup_error})"
    with contextlib.suppress(Exception):
        graph.write(
            queries.text("jobs/run_fail"),
            {
                "run_id": record.id,
                "error": record.error,
                "summary": {"duration_s": record.duration_s, "nodes": record.nodes},
            },
        )


def snapshot(graph: Graph, runs: list[_Run], k: int) -> None:
    """Store each run's top-k of its scores on its JobRun (score history), one write for all, and keep it
    on the run's record. Scores the runner wrote are ranked in memory as `jobs/top_scores` ranks the
    published ones (score descending, then id); those its backend wrote (GDS) are read back."""
    if not runs:
        return
    ranked: dict[str, list[tuple[str, Any]]] = {}
    for run in runs:
        assert run.result is not None and run.job.write_property is not None
        if run.result.scores is None:
            rows = graph.read(queries.text("jobs/top_scores"), {"property": run.job.write_property, "k": k})
            run.record.top = rows
        else:
            ranked[run.record.id] = heapq.nsmallest(
                k, run.result.scores.items(), key=lambda kv: (-kv[1], kv[0])
            )
    wanted = sorted({i for best in ranked.values() for i, _ in best})
    names = {r["id"]: r["name_zh"] for r in graph.read(queries.text("jobs/names_by_id"), {"ids": wanted})}
    for run in runs:
        if run.record.id in ranked:
            run.record.top = [
                {"id": i, "name_zh": names.get(i), "score": score} for i, score in ranked[run.record.id]
            ]
    graph.write(
        queries.text("jobs/run_snapshot"),
        {
            "snapshots": [
                {
                    "run_id": run.record.id,
                    "ids": [r["id"] for r in run.record.top],
                    "names": [r["name_zh"] or "" for r in run.record.top],
                    "scores": [float(r["score"]) for r in run.record.top],
                }
                for run in runs
            ]
        },
    )


# -- history ----------------------------------------------------------------------------------------------
def history(graph: Graph, job: str | None = None, limit: int = 20) -> list[dict[str, Any]]:
    return graph.read(queries.text("jobs/history"), {"job": job, "limit": limit})


@dataclass(frozen=True)
class Move:
    id: str
    name: str
    rank_before: int | None  # 1-based; None = not in the earlier top-k
    rank_now: int | None
    score_before: float | None
    score_now: float | None

    @property
    def change(self) -> int | None:
        """Positive = rose."""
        if self.rank_before is None or self.rank_now is None:
            return None
        return self.rank_before - self.rank_now


def movers(graph: Graph, job: str) -> tuple[list[Move], dict[str, Any] | None, dict[str, Any] | None]:
    """Who rose and who fell between the job's last two successful runs (top-k snapshots)."""
    runs = [r for r in history(graph, job, limit=50) if r["status"] == "succeeded" and r["top_ids"]]
    if len(runs) < 2:
        return [], (runs[0] if runs else None), None
    now, before = runs[0], runs[1]

    def ranks(run: dict[str, Any]) -> dict[str, tuple[int, float, str]]:
        return {
            i: (pos + 1, float(s), str(n))
            for pos, (i, s, n) in enumerate(
                zip(run["top_ids"], run["top_scores"], run["top_names"], strict=True)
            )
        }

    a, b = ranks(before), ranks(now)
    out: list[Move] = []
    for key in list(b) + [k for k in a if k not in b]:
        ra, rb = a.get(key), b.get(key)
        either = rb or ra
        out.append(
            Move(
                id=key,
                name=either[2] if either else "",
                rank_before=ra[0] if ra else None,
                rank_now=rb[0] if rb else None,
                score_before=ra[1] if ra else None,
                score_now=rb[1] if rb else None,
            )
        )
    return out, now, before


def latest_network_stats(graph: Graph) -> dict[str, Any] | None:
    """The newest successful Table 3 statistics (for `valuenet report`), or None."""
    rows = graph.read(queries.text("jobs/stats_latest"))
    if not rows:
        return None
    stats = dict(rows[0]["stats"])
    stats["run_id"] = rows[0]["run_id"]
    stats["backend"] = rows[0]["backend"]
    stats["started"] = rows[0]["started"]
    return stats
