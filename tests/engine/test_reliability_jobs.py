"""One job run at a time (the run lock in the graph, gds_jobs/lock.py), a stale lock after kill -9
cleared, transient conflicts retried a bounded number of times."""

from __future__ import annotations

import os
import signal
import threading
from collections.abc import Callable, Iterator

import pytest

from gds_jobs import catalogue, lock
from gds_jobs.algorithms.base import Params, ProgressFn, Result
from gds_jobs.catalogue import Job
from gds_jobs.local import LocalBackend
from gds_jobs.runner import JobFailedError, read_scores, run_job
from tests.jobs_fixtures import load_orgs, load_rels, script_on
from valuenet import server
from valuenet.config import Settings
from valuenet.db import Graph, TransientError


@pytest.fixture(scope="module")
def jobs_graph(fresh_graph: Callable[..., Graph]) -> Graph:
    g = fresh_graph("runlock")
    load_orgs(g, ["S1", "S2", "R1", "R2"], samples=["S1", "S2"])
    load_rels(g, "EMPOWERS", [("R1", "S1"), ("R2", "S1"), ("S1", "S2")])
    return g


@pytest.fixture
def free_lock(jobs_graph: Graph) -> Iterator[Graph]:
    """The lock is free before and after each test."""
    jobs_graph.write("MATCH (l:JobLock) DELETE l")
    yield jobs_graph
    jobs_graph.write("MATCH (l:JobLock) DELETE l")


def test_a_second_run_is_refused_with_who_and_since_when(free_lock: Graph) -> None:
    with lock.run_lock(free_lock, "degree_tech, pagerank"):
        refused = pytest.raises(
            lock.RunInProgressError, match="run of degree_tech, pagerank in progress since"
        )
        with refused, lock.run_lock(free_lock, "louvain"):
            pass
        held = lock.holder(free_lock)
        assert held is not None and held.pid == os.getpid()
    assert lock.holder(free_lock) is None
    with lock.run_lock(free_lock, "louvain"):  # free again
        assert lock.holder(free_lock) is not None


def test_a_waiting_run_starts_when_the_first_ends(free_lock: Graph) -> None:
    first_holds, release = threading.Event(), threading.Event()
    order: list[str] = []

    def first() -> None:
        with lock.run_lock(free_lock, "first"):
            first_holds.set()
            release.wait(60)
            order.append("first ends")

    t = threading.Thread(target=first)
    t.start()
    assert first_holds.wait(60)
    told: list[str] = []
    threading.Timer(1.0, release.set).start()
    with lock.run_lock(free_lock, "second", wait_s=120, notice=told.append):
        order.append("second starts")
    t.join()
    assert order == ["first ends", "second starts"]
    assert told and "waiting for the job run of first" in told[0]


HOLDER = """
import sys, time
from valuenet.config import ConnectionInfo
from valuenet.db import Graph
from gds_jobs.lock import run_lock
uri, user, password, database = sys.argv[1:5]
with Graph(ConnectionInfo(uri, user, password, database, True)) as g, run_lock(g, "killed run"):
    print("holding", flush=True)
    time.sleep(600)
"""


def test_a_lock_left_by_kill_9_is_taken_over(free_lock: Graph, engine_settings: Settings) -> None:
    st = server.status(engine_settings)
    proc = script_on(free_lock, HOLDER)
    try:
        assert proc.stdout is not None and proc.stdout.readline().strip() == "holding"
        held = lock.holder(free_lock)
        assert held is not None and held.pid == proc.pid and held.stale_because() is None
        with pytest.raises(lock.RunInProgressError), lock.run_lock(free_lock, "too early"):  # alive
            pass
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait(60)
        told: list[str] = []
        with lock.run_lock(free_lock, "after the crash", notice=told.append):
            assert lock.holder(free_lock).what == "after the crash"  # type: ignore[union-attr]
        assert told and "died" in told[0] and f"pid {proc.pid}" in told[0]
    finally:
        proc.kill()
        proc.wait(60)
    assert st.running


def test_a_holder_elsewhere_is_stale_only_when_its_heartbeat_stops(free_lock: Graph) -> None:
    free_lock.write(
        "CREATE (:JobLock {name: 'jobs', owner: 'far', what: 'remote run', pid: 1, host: 'elsewhere', "
        "process_started: 0.0, started: '2026-01-01T00:00:00Z', heartbeat: timestamp()})"
    )
    with (
        pytest.raises(lock.RunInProgressError, match="remote run in progress"),
        lock.run_lock(free_lock, "x"),
    ):
        pass
    silent_ms = int((lock.STALE_AFTER_S + 60) * 1000)
    free_lock.write("MATCH (l:JobLock) SET l.heartbeat = timestamp() - $ms", {"ms": silent_ms})
    told: list[str] = []
    with lock.run_lock(free_lock, "local", notice=told.append):
        pass
    assert told and "no heartbeat for" in told[0]


class Flaky:
    """The local backend, failing its first `failures` executions with a transient engine error."""

    name = "local"

    def __init__(self, graph: Graph, failures: int) -> None:
        self.inner = LocalBackend(graph)
        self.focal = self.inner.focal
        self.failures = failures
        self.calls = 0

    def engine_note(self) -> str:
        return self.inner.engine_note()

    def execute(self, job: Job, params: Params, staged: str | None, progress: ProgressFn) -> Result:
        self.calls += 1
        if self.calls <= self.failures:
            raise TransientError("ConcurrentModificationException: injected")
        return self.inner.execute(job, params, staged, progress)


def test_transient_conflicts_are_retried_a_bounded_number_of_times(jobs_graph: Graph) -> None:
    job = catalogue.get("degree_tech")
    once = Flaky(jobs_graph, failures=1)
    rec = run_job(jobs_graph, job, backend=once)
    assert rec.status == "succeeded" and rec.facts["transient_retries"] == 1 and once.calls == 2
    assert read_scores(jobs_graph, "degree_tech")[0] == rec.id
    always = Flaky(jobs_graph, failures=100)
    with pytest.raises(JobFailedError, match="injected") as failed:
        run_job(jobs_graph, job, backend=always)
    assert always.calls == 3 and failed.value.run.status == "failed"
    assert read_scores(jobs_graph, "degree_tech")[0] == rec.id  # the failed run published nothing
