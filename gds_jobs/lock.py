"""One job run at a time: a lock kept in the graph, `(:JobLock {name: 'jobs'})`.

Whoever runs jobs (`valuenet jobs run`, each fire of `valuenet jobs schedule`) holds it for the whole
command; a second one waits up to `wait_s`, else is refused with who holds it and since when. Two runs at
once would write the same properties concurrently (the engines then fail one with a deadlock or
concurrent-modification error) and publish in an order nobody chose.

The holder records its owner token, what it runs, its pid, the pid's start time and host, and a heartbeat
(the engine's clock, every HEARTBEAT_S). A holder is stale, and its lock is taken over, when it is on
this host and its process is gone (a kill -9: found at once), or when its heartbeat is older than
STALE_AFTER_S (a process on another host, or a frozen one). Claim and take-over are one compare-and-set
transaction (`cypher/jobs/lock_claim.cypher`), so two claimants never both win. Once held on an engine
with GDS, the projections of runs that died (a kill -9 leaves them in GDS's catalogue) are dropped.
"""

from __future__ import annotations

import contextlib
import socket
import threading
import time
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

import psutil

from gds_jobs.runner import abandon_running
from valuenet import queries
from valuenet.db import CONNECTION_ERRORS, DriverError, Graph, Neo4jError, TransientError

LOCK_NAME = "jobs"
HEARTBEAT_S = 10.0
STALE_AFTER_S = 120.0  # twelve missed heartbeats: a live holder under heavy load still beats in time
POLL_S = 2.0  # how often a waiting run looks at the lock again


class RunInProgressError(RuntimeError):
    """Another job run holds the lock (the message says which and since when)."""


@dataclass(frozen=True)
class Holder:
    owner: str
    what: str
    pid: int
    host: str
    process_started: float
    started: str
    silent_s: float

    @classmethod
    def from_row(cls, row: dict[str, Any]) -> Holder:
        return cls(
            owner=str(row["owner"]),
            what=str(row["what"] or "jobs"),
            pid=int(row["pid"] or 0),
            host=str(row["host"] or ""),
            process_started=float(row["process_started"] or 0.0),
            started=str(row["started"] or "?"),
            silent_s=float(row["silent_ms"] or 0) / 1000,
        )

    def stale_because(self) -> str | None:
        """Why this holder is gone, or None when it may still be running."""
        if self.host == socket.gethostname() and not _alive(self.pid, self.process_started):
            return f"its process (pid {self.pid} on {self.host}) is gone"
        if self.silent_s > STALE_AFTER_S:
            return f"no heartbeat for {self.silent_s:.0f} s"
        return None

    def describe(self) -> str:
        return f"run of {self.what} in progress since {self.started} (pid {self.pid} on {self.host})"


def _alive(pid: int, started: float) -> bool:
    """The process `pid` runs and is the one that took the lock (not a later process given its pid)."""
    try:
        return abs(psutil.Process(pid).create_time() - started) < 1.0
    except psutil.Error:
        return False


def holder(graph: Graph) -> Holder | None:
    rows = graph.read(queries.text("jobs/lock_holder"), {"name": LOCK_NAME})
    return Holder.from_row(rows[0]) if rows else None


CLAIM_ATTEMPTS = 5  # concurrent claims conflict on the engine; each retry reads the winner


def _claim(graph: Graph, owner: str, what: str, expected: str | None) -> bool:
    me = psutil.Process()
    params = {
        "name": LOCK_NAME,
        "owner": owner,
        "expected": expected,
        "holder": {
            "what": what,
            "pid": me.pid,
            "host": socket.gethostname(),
            "process_started": me.create_time(),
        },
    }
    for attempt in range(CLAIM_ATTEMPTS):
        try:
            rows = graph.run(queries.text("jobs/lock_claim"), params)
        except TransientError:
            if attempt == CLAIM_ATTEMPTS - 1:
                raise
            time.sleep(0.2 * (attempt + 1))
            continue
        return bool(rows) and rows[0]["owner"] == owner
    return False


@contextmanager
def run_lock(
    graph: Graph, what: str, *, wait_s: float = 0.0, notice: Callable[[str], None] | None = None
) -> Iterator[str]:
    """Hold the job run lock while the block runs; yields the owner token. Raises RunInProgressError when
    another live run holds it for longer than `wait_s`. `notice(text)` is told of waits and take-overs."""
    say: Callable[[str], None] = notice or (lambda text: None)
    owner = uuid.uuid4().hex
    deadline = time.monotonic() + wait_s
    told_wait = False
    while True:
        if _claim(graph, owner, what, None):
            break
        current = holder(graph)
        if current is None:  # released between the claim and the look
            continue
        reason = current.stale_because()
        if reason:
            if _claim(graph, owner, what, current.owner):
                say(f"took over the job run lock of a run that died ({reason}): {current.describe()}")
                abandoned = abandon_running(graph, f"abandoned: the process running it died ({reason})")
                if abandoned:
                    say(f"recorded its unfinished run(s) {', '.join(abandoned)} as failed")
                break
            continue
        if time.monotonic() >= deadline:
            hint = "; wait for it, or pass --wait SECONDS" if wait_s == 0 else f" after waiting {wait_s:g} s"
            raise RunInProgressError(f"another job {current.describe()}{hint}")
        if not told_wait:
            say(f"waiting for the job {current.describe()}")
            told_wait = True
        time.sleep(min(POLL_S, max(0.0, deadline - time.monotonic())))
    if graph.engine().has_gds:  # no run holds the lock now: what a killed run left in GDS can go
        from gds_jobs.gds_backend import drop_stale_projections

        dropped = drop_stale_projections(graph)
        if dropped:
            say(f"dropped the GDS projection(s) left by runs that did not finish: {', '.join(dropped)}")
    stop = threading.Event()
    beat = threading.Thread(
        target=_heartbeat, args=(graph, owner, stop), name="valuenet-job-lock", daemon=True
    )
    beat.start()
    engine_gone = False
    try:
        yield owner
    except CONNECTION_ERRORS:
        engine_gone = True
        raise
    finally:
        stop.set()
        beat.join()
        if not engine_gone:  # else, as when this release fails, the next run takes the lock over as stale
            with contextlib.suppress(Neo4jError, DriverError):
                graph.write(queries.text("jobs/lock_release"), {"name": LOCK_NAME, "owner": owner})


def _heartbeat(graph: Graph, owner: str, stop: threading.Event) -> None:
    while not stop.wait(HEARTBEAT_S):
        try:
            graph.write(queries.text("jobs/lock_heartbeat"), {"name": LOCK_NAME, "owner": owner})
        except Exception:  # a missed beat is not an error: the run itself reports a lost engine
            continue
