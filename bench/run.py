"""`python -m bench` / `make bench`: the whole benchmark on each engine side by side, results to
bench/results/.

    python -m bench [--scales 1,10] [--scale100] [--only cli,load,jobs,questions,explorer] [--quick]
                    [--engines arcadedb,neo4j]
    python -m bench --only cli --scales 1       just the CLI start times (a minute)

Engines, one after the other in one run (a fresh local server per engine and scale, in a temp folder on free
ports, never the one in .valuenet): `arcadedb` (the embedded default; jobs on networkit) and `neo4j` (the
local Neo4j + GDS of `valuenet server start --engine neo4j`, on the checkout's assembled distribution; jobs
on GDS); networkx is the baseline of both (measured once per scale, on the first engine's projections). An
engine that cannot start here (no Java for Neo4j) is reported as not measured. With NEO4J_URI set, the
default is that Neo4j alone (`external`; its database must be empty, or --neo4j-wipe).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from bench import engine as engines
from bench import explorer as explorer_bench
from bench import jobs as jobs_bench
from bench import load as load_bench
from bench import machine, profile, report, startup
from bench import questions as questions_bench
from bench.engine import NotAvailableError

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "bench" / "results"
PARTS = ("cli", "load", "jobs", "questions", "explorer")
ENGINES = ("arcadedb", "neo4j", "external")
GRAPH_PARTS = ("load", "jobs", "questions", "explorer")  # the parts that need the reference graph


def _git() -> dict[str, Any]:
    """The commit the benchmark ran on, and whether the measured components had uncommitted changes
    (colleagues commit in the same tree; subprocesses import the code as it is when they start)."""
    import subprocess

    def git(*a: str) -> str:
        try:
            return subprocess.run(
                ["git", *a], cwd=ROOT, capture_output=True, text=True, timeout=30, check=False
            ).stdout.strip()
        except OSError:
            return ""

    dirty = git("status", "--porcelain", "--", "loader", "gds_jobs", "valuenet", "explorer", "cypher")
    return {"commit": git("rev-parse", "--short", "HEAD"), "dirty_files": len(dirty.splitlines())}


def _say(msg: str) -> None:
    print(msg, flush=True)


@contextmanager
def _engine(kind: str, scale: int, args: argparse.Namespace, first: bool) -> Iterator[engines.Engine]:
    heap = args.heap  # None: the server's default
    if kind == "arcadedb":
        recording = args.profile_dir / f"engine-s{scale}.jfr" if args.profile and scale == 1 else None
        with profile.jfr_env(recording), engines.local(kind, heap) as e:
            yield e
    elif kind == "neo4j":
        with engines.local(kind, heap) as e:
            yield e
    else:
        with engines.external(wipe=args.neo4j_wipe) as e:
            if not first:
                engines.wipe(e)
            yield e


def _checkpoint(
    combined: dict[str, Any], result: dict[str, Any], args: argparse.Namespace, started: float
) -> None:
    """Save what is measured so far (a long run that is stopped still leaves its results)."""
    result["total_s"] = round(time.perf_counter() - started, 1)
    result["targets"] = [] if args.mapping else report.targets(result)
    result["findings"] = findings(result, args)
    save(combined, args.out)


def run(args: argparse.Namespace) -> dict[str, Any]:
    """Every engine of `args.engines` in turn; the combined result ({"engines": {kind: result}})."""
    combined: dict[str, Any] = {
        "date": dt.datetime.now(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ"),
        "machine": machine.describe(),
        "code": _git(),
        "settings": _settings(args),
        "engines": {},
    }
    networkx_once: dict[int, dict[str, Any]] = {}  # per scale: the networkx baseline, shared by the engines
    for kind in args.engines:
        _say(f"=== engine {kind} ===")
        started = time.perf_counter()
        result = _new_result(kind, combined, args)
        combined["engines"][kind] = result
        try:
            run_engine(result, combined, args, networkx_once)
        except NotAvailableError as e:
            result["not_measured"] = str(e)
            _say(f"  {kind}: not measured: {e}")
        except Exception as e:  # one engine's failure must not lose the others' results
            result["failed"] = f"{type(e).__name__}: {e}"[:2000]
            _say(f"  {kind}: failed: {result['failed']}")
        _checkpoint(combined, result, args, started)
    return combined


def _new_result(kind: str, combined: dict[str, Any], args: argparse.Namespace) -> dict[str, Any]:
    return {
        "date": combined["date"],
        "engine": kind,
        "machine": combined["machine"],
        "code": combined["code"],
        "settings": combined["settings"],
        "scales": {},
        "findings": [],
    }


def _settings(args: argparse.Namespace) -> dict[str, Any]:
    return {
        "engines": args.engines,
        "scales": args.scales,
        "parts": args.only,
        "question_runs": args.runs,
        "networkx_cap_s": args.nx_cap,
        "networkx_budget_s": args.nx_budget,
        "seed": args.seed,
        "heap": args.heap,  # None: each server's default, sized from its data
        "profile": args.profile,
        "mappings": [str(m) for m in args.mapping or []],
    }


def run_engine(
    result: dict[str, Any],
    combined: dict[str, Any],
    args: argparse.Namespace,
    networkx_once: dict[int, dict[str, Any]],
) -> None:
    """The benchmark on one engine, every scale, into `result` (checkpointed into `combined`)."""
    kind = result["engine"]
    started = time.perf_counter()
    for i, scale in enumerate(args.scales):
        _say(f"== scale {scale} ==")
        res: dict[str, Any] = {}
        result["scales"][str(scale)] = res
        needs_graph = any(p in args.only for p in GRAPH_PARTS)
        if args.mapping:
            mappings = list(args.mapping)
            res["tables"] = {"mappings": [str(m) for m in mappings]}
        elif not needs_graph:
            mappings = []
        else:
            folder, manifest = load_bench.tables(scale, args.seed)
            mappings = load_bench.reference_mappings(folder)
            res["tables"] = {
                "folder": str(folder.relative_to(ROOT)) if folder.is_relative_to(ROOT) else str(folder),
                "organisations": manifest.get("organisations"),
                "relationships": manifest.get("relationships"),
                "generate_s": manifest.get("generate_s"),
            }
        with _engine(kind, scale, args, i == 0) as e:
            result.setdefault("engine_info", e.describe())
            res["engine_start_s"] = round(e.start_s, 2)
            res["heap"] = e.heap
            res["baseline"] = {"python_loop_ms": machine.python_loop_ms(), **machine.ping(e.graph)}
            _say(f"  baselines {res['baseline']}")
            if "cli" in args.only and i == 0:  # start-up does not depend on the graph: measured once, first
                _say("  CLI start ...")
                result["cli_start"] = startup.run(e)
                for entry in result["cli_start"].values():
                    if isinstance(entry, dict):
                        status = "met" if startup.met(entry) else "MISSED"
                        _say(
                            f"  {entry['command']}: {entry['wall_median_s']} s wall (median; CPU "
                            f"{entry['cpu_median_s']} s), goal ≤ {entry['goal_s']} s: {status}"
                        )
                _checkpoint(combined, result, args, started)
            if needs_graph:
                _say(f"  loading {', '.join(str(m) for m in mappings)} ...")
                pyi = args.profile_dir / f"loader-s{scale}.txt" if args.profile and scale == 1 else None
                t0 = time.time()
                res["load"] = load_bench.run(e, mappings, pyinstrument_to=pyi)
                res.setdefault("timeline", {})["load"] = [t0, time.time()]
                ld = res["load"]
                _say(
                    f"  load {ld['seconds']} s: {ld['nodes']:,} nodes, {ld['relationships']:,} rels; "
                    f"engine peak {ld['engine_peak_rss_mb']} MB, loader peak {ld['loader_peak_rss_mb']} MB"
                )
                if e.restart_sized():  # the loaded graph's default heap, as a user's next start sizes it
                    res["engine_restart_s"] = round(e.start_s, 2)
                    _say(f"  restarted with the heap sized from the loaded graph: {e.heap}")
                _checkpoint(combined, result, args, started)
            res["heap"] = e.heap
            nodes, rels = e.graph.counts()
            res["graph"] = {"nodes": nodes, "relationships": rels}
            if "questions" in args.only:
                _say("  questions ...")
                t0 = time.time()
                res["questions"] = questions_bench.run(
                    e.graph, scale=scale, runs=args.runs, progress=_say, engine=kind, engine_pid=e.pid
                )
                res.setdefault("timeline", {})["questions"] = [t0, time.time()]
                _checkpoint(combined, result, args, started)
            if "jobs" in args.only:
                _say("  jobs ...")
                earlier = {
                    s: result["scales"][str(s)]["jobs"]
                    for s in args.scales
                    if s < scale and "jobs" in result["scales"].get(str(s), {})
                }
                t0 = time.time()
                res["jobs"] = jobs_bench.run(
                    e,
                    networkx=not args.no_networkx,
                    nx_cap_s=args.nx_cap if scale == 1 else args.nx_cap_large,
                    nx_budget_s=args.nx_budget,
                    scale=scale,
                    earlier=earlier,
                    job_cap_s=args.job_cap,
                    only=args.jobs_large if scale > 1 else None,
                    progress=_say,
                    networkx_shared=networkx_once.setdefault(scale, {"engine": kind}),
                )
                res.setdefault("timeline", {})["jobs"] = [t0, t0 + res["jobs"]["suite_s"]]
                _say(f"  suite {res['jobs']['suite_s']} s")
                _checkpoint(combined, result, args, started)
            if "explorer" in args.only and scale == 1:
                _say("  explorer ...")
                res["explorer"] = explorer_bench.run(e)
                _checkpoint(combined, result, args, started)
            res["baseline_after"] = {"python_loop_ms": machine.python_loop_ms(), **machine.ping(e.graph)}
            if args.profile and scale == 1 and kind == "arcadedb":
                profile.keep_chunks(args.profile_dir / "engine-s1.jfr")
        if args.profile and scale == 1 and kind == "arcadedb":
            rec = args.profile_dir / "engine-s1.jfr"
            profile.assemble(rec)
            res["engine_profile_hot_methods"] = profile.hot_methods(rec)
            res["engine_profile"] = {
                part: profile.engine_operators(rec, window=(w[0], w[1]))
                for part, w in res.get("timeline", {}).items()
            }
            pyi = args.profile_dir / "loader-s1.txt"
            if pyi.exists():
                res["loader_profile"] = str(pyi.relative_to(ROOT))


def findings(result: dict[str, Any], args: argparse.Namespace) -> list[str]:
    """What dominates, for each missed target, from the measurements and profiles of this run."""
    out: list[str] = []
    one = result["scales"].get("1", {})
    missed = {t["target"] for t in result.get("targets", []) if t["met"] is False}
    ld = one.get("load")
    if ld and any(t.startswith("scale-1 load") for t in missed):
        steps: list[tuple[str, float]] = []
        for ph_name, ph in ld.get("phases", {}).items():
            if isinstance(ph, dict):
                steps += [(f"{ph_name}/{k}", v) for k, v in (ph.get("write_steps_s") or {}).items()]
                if "prepare_s" in ph:
                    steps.append((f"{ph_name}/prepare (read, validate, resolve in Python)", ph["prepare_s"]))
                if ph_name == "dimensions":
                    steps.append(("dimensions", ph["seconds"]))
        steps.sort(key=lambda kv: -kv[1])
        total = ld["seconds"] or 1
        top = "; ".join(f"{k} {v:.1f} s ({100 * v / total:.0f}%)" for k, v in steps[:5])
        cpu = ""
        if ld.get("loader_cpu_s") is not None:
            cpu = (
                f" CPU seconds during it: loader {ld['loader_cpu_s']}, engine {ld.get('engine_cpu_s')} "
                f"(wall {ld['seconds']}: the rest is waiting, for the other side or for a core)."
            )
        out.append(f"Scale-1 load {ld['seconds']} s, largest steps: {top}.{cpu}")
        hot = one.get("engine_profile_hot_methods")
        if hot and not one.get("engine_profile"):
            out.append(
                "Engine (JFR hot methods, whole scale-1 run): " + " | ".join(h.strip() for h in hot[:5])
            )
    js = one.get("jobs")
    if js and any("suite" in t for t in missed):
        totals = js.get("phases_s") or {}
        share = ", ".join(f"{k} {v:.0f} s ({100 * v / js['suite_s']:.0f}%)" for k, v in totals.items())
        slowest = sorted(
            ((n, j) for n, j in js["jobs"].items() if j.get("seconds")), key=lambda kv: -kv[1]["seconds"]
        )[:3]
        out.append(
            f"Job suite {js['suite_s']} s at scale 1 (networkit alone: {js.get('networkit_suite_s')} s): "
            f"{share}. Slowest: "
            + ", ".join(f"{n} {j['seconds']:.0f} s" for n, j in slowest)
            + ". Timed as users run it: `valuenet jobs run` in its own process, start to exit. Projection "
            "= fetching the graph into Python (once per run); write-back and publish = the one "
            "transaction that writes every job's run-keyed and public scores and marks the runs "
            "(Graph.publish_properties); bookkeeping = the rest (process start, run lock, JobRun records, "
            "top-k snapshots, version cleanup)."
        )
    prof = one.get("engine_profile") or {}
    source = one.get("engine_profile_source") or "JFR"
    for part, rows in prof.items():
        if rows:
            out.append(
                f"Engine CPU during {part} at scale 1 ({source}; share of samples with the class on the "
                "stack): " + ", ".join(f"{k} {p:.0f}%" for k, p in rows[:8]) + "."
            )
    mem = next((t for t in result.get("targets", []) if t["target"].startswith("engine resident")), None)
    if mem and mem["value"] is not None:
        given = (result.get("settings") or {}).get("heap")
        heap = one.get("heap") or result.get("engine_info", {}).get("heap")
        how = "set with --heap" if given else _default_memory(result.get("engine", ""))
        out.append(
            f"Engine memory {mem['value']:.0f} MB at scale 1 ({'met' if mem['met'] else 'missed'}; load peak "
            f"{(ld or {}).get('engine_peak_rss_mb')} MB, job suite peak "
            f"{(js or {}).get('engine_peak_rss_mb')} MB) with the JVM heap {heap}, {how}: the JVM grows "
            "into its heap, so the resident size is heap + JVM overhead rather than the graph's size. "
            + _ran_at_heap(one)
        )
    for sc in ("1", "10"):
        qs = result["scales"].get(sc, {}).get("questions", {})
        limit = 300 if sc == "1" else 1000
        slow = sorted(
            ((q, r["p95_ms"]) for q, r in qs.items() if r.get("p95_ms", 0) > limit), key=lambda kv: -kv[1]
        )
        if slow:
            out.append(
                f"Questions over {limit} ms p95 at scale {sc}: "
                + ", ".join(f"{q} {v:.0f} ms" for q, v in slow)
                + " (engine-side query time: the read-only RETURN 1 path costs "
                f"{result['scales'][sc].get('baseline', {}).get('return1_readonly_p50_ms')} ms)."
            )
    return out


def _default_memory(engine: str) -> str:
    """How the findings describe a local server's default memory (the benchmark, like users, runs valuenet's
    default unless --heap is given): the engine's own MemoryRules in valuenet/engines/."""
    if engine == "external":
        return "the external server's own"
    from valuenet.engines import engine_server

    rules = engine_server("neo4j" if engine == "neo4j" else "arcadedb").describe_memory()
    return f"valuenet's default, sized from the data ({rules})"


def _ran_at_heap(one: dict[str, Any]) -> str:
    """Whether every question and job of a scale ran at its heap (ArcadeDB gives each query a share of the
    heap as its buffer budget, so a smaller heap can refuse the largest)."""
    parts = []
    qs = one.get("questions") or {}
    if qs:
        failed = sorted(q for q, r in qs.items() if "error" in r)
        parts.append(
            f"{len(qs) - len(failed)} of {len(qs)} questions answered"
            + (f" (failed: {', '.join(failed)})" if failed else "")
        )
    jobs = (one.get("jobs") or {}).get("jobs") or {}
    if jobs:
        failed = sorted(j for j, r in jobs.items() if str(r.get("skipped") or "").startswith("failed"))
        parts.append(
            f"{len(jobs) - len(failed)} of {len(jobs)} jobs ran"
            + (f" (failed: {', '.join(failed)})" if failed else "")
        )
    return f"At this heap: {'; '.join(parts)}." if parts else "Questions and jobs not measured in this run."


def save(result: dict[str, Any], out_dir: Path) -> tuple[Path, Path]:
    out_dir.mkdir(parents=True, exist_ok=True)
    planned = (result.get("settings") or {}).get("engines") or list(result["engines"])
    stem = f"{result['date'][:10]}-{'+'.join(planned)}"  # the run's engines, also at a checkpoint
    js = out_dir / f"{stem}.json"
    md = out_dir / f"{stem}.md"
    js.write_text(json.dumps(result, ensure_ascii=False, indent=2, default=str) + "\n", encoding="utf-8")
    md.write_text(report.markdown(result), encoding="utf-8")
    return js, md


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    ap = argparse.ArgumentParser(prog="python -m bench", description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)  # fmt: skip
    ap.add_argument(
        "--engines",
        default=None,
        help=f"comma-separated engines, in this order (from {', '.join(ENGINES)}; default arcadedb,neo4j, "
        "or external when NEO4J_URI is set)",
    )
    ap.add_argument("--scales", default="1,10", help="comma-separated reference scales (default 1,10)")
    ap.add_argument("--scale100", action="store_true", help="also scale 100 (long; a large engine heap)")
    ap.add_argument("--only", default=",".join(PARTS), help=f"parts to run (default {','.join(PARTS)})")
    ap.add_argument("--runs", type=int, default=20, help="runs per question (default 20)")
    ap.add_argument("--nx-cap", type=float, default=600.0, help="stop a networkx call after this many s")
    ap.add_argument("--nx-cap-large", type=float, default=300.0, help="the same cap above scale 1")
    ap.add_argument(
        "--job-cap",
        type=float,
        default=600.0,
        help="above scale 1, do not run a job predicted (from the smaller scale) to take longer than this",
    )
    ap.add_argument(
        "--jobs-large",
        type=lambda v: [j for j in v.split(",") if j],
        default=None,
        help="comma-separated jobs to run above scale 1 (default: all, within --job-cap)",
    )
    ap.add_argument("--nx-budget", type=float, default=20.0, help="time for sampled networkx extrapolations")
    ap.add_argument("--no-networkx", action="store_true", help="skip the networkx comparison")
    ap.add_argument(
        "--heap",
        default=None,
        help="the local servers' JVM heap (default: valuenet's, sized from the data; after the load a "
        "server is started again when the loaded graph's default heap differs)",
    )
    ap.add_argument("--seed", type=int, default=42)
    ap.add_argument("--no-profile", dest="profile", action="store_false",
                    help="no JFR / pyinstrument profiles at scale 1")  # fmt: skip
    ap.add_argument("--neo4j-wipe", action="store_true", help="NEO4J_URI only: empty its database first")
    ap.add_argument("--out", type=Path, default=RESULTS)
    ap.add_argument(
        "--mapping",
        type=Path,
        action="append",
        help="load these mapping files instead of the generated reference tables (repeatable; a tiny "
        "graph for the harness's own test); reported as scale 1 with the mapping named",
    )
    ap.add_argument(
        "--readme", type=Path, default=None, help="only rewrite README's Performance section from this JSON"
    )
    ap.add_argument("--render", type=Path, default=None, help="only re-render a results JSON (+ .md)")
    ap.add_argument("--quick", action="store_true", help="scale 1, 3 question runs, short networkx budget")
    args = ap.parse_args(argv)
    args.scales = [int(s) for s in str(args.scales).split(",") if s.strip()]
    if args.scale100 and 100 not in args.scales:
        args.scales.append(100)
    if args.quick:
        args.scales, args.runs, args.nx_budget, args.nx_cap = [1], 3, 5.0, 120.0
    args.only = [p for p in str(args.only).split(",") if p]
    unknown = set(args.only) - set(PARTS)
    if unknown:
        ap.error(f"unknown parts {sorted(unknown)}; choose from {PARTS}")
    default_engines = "external" if os.environ.get("NEO4J_URI") else "arcadedb,neo4j"
    args.engines = [e for e in str(args.engines or default_engines).split(",") if e]
    unknown = set(args.engines) - set(ENGINES)
    if unknown or not args.engines:
        ap.error(f"unknown engines {sorted(unknown)}; choose from {ENGINES}")
    args.profile_dir = ROOT / "bench" / ".cache" / "profiles"
    return args


README_START = "<!-- make bench: from here to the end marker, `python -m bench --readme FILE` rewrites -->"
README_END = "<!-- end of make bench -->"


def update_readme(results_json: Path, readme: Path = ROOT / "README.md") -> None:
    """Replace the generated block of README's `## Performance` section (between README_START and
    README_END; the section is added before `## Contributing` if missing) with the tables of a results
    file. The rest of the section (measurements written by hand) and of the README stays."""
    result = report.combined(json.loads(results_json.read_text(encoding="utf-8")))
    md = results_json.with_suffix(".md")
    rel = str(md.relative_to(ROOT)) if md.is_relative_to(ROOT) else str(md)
    block = f"{README_START}\n\n{report.readme_section(result, rel)}\n{README_END}\n"
    text = readme.read_text(encoding="utf-8")
    if README_START in text and README_END in text:
        before, rest = text.split(README_START, 1)
        after = rest.split(README_END, 1)[1].lstrip("\n")
        readme.write_text(before + block + ("\n" + after if after else ""), encoding="utf-8")
        return
    lines = text.splitlines(keepends=True)
    at = next((i for i, line in enumerate(lines) if line.rstrip() == "## Contributing"), len(lines))
    lines[at:at] = ["## Performance\n\n", block, "\n"]
    readme.write_text("".join(lines), encoding="utf-8")


def _interrupt(signum: int, frame: Any) -> None:
    raise KeyboardInterrupt(f"signal {signum}")


def main(argv: list[str] | None = None) -> int:
    import signal

    # SIGTERM (and SIGINT, which a background shell ignores) stop the run through the context managers,
    # so the embedded server is always stopped and its temp folder removed.
    signal.signal(signal.SIGTERM, _interrupt)
    signal.signal(signal.SIGINT, _interrupt)
    args = parse_args(argv)
    if args.readme:
        update_readme(args.readme)
        print(f"README.md: Performance section from {args.readme}")
        return 0
    if args.render:  # targets, findings and the Markdown again from a results file (after report changes)
        result = report.combined(json.loads(args.render.read_text(encoding="utf-8")))
        args.mapping = result.get("settings", {}).get("mappings") or None
        for one in result["engines"].values():
            one["targets"] = [] if args.mapping else report.targets(one)
            one["findings"] = findings(one, args)
        js, md = save(result, args.render.parent)
        print(md.read_text(encoding="utf-8"))
        return 0
    result = run(args)
    js, md = save(result, args.out)
    print()
    print(md.read_text(encoding="utf-8"))
    print(f"saved {js.relative_to(ROOT) if js.is_relative_to(ROOT) else js} and {md.name}")
    return 0
