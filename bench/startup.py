"""How long the `valuenet` command takes to start: `valuenet --help` and `valuenet cypher "RETURN 1"` as a
user runs them (the installed console script, a new process each time), whole process, wall and CPU.

Wall time is what a user waits; CPU time (user + system of the finished child) says how much of it was the
command's own work, so a busy shared machine shows as wall far above CPU.
"""

from __future__ import annotations

import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from bench.engine import Engine

# The goals of issue 11 (seconds of wall time on a quiet machine).
GOALS = {"help": 0.5, "cypher_return1": 1.0}
COMMANDS = {"help": ["--help"], "cypher_return1": ["cypher", "RETURN 1"]}
VALUENET = Path(sys.executable).with_name("valuenet")


def _timed(argv: list[str], env: dict[str, str], cwd: Path) -> tuple[float, float, int]:
    """Wall seconds, CPU seconds and exit code of one run."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    res = subprocess.run(argv, env=env, cwd=cwd, capture_output=True, timeout=300, check=False)
    wall = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, cpu, res.returncode


def run(engine: Engine, runs: int = 7) -> dict[str, Any]:
    """Median, min and max of `runs` timed starts of each command, after one warm-up start (not counted)."""
    out: dict[str, Any] = {"runs": runs, "load_average_at_start": [round(x, 2) for x in os.getloadavg()]}
    with tempfile.TemporaryDirectory(prefix="valuenet-startup-") as tmp:  # no .env of the checkout here
        for name, args in COMMANDS.items():
            argv = [str(VALUENET), *args]
            _timed(argv, engine.env(), Path(tmp))
            walls, cpus, codes = [], [], set()
            for _ in range(runs):
                wall, cpu, code = _timed(argv, engine.env(), Path(tmp))
                walls.append(wall)
                cpus.append(cpu)
                codes.add(code)
            out[name] = {
                "command": command_line(name),
                "wall_median_s": round(statistics.median(walls), 3),
                "wall_min_s": round(min(walls), 3),
                "wall_max_s": round(max(walls), 3),
                "cpu_median_s": round(statistics.median(cpus), 3),
                "goal_s": GOALS[name],
                "exit_codes": sorted(codes),
            }
    return out


def command_line(name: str) -> str:
    return "valuenet " + " ".join(f'"{a}"' if " " in a else a for a in COMMANDS[name])


def met(entry: dict[str, Any]) -> bool:
    """Within the goal, and every run exited 0 (a fast failure is not a start)."""
    return bool(entry["wall_median_s"] <= entry["goal_s"] and entry["exit_codes"] == [0])
