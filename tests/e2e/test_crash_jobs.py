"""Job runs from the command line, one at a time: refused while another holds the run lock, two at once
take turns (each waits with --wait) and neither fails with a deadlock."""

from __future__ import annotations

import datetime as dt
import re
import subprocess
from collections.abc import Callable

import networkx as nx
import pytest

from gds_jobs.lock import run_lock
from tests.cli_support import VALUENET, cli_env, run_cli
from tests.jobs_fixtures import load_nx
from valuenet.config import Settings
from valuenet.db import Graph

JOBS = ["degree_tech", "pagerank"]


@pytest.fixture(scope="module")
def jobs_db(fresh_graph: Callable[..., Graph]) -> Graph:
    g = fresh_graph("jobs_turns")
    load_nx(g, nx.karate_club_graph())
    return g


def test_a_run_while_another_holds_the_lock_is_refused(engine_settings: Settings, jobs_db: Graph) -> None:
    with run_lock(jobs_db, "a run in another terminal"):
        res = run_cli(["jobs", "run", *JOBS], engine_settings, database=jobs_db.info.database)
    said = " ".join(res.stderr.split())
    assert res.returncode == 1, res.stderr
    assert "run of a run in another terminal in progress since" in said and "--wait" in said
    assert "Traceback" not in said


def test_two_runs_at_once_take_turns(engine_settings: Settings, jobs_db: Graph) -> None:
    """Both start while the test holds the lock, so both wait; released, they race for it: one runs,
    then the other. No run overlaps another, and all four succeed."""
    env = cli_env(engine_settings, jobs_db.info.database)
    before = {r["id"] for r in jobs_db.read("MATCH (r:JobRun) RETURN r.id AS id")}
    with run_lock(jobs_db, "the test"):
        procs = [
            subprocess.Popen(
                [*VALUENET, "jobs", "run", "--wait", "600", *JOBS],
                env=env,
                stdout=subprocess.PIPE,
                stderr=subprocess.PIPE,
                text=True,
            )
            for _ in range(2)
        ]
        for proc in procs:  # each says it waits before the test lets go
            assert proc.stderr is not None
            assert "waiting for the job run of the test" in proc.stderr.readline()
    outcomes = [proc.communicate(timeout=600) for proc in procs]
    assert [proc.returncode for proc in procs] == [0, 0], outcomes
    assert not any("Traceback" in err or "Deadlock" in err for _, err in outcomes)
    runs = jobs_db.read(
        "MATCH (r:JobRun) RETURN r.id AS id, r.status AS status, toString(r.started) AS started, "
        "toString(r.finished) AS finished ORDER BY started"
    )
    new = [r for r in runs if r["id"] not in before]
    assert [r["status"] for r in new] == ["succeeded"] * 4
    # each command's runs are published together; the second command's start after the first's end
    first, second = new[:2], new[2:]
    assert max(_instant(r["finished"]) for r in first) <= min(_instant(r["started"]) for r in second), new


def _instant(text: str) -> dt.datetime:
    """An engine datetime's text (`2026-12-01T14:02:43.390422798Z[Etc/UTC]`), to the microsecond."""
    m = re.match(r"(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d)(?:\.(\d+))?", text)
    assert m, text
    return dt.datetime.fromisoformat(m[1]) + dt.timedelta(microseconds=int((m[2] or "0")[:6].ljust(6, "0")))
