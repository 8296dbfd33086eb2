"""The machine a benchmark ran on, and same-run baselines that figures are divided by: a fixed pure-Python
loop (CPU noise of a shared machine) and a `RETURN 1` round-trip over Bolt (driver + engine overhead, both
plain and through the read-only path the questions use)."""

from __future__ import annotations

import importlib.metadata
import os
import platform
import statistics
import time
from pathlib import Path
from typing import Any

import psutil

from valuenet import queries
from valuenet.db import Graph


def _cpu_model() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or platform.machine()


def _version(package: str) -> str | None:
    try:
        return importlib.metadata.version(package)
    except importlib.metadata.PackageNotFoundError:
        return None


def describe() -> dict[str, Any]:
    load = os.getloadavg() if hasattr(os, "getloadavg") else None
    return {
        "cpu": _cpu_model(),
        "cores_logical": psutil.cpu_count(logical=True),
        "cores_physical": psutil.cpu_count(logical=False),
        "ram_gb": round(psutil.virtual_memory().total / 1024**3, 1),
        "os": f"{platform.system()} {platform.release()}",
        "python": platform.python_version(),
        "load_average_at_start": [round(x, 2) for x in load] if load else None,
        "packages": {
            p: _version(p)
            for p in ("arcadedb-embedded", "neo4j", "networkit", "networkx", "streamlit", "graphdatascience")
        },
    }


def python_loop_ms(repeats: int = 5) -> float:
    """Best-of-`repeats` time of a fixed pure-Python loop (2 million additions), in ms."""
    best = float("inf")
    for _ in range(repeats):
        t = time.perf_counter()
        total = 0
        for i in range(2_000_000):
            total += i
        best = min(best, time.perf_counter() - t)
    return round(best * 1000, 2)


def ping(graph: Graph, runs: int = 50) -> dict[str, float]:
    """Median and p95 of a `RETURN 1` round-trip: plain auto-commit and through `run_readonly`."""
    q = queries.text("bench/ping")
    graph.run(q)
    plain, readonly = [], []
    for _ in range(runs):
        t = time.perf_counter()
        graph.run(q)
        plain.append((time.perf_counter() - t) * 1000)
        t = time.perf_counter()
        graph.run_readonly(q)
        readonly.append((time.perf_counter() - t) * 1000)
    plain.sort()
    readonly.sort()
    return {
        "return1_p50_ms": round(statistics.median(plain), 2),
        "return1_p95_ms": round(plain[int(0.95 * (len(plain) - 1))], 2),
        "return1_readonly_p50_ms": round(statistics.median(readonly), 2),
        "return1_readonly_p95_ms": round(readonly[int(0.95 * (len(readonly) - 1))], 2),
    }
