"""Crash safety: `valuenet load` killed with SIGKILL mid-load, then rerun, yields exactly the clean graph."""

from __future__ import annotations

import os
import signal
import subprocess
import time
from pathlib import Path
from typing import Any

import pytest

from loader import load_mapping
from loader.dimensions import load_dimensions
from tests.loader_support import cli_env, dump, valuenet_cmd, write_big_input
from valuenet import aggregates
from valuenet.config import Settings
from valuenet.db import Graph
from valuenet.model import MODEL

pytestmark = pytest.mark.slow


def test_killed_load_plus_rerun_equals_clean_load(
    fresh_graph: Any, engine_settings: Settings, tmp_path: Path
) -> None:
    mapping = write_big_input(tmp_path / "big", n_samples=3000, n_rels=15000)

    clean: Graph = fresh_graph("clean")
    load_dimensions(clean)
    report = load_mapping(clean, mapping)
    assert report.ok and report.rows_read == 18000
    expected = dump(clean)

    g: Graph = fresh_graph("killed")
    load_dimensions(g)
    base_nodes, base_rels = g.counts()
    env = cli_env(engine_settings.home, g.info.database)
    cmd = valuenet_cmd("load", str(mapping), "--batch-size", "500")
    proc = subprocess.Popen(cmd, env=env, cwd=tmp_path, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    # Kill it once some of the relationships (written after all nodes) are in, well before the end.
    target = base_rels + (len(expected["rels"]) - base_rels) // 4
    deadline = time.monotonic() + 300
    while time.monotonic() < deadline and proc.poll() is None:
        if g.counts()[1] >= target:
            break
        time.sleep(0.1)
    assert proc.poll() is None, "the load finished before it could be killed: make the input larger"
    os.kill(proc.pid, signal.SIGKILL)
    assert proc.wait(timeout=30) == -signal.SIGKILL
    partial = g.counts()
    assert partial[0] > base_nodes and base_rels < partial[1] < len(expected["rels"]), partial

    rerun = subprocess.run(cmd, env=env, cwd=tmp_path, capture_output=True, text=True, timeout=600)
    assert rerun.returncode == 0, rerun.stderr
    assert dump(g) == expected
    # the killed load had marked the aggregates stale; the rerun that finished recomputed them
    assert all(aggregates.freshness(g, name).fresh for name in MODEL.aggregates)
