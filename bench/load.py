"""Load benchmark: the reference graph from its generated tables, as a user loads it.

Tables are generated once per (scale, seed) into a cache folder (generation is not timed as load). The load
itself runs in a separate process (`python -m bench.load`), so its peak memory is the loader's alone:
reference dimensions, then the observed mapping, then the synthetic mapping, each through
`loader.load_mapping` exactly as `valuenet load` calls it. The parent samples the resident memory of the
loader and the engine process in a thread while it runs.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

from bench.engine import Engine
from bench.memory import MB, PeakSampler, cpu_s, reset_hwm, vm_hwm

ROOT = Path(__file__).resolve().parent.parent
CACHE = ROOT / "bench" / ".cache"
MAPPINGS = ("observed", "synthetic")


def generator_version() -> str:
    """A short hash of the reference generator's code and data, so cached tables follow its changes."""
    import hashlib

    base = ROOT / "loader" / "reference"
    h = hashlib.sha256()
    for p in sorted([*base.glob("*.py"), *base.rglob("data/*")]):
        if p.is_file():
            h.update(p.name.encode())
            h.update(p.read_bytes())
    return h.hexdigest()[:10]


def tables(scale: int, seed: int = 42, cache: Path = CACHE) -> tuple[Path, dict[str, Any]]:
    """The reference tables for (scale, seed) and the current generator, generated on first use; returns
    the folder and its manifest."""
    out = cache / f"reference-s{scale}-seed{seed}-{generator_version()}"
    manifest = out / "MANIFEST.json"
    if manifest.exists():
        data: dict[str, Any] = json.loads(manifest.read_text(encoding="utf-8"))
        data.setdefault("generate_s", None)
        return out, data
    from loader.reference import generate
    from loader.reference import input_tables as ref_tables

    started = time.perf_counter()
    ds = generate.build(scale, seed)
    built = ref_tables.write(ds, out, scale=scale, seed=seed)
    built["generate_s"] = round(time.perf_counter() - started, 2)
    return out, built


def reference_mappings(folder: Path) -> list[Path]:
    """The reference dataset's mappings, in load order (observed layer first)."""
    return [folder / name / "mapping.yaml" for name in MAPPINGS]


def run(engine: Engine, mappings: list[Path], *, pyinstrument_to: Path | None = None) -> dict[str, Any]:
    """Load the reference dimensions and then `mappings` into the engine; timings, rates and peaks."""
    CACHE.mkdir(parents=True, exist_ok=True)
    result_path = CACHE / f".load-{os.getpid()}.json"
    cmd = [sys.executable, "-m", "bench.load", "--out", str(result_path), *map(str, mappings)]
    env = {**engine.env(), "BENCH_URI": engine.info.uri, "BENCH_USER": engine.info.username}
    env["BENCH_PASSWORD"] = engine.info.password  # not on the command line
    env["BENCH_DATABASE"] = engine.info.database or ""
    env["BENCH_HTTP_URL"] = engine.info.http_url or ""  # the embedded engine's bulk paths, as `valuenet load`
    env["BENCH_ENGINE_PID"] = str(engine.pid or "")  # each phase's engine CPU seconds
    if pyinstrument_to is not None:
        pyinstrument_to.parent.mkdir(parents=True, exist_ok=True)
        env["BENCH_PYINSTRUMENT"] = str(pyinstrument_to)
    if engine.pid:
        reset_hwm(engine.pid)
    before = engine.graph.counts()
    engine_cpu0 = cpu_s(engine.pid)
    started = time.perf_counter()
    with PeakSampler({"engine": engine.pid}) as mem:
        proc = subprocess.Popen(cmd, cwd=ROOT, env=env)
        mem.watch("loader", proc.pid)
        rc = proc.wait()
    wall = time.perf_counter() - started
    engine_cpu1 = cpu_s(engine.pid)
    if rc != 0:
        raise RuntimeError(f"the load process failed (exit code {rc}); see its output above")
    worker: dict[str, Any] = json.loads(result_path.read_text(encoding="utf-8"))
    result_path.unlink(missing_ok=True)
    nodes, rels = engine.graph.counts()
    dn, dr = nodes - before[0], rels - before[1]
    load_s = float(worker["load_s"])
    peaks = mem.peak_mb
    engine_hwm = vm_hwm(engine.pid) if engine.pid else None
    return {
        "seconds": round(load_s, 2),
        "wall_s": round(wall, 2),  # including the loader process's start-up and imports
        "nodes": dn,
        "relationships": dr,
        "nodes_per_s": round(dn / load_s, 1) if load_s else None,
        "relationships_per_s": round(dr / load_s, 1) if load_s else None,
        "engine_peak_rss_mb": peaks.get("engine"),
        "engine_vmhwm_mb": round(engine_hwm / MB, 1) if engine_hwm else None,
        "loader_peak_rss_mb": max(peaks.get("loader", 0.0), float(worker.get("maxrss_mb") or 0.0)),
        # CPU seconds: what the load costs whatever else the machine runs (wall time stretches under load)
        "engine_cpu_s": None
        if engine_cpu0 is None or engine_cpu1 is None
        else round(engine_cpu1 - engine_cpu0, 1),
        "loader_cpu_s": worker.get("cpu_s"),
        "phases": worker["phases"],
        "rows_rejected": worker["rows_rejected"],
    }


# -- the loader process -------------------------------------------------------------------------------------
class _CpuClock:
    """CPU seconds of the engine and of this process since the last lap: what a phase costs whatever else
    the machine runs (its wall time stretches under load)."""

    def __init__(self, engine_pid: int | None) -> None:
        self._pid = engine_pid
        self._last = self._now()

    def _now(self) -> tuple[float | None, float]:
        usage = resource.getrusage(resource.RUSAGE_SELF)
        return cpu_s(self._pid), usage.ru_utime + usage.ru_stime

    def lap(self) -> dict[str, float | None]:
        (engine0, loader0), (engine1, loader1) = self._last, self._now()
        self._last = (engine1, loader1)
        engine = None if engine0 is None or engine1 is None else round(engine1 - engine0, 2)
        return {"engine_cpu_s": engine, "loader_cpu_s": round(loader1 - loader0, 2)}


def _main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="bench.load", description="load the reference tables (worker)")
    ap.add_argument("--out", type=Path, required=True)
    ap.add_argument("mappings", type=Path, nargs="+", help="mapping files, loaded in this order")
    args = ap.parse_args(argv)
    started = time.perf_counter()
    from loader import load_mapping
    from loader.dimensions import load_dimensions
    from valuenet import aggregates
    from valuenet.config import MAX_QUERY_TIMEOUT_S, ConnectionInfo
    from valuenet.db import Graph

    imports_s = time.perf_counter() - started
    info = ConnectionInfo(
        os.environ["BENCH_URI"],
        os.environ["BENCH_USER"],
        os.environ["BENCH_PASSWORD"],
        os.environ.get("BENCH_DATABASE") or None,
        embedded="VALUENET_HOME" in os.environ,
        http_url=os.environ.get("BENCH_HTTP_URL") or None,
    )
    phases: dict[str, Any] = {"imports_s": round(imports_s, 2)}
    engine_pid = int(os.environ.get("BENCH_ENGINE_PID") or 0) or None
    rejected = 0
    profile_to = os.environ.get("BENCH_PYINSTRUMENT")
    profiler: Any = None
    if profile_to:
        from pyinstrument import Profiler

        profiler = Profiler(interval=0.005)
        profiler.start()
    with Graph(info, query_timeout=MAX_QUERY_TIMEOUT_S) as g:
        started = time.perf_counter()
        t = time.perf_counter()
        clock = _CpuClock(engine_pid)
        dims = load_dimensions(g)
        phases["dimensions"] = {
            "seconds": round(time.perf_counter() - t, 2),
            "nodes": dims.nodes_created,
            **clock.lap(),
        }
        for path in args.mappings:
            name = path.parent.name if path.name == "mapping.yaml" else path.stem
            t = time.perf_counter()
            rep = load_mapping(
                g,
                path,
                allow_rejects=True,
                rejects_path=args.out.parent / f"rejects-{name}.csv",
            )
            total = time.perf_counter() - t
            rejected += rep.rows_rejected
            phases[name] = {
                "seconds": round(total, 2),
                "prepare_s": round(total - rep.write_s, 2),
                "write_s": round(rep.write_s, 2),
                "rows_read": rep.rows_read,
                "nodes_written": rep.nodes_written,
                "relationships_written": rep.relationships_written,
                "transactions": rep.transactions,
                "write_steps_s": {k: round(v, 2) for k, v in rep.timings.items()},
                **clock.lap(),
            }
        t = time.perf_counter()
        refreshed = aggregates.refresh(g, stale_only=True)  # as `valuenet load` does after writing
        phases["aggregates"] = {
            "seconds": round(time.perf_counter() - t, 2),
            "write_steps_s": {f"refresh {name}": round(s, 2) for name, s in refreshed.items()},
            **clock.lap(),
        }
        load_s = time.perf_counter() - started
    if profiler is not None:
        profiler.stop()
        Path(str(profile_to)).write_text(profiler.output_text(unicode=True, show_all=False), encoding="utf-8")
    usage = resource.getrusage(resource.RUSAGE_SELF)
    maxrss_mb = usage.ru_maxrss / 1024  # KiB on Linux
    args.out.write_text(
        json.dumps(
            {
                "load_s": load_s,
                "phases": phases,
                "rows_rejected": rejected,
                "maxrss_mb": maxrss_mb,
                "cpu_s": round(usage.ru_utime + usage.ru_stime, 1),
            }
        ),
        encoding="utf-8",
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(_main())
