"""Jobs benchmark: `valuenet jobs run` as users run it (the command in its own process, start to exit:
projection, compute, write-back, publish, bookkeeping), each job's share from its JobRun record; beside
each job, the networkit time of the algorithm alone on the same projection (the floor) and networkx on the
same graph."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import networkit as nk

from bench import nxbase
from bench.engine import Engine
from bench.memory import PeakSampler, cpu_s
from gds_jobs import catalogue, local
from gds_jobs.algorithms import BETWEENNESS, HARMONIC, NETWORK_STATS, Orientation, Params, paths
from gds_jobs.algorithms.graphs import Projected
from gds_jobs.catalogue import Job
from gds_jobs.runner import choose_backend
from valuenet import queries


def _floor(job: Job, p: Projected, params: Params, concurrency: int) -> float:
    """The algorithm with networkit (and the compiled path kernels) in this process, on the projection
    already in memory (graph construction included, as in the local backend)."""
    nk.setNumberOfThreads(concurrency)
    paths.set_threads(concurrency)
    t = time.perf_counter()
    local.compute(job, p, params)
    return time.perf_counter() - t


def growth(job: Job) -> float:
    """How a job's time grows with the graph (n nodes, m relationships, both x scale): exact all-pairs
    algorithms (exact harmonic closeness or betweenness: one BFS per node) as n * m, x scale^2; the rest
    about linearly (sampled all-pairs algorithms need about as many BFS samples at any size, each
    linear; projection and write-back are linear)."""
    exact = bool(getattr(job.params, "exact", False))
    return 2.0 if exact and job.algorithm in (HARMONIC, BETWEENNESS) else 1.0


def predicted_s(job: Job, seconds_at: dict[int, float], scale: int) -> float | None:
    """Time of `job` at `scale` from the largest smaller scale measured, by `growth`."""
    known = [s for s in seconds_at if s < scale]
    if not known:
        return None
    base = max(known)
    return float(seconds_at[base] * (scale / base) ** growth(job))


def ratio(a: float, b: float) -> float | None:
    """a / b, with more digits below 1 (0.004 stays visible)."""
    if not b:
        return None
    r = a / b
    return round(r, 1) if r >= 10 else round(r, 2) if r >= 0.1 else round(r, 4)


FACT_KEYS = (
    "betweenness_samples",
    "modularity",
    "communities",
    "components",
    "transient_retries",
    "published_with",
)


def cli_suite(engine: Engine, jobs: list[Job], progress: Any = print) -> dict[str, Any]:
    """`valuenet jobs run <jobs> --format json` as a user runs it (its own process, start to exit) on
    `engine`; its wall and CPU time, the engine's peak memory meanwhile, and each run's JobRun record
    (with `wall_s`: started to finished on the engine's clock)."""
    if not jobs:
        return {"suite_s": 0.0, "runs": {}}
    exe = Path(sys.executable).with_name("valuenet")
    cmd = [str(exe), "jobs", "run", *(j.name for j in jobs), "--format", "json"]
    engine_cpu0 = cpu_s(engine.pid)
    started = time.perf_counter()
    with PeakSampler({"engine": engine.pid}) as mem:
        done = subprocess.run(cmd, env=engine.env(), capture_output=True, text=True, check=False)
    wall = time.perf_counter() - started
    engine_cpu1 = cpu_s(engine.pid)
    try:
        rows = json.loads(done.stdout)
    except json.JSONDecodeError:
        raise RuntimeError(f"`{' '.join(cmd[1:])}` exited {done.returncode}: {done.stderr[-2000:]}") from None
    found = engine.graph.read(queries.text("jobs/runs_by_id"), {"ids": [r["run"] for r in rows]})
    runs = {r["job"]: {**r["run"], "wall_s": round(float(r["wall_s"]), 3)} for r in found}
    for r in rows:
        run = runs.get(r["job"], {})
        own = round(float(run.get("duration_s") or 0.0) + publish_share_s(run), 3) if run else "-"
        progress(f"  job {r['job']:<20} {r['status']:<9} {own} s")
    return {
        "suite_s": round(wall, 2),
        "suite_exit_code": done.returncode,
        "suite_cpu_s": {
            "engine": None
            if engine_cpu0 is None or engine_cpu1 is None
            else round(engine_cpu1 - engine_cpu0, 1),
            "cli_process": round(_children_cpu_s(), 1),
        },
        "engine_peak_rss_mb": mem.peak_mb.get("engine"),
        "runs": runs,
    }


def _children_cpu_s() -> float:
    t = os.times()
    return float(t.children_user + t.children_system)


def publish_share_s(facts: dict[str, Any], seconds: str = "publish_s") -> float:
    """A run's share of the publication it was part of: the jobs of one `valuenet jobs run` are published
    together in one transaction (`publish_s`, shared by `published_with` runs); with `seconds`, its share
    of that fact instead (`publish_beside_s`)."""
    return float(facts.get(seconds) or 0.0) / max(1, int(facts.get("published_with") or 1))


def suite_phases(out: dict[str, Any]) -> dict[str, float]:
    """Where the CLI's wall time went, summed over the jobs: projection (fetching the graph into Python),
    compute, write-back and publish (the one transaction that writes and publishes every job's scores:
    the part the run waited for; the rest of it ran on its thread beside the summary jobs' compute,
    `publish_beside_s`, and is in the wall time once, as that compute), bookkeeping (everything else:
    process start, connecting, the run lock, the JobRun records, top-k snapshots, version cleanup).
    The four add up to the suite's wall time."""
    ran = [j for j in out["jobs"].values() if j.get("seconds") is not None]
    f = [j["facts"] for j in ran]
    phases = {
        "projection": sum(x.get("stream_s", 0.0) for x in f),
        "compute": sum(x.get("compute_s", 0.0) for x in f),
        "write-back and publish": sum(publish_share_s(x) - publish_share_s(x, "publish_beside_s") for x in f),
    }
    phases["bookkeeping"] = out["suite_s"] - sum(phases.values())
    return {k: round(v, 2) for k, v in phases.items()}


def run(
    engine: Engine,
    *,
    names: list[str] | None = None,
    networkx: bool = True,
    nx_cap_s: float = 600.0,
    nx_budget_s: float = 20.0,
    scale: int = 1,
    earlier: dict[int, dict[str, Any]] | None = None,
    job_cap_s: float = 600.0,
    only: list[str] | None = None,
    progress: Any = print,
    networkx_shared: dict[str, Any] | None = None,
) -> dict[str, Any]:
    """Run the suite; with `earlier` (job results of smaller scales), a job predicted to take longer than
    `job_cap_s` is not run and its predicted time is reported instead. `networkx_shared` carries the
    networkx graphs and times from one engine to the next on the same graph ({"engine": the first}):
    networkx runs once per graph, not once per engine."""
    g = engine.graph
    jobs = catalogue.select(names)
    backend = choose_backend(g)
    concurrency = int(getattr(backend, "concurrency", 2) or 2)
    out: dict[str, Any] = {"backend": backend.name, "compute": backend.engine_note(), "jobs": {}}
    skipped: list[Job] = []
    selected: list[Job] = []
    for job in jobs:
        seen = {
            s: r["jobs"][job.name]["seconds"]
            for s, r in (earlier or {}).items()
            if r["jobs"].get(job.name, {}).get("seconds") is not None
        }
        guess = predicted_s(job, seen, scale)
        why = None
        if only is not None and job.name not in only:
            why = "not selected at this scale (--jobs-large)"
        elif guess is not None and guess > job_cap_s:
            why = f"predicted {guess:.0f} s from scale {max(seen)} (> the {job_cap_s:g} s cap)"
        if why is None:
            selected.append(job)
            continue
        out["jobs"][job.name] = {
            "algorithm": job.algorithm.name,
            "projection": job.projection,
            "seconds": None,
            "predicted_s": None if guess is None else round(guess, 1),
            "skipped": why,
            "facts": {},
        }
        skipped.append(job)
        progress(f"  job {job.name:<20} {why}")
    # 1. the suite as users run it: `valuenet jobs run` in its own process, start to exit
    cli = cli_suite(engine, selected, progress)
    out.update({k: v for k, v in cli.items() if k != "runs"})
    for job in selected:
        run = cli["runs"].get(job.name)
        if run is None or run["status"] != "succeeded":
            out["jobs"][job.name] = {
                "algorithm": job.algorithm.name,
                "projection": job.projection,
                "seconds": None,
                "predicted_s": None,
                "skipped": f"failed: {(run or {}).get('error') or 'no run recorded'}"[:300],
                "facts": {},
            }
            skipped.append(job)
            continue
        facts = {k: v for k, v in run.items() if k.endswith("_s") or k in FACT_KEYS}
        out["jobs"][job.name] = {
            "algorithm": job.algorithm.name,
            "projection": job.projection,
            # its own time (its share of the one fetch, compute) and its share of the batch's publication
            "seconds": round(float(run.get("duration_s") or 0.0) + publish_share_s(facts), 3),
            "wall_s": run["wall_s"],
            "run_duration_s": run.get("duration_s"),
            "nodes": run.get("nodes"),
            "relationships": run.get("relationships"),
            "facts": facts,
        }
    out["phases_s"] = suite_phases(out)
    beside = [publish_share_s(j["facts"], "publish_beside_s") for j in out["jobs"].values() if j.get("facts")]
    out["publish_beside_s"] = round(sum(beside), 2)
    if skipped:
        out["suite_complete"] = False
        out["suite_with_predicted_s"] = round(
            out["suite_s"] + sum(out["jobs"][j.name].get("predicted_s") or 0.0 for j in skipped), 1
        )
    # 2. floor and networkx on the same projections (streamed once each, outside the timings above)
    projected: dict[str, Projected] = {}
    shared = networkx_shared if networkx_shared is not None else {}
    nx_graphs: dict[tuple[str, str], Any] = shared.setdefault("graphs", {})
    nx_cache: dict[str, nxbase.NxTime] = shared.setdefault("times", {})
    if shared.get("engine"):
        out["networkx_measured_on"] = shared["engine"]
    for job in jobs:
        row = out["jobs"][job.name]
        if row["seconds"] is None:
            continue
        params = job.resolved_params()
        name = job.projection
        if name not in projected or (
            job.algorithm.counts_relationships and projected[name].counted_relationships is None
        ):
            t = time.perf_counter()
            projected[name] = local.LocalBackend(g).project(job)
            out.setdefault("projection_stream_s", {})[name] = round(time.perf_counter() - t, 3)
        p = projected[name]
        inside = row["facts"].get("compute_s") if backend.name == "local" else None
        if inside is not None:  # the local backend already ran networkit in-process: its compute phase
            floor_s, row["networkit_from"] = inside, "the job's compute phase (local backend)"
        else:
            floor_s = _floor(job, p, params, concurrency)
            row["networkit_from"] = "separate in-process run"
        row["networkit_s"] = round(floor_s, 4)
        row["job_over_networkit"] = ratio(row["seconds"], floor_s)
        if not networkx:
            continue
        orient = Orientation.UNDIRECTED if job.algorithm is NETWORK_STATS else job.orientation
        key = (name, orient.value)
        if key not in nx_graphs:
            t = time.perf_counter()
            nx_graphs[key] = nxbase.build(p, orient)
            out.setdefault("networkx_build_s", {})["/".join(key)] = round(time.perf_counter() - t, 2)
        samples = row["facts"].get("betweenness_samples") if job.algorithm is BETWEENNESS else None
        measured: dict[str, nxbase.NxTime] = shared.setdefault("jobs", {})
        if job.name not in measured:
            measured[job.name] = nxbase.measure(
                job.algorithm.name,
                nx_graphs[key],
                samples=int(samples) if samples else None,
                path_samples=int(getattr(params, "path_samples", 500)),
                cap_s=nx_cap_s,
                budget_s=nx_budget_s,
                cache=nx_cache,
            )
        nxt = measured[job.name]
        row["networkx"] = nxt.as_dict()
        if nxt.seconds is not None:
            row["networkx_over_job"] = ratio(nxt.seconds, row["seconds"])
        progress(
            f"  {job.name:<20} networkit {floor_s:7.3f} s   networkx "
            f"{'>' if nxt.lower_bound else ''}{'-' if nxt.seconds is None else round(nxt.seconds, 2)} s"
            f" ({nxt.method})"
        )
    nx_total = [r["networkx"]["seconds"] for r in out["jobs"].values() if "networkx" in r]
    if networkx and not skipped and all(s is not None for s in nx_total):
        out["networkx_suite_s"] = round(sum(nx_total), 2)
        out["networkx_suite_lower_bound"] = any(
            r["networkx"]["lower_bound"] for r in out["jobs"].values() if "networkx" in r
        )
        out["networkx_over_suite"] = ratio(out["networkx_suite_s"], out["suite_s"])
        ran = [r for r in out["jobs"].values() if r.get("networkx", {}).get("method") == "full"]
        if ran:  # only the jobs networkx ran in full (no extrapolation, no cap)
            out["networkx_full_only_over_jobs"] = ratio(
                sum(r["networkx"]["seconds"] for r in ran), sum(r["seconds"] for r in ran)
            )
            out["networkx_full_only_jobs"] = len(ran)
    out["networkit_suite_s"] = round(sum(r.get("networkit_s") or 0.0 for r in out["jobs"].values()), 3)
    return out
