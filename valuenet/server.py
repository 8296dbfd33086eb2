"""The local server of `valuenet server start|stop|status`, whichever engine it runs (valuenet/engines/).

`start()` launches the engine's server process detached in the background, bound to 127.0.0.1, and waits
until the database answers over Bolt. The engine is `VALUENET_ENGINE` (or `start(engine=...)`): ArcadeDB by
default, or Neo4j + GDS assembled from Maven Central. State lives in the state folder (`VALUENET_HOME`):

    server.json        engine, uri, database, users, ports, pid, start time: what clients connect with
                       (mode 0600; valuenet/config.py reads it)
    server.pid         the server process id
    logs/server.log    the server process's output
    ...                the engine's own files (credentials, data): see valuenet/engines/arcadedb.py, neo4j.py
"""

from __future__ import annotations

import contextlib
import copy
import json
import os
import socket
import subprocess
import time
from dataclasses import dataclass
from typing import Any

import psutil

from valuenet.config import ConnectionInfo, Settings
from valuenet.engines import (
    EngineServer,
    Paths,
    ServerError,
    all_engine_servers,
    engine_server,
    log_tail,
    machine_memory,
    write_private,
)

__all__ = [
    "Paths",
    "ServerError",
    "Status",
    "create_database",
    "drop_database",
    "start",
    "start_note",
    "status",
    "stop",
]


@dataclass(frozen=True)
class Status:
    running: bool
    pid: int | None
    uri: str | None
    database: str | None
    username: str | None
    password: str | None
    started_at: float | None
    message: str
    reader: tuple[str, str] | None = None
    engine: str | None = None  # what runs, e.g. "Neo4j 5.26.24 Community + GDS 2.13.9 + APOC 5.26.19"
    http_port: int | None = None

    @property
    def uptime_s(self) -> float | None:
        return time.time() - self.started_at if self.running and self.started_at else None

    def connection(self, database: str | None = None) -> ConnectionInfo:
        """How to connect to this running server (to `database`, default its own)."""
        if not (self.running and self.uri and self.username and self.password):
            raise ServerError(f"the embedded server is {self.message}")
        return ConnectionInfo(
            self.uri,
            self.username,
            self.password,
            database or self.database,
            True,
            self.reader,
            http_url=f"http://127.0.0.1:{self.http_port}" if self.http_port else None,
        )


def _read_pid(paths: Paths) -> int | None:
    try:
        return int(paths.pid.read_text().strip())
    except (FileNotFoundError, ValueError):
        return None


def _is_our_server(pid: int, paths: Paths) -> bool:
    """True if `pid` is alive and is this state folder's server, of any engine (not a recycled pid)."""
    try:
        proc = psutil.Process(pid)
        if proc.status() == psutil.STATUS_ZOMBIE:
            return False
        cmdline = proc.cmdline()
    except (psutil.NoSuchProcess, psutil.AccessDenied):
        return False
    return any(engine.is_server_process(cmdline, paths) for engine in all_engine_servers())


def _port_owner(port: int) -> str | None:
    """Describe who listens on 127.0.0.1:port, or None if the port is free."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            s.bind(("127.0.0.1", port))
            return None
        except OSError:
            pass
    with contextlib.suppress(psutil.AccessDenied, psutil.NoSuchProcess, PermissionError):
        for conn in psutil.net_connections(kind="tcp"):
            if conn.laddr and conn.laddr.port == port and conn.status == psutil.CONN_LISTEN and conn.pid:
                proc = psutil.Process(conn.pid)
                return f"pid {conn.pid} ({' '.join(proc.cmdline())[:120]})"
    return "another process"


def _bolt_answers(uri: str, user: str, password: str, database: str) -> bool:
    from valuenet import queries
    from valuenet.db import DriverError, Graph, Neo4jError

    try:
        with Graph(ConnectionInfo(uri, user, password, database, embedded=True)) as g:
            return bool(g.run(queries.text("engine/ping"))[0]["ok"] == 1)
    except (Neo4jError, DriverError, OSError):
        return False


def _running_engine(paths: Paths) -> str | None:
    """The engine recorded in server.json by the last successful start."""
    if not paths.state.exists():
        return None
    return str(json.loads(paths.state.read_text(encoding="utf-8")).get("engine_id") or "") or None


def status(settings: Settings | None = None) -> Status:
    s = settings or Settings()
    paths = Paths(s.home)
    pid = _read_pid(paths)
    state: dict[str, Any] = {}
    if paths.state.exists():
        state = json.loads(paths.state.read_text(encoding="utf-8"))
    if pid is None:
        return Status(False, None, None, None, None, None, None, f"not running (no server in {paths.home})")
    if not _is_our_server(pid, paths):
        return Status(
            False,
            pid,
            None,
            None,
            None,
            None,
            None,
            f"not running: the server (pid {pid}) has died; its pid file is stale. "
            f"See {paths.log} and run `valuenet server start`.",
        )
    reader = (state["reader_username"], state["reader_password"]) if "reader_username" in state else None
    return Status(
        True,
        pid,
        state.get("uri"),
        state.get("database"),
        state.get("username"),
        state.get("password"),
        state.get("started_at"),
        "running",
        reader,
        state.get("engine"),
        state.get("http_port"),
    )


def start_note(engine: str) -> str:
    """What `valuenet server start` shows while it waits."""
    if engine == "neo4j":
        return (
            "starting Neo4j + GDS (the first start assembles it from Maven Central and takes a few minutes; "
            "later starts ~20 s) ..."
        )
    return "starting the embedded ArcadeDB Bolt server (first start takes ~10 s) ..."


def start(
    settings: Settings | None = None, *, engine: str | None = None, wait_s: float | None = None
) -> Status:
    """Start the background server (no-op if already running). Returns its status; raises ServerError.

    `engine` overrides VALUENET_ENGINE; `wait_s` the engine's own start-up timeout."""
    s = settings or Settings()
    chosen = engine_server(engine or s.valuenet_engine)
    paths = Paths(s.home)
    paths.logs.mkdir(parents=True, exist_ok=True)
    current = status(s)
    if current.running:
        running = _running_engine(paths)
        if running and running != chosen.name:
            raise ServerError(
                f"Cannot start {chosen.name}: the {running} server already runs in {paths.home} "
                f"(pid {current.pid}). Stop it first with `valuenet server stop`."
            )
        return Status(
            **{**current.__dict__, "message": f"already running (pid {current.pid}) at {current.uri}"}
        )
    notes: list[str] = []
    # A server killed with -9 may still be tearing down (a JVM unmapping its heap, seconds under load)
    # and holding its ports: give a died server's ports time to come free before calling them taken.
    release_deadline = time.time() + (60.0 if current.pid is not None else 0.0)
    if current.pid is not None:
        notes.append(f"cleaned up after a server that died (stale pid {current.pid})")
        paths.pid.unlink(missing_ok=True)
        paths.state.unlink(missing_ok=True)
    for what, port in chosen.ports(s):
        owner = _port_owner(port)
        while owner and time.time() < release_deadline:
            time.sleep(0.5)
            owner = _port_owner(port)
        if owner:
            raise ServerError(
                f"Cannot start: {what} port 127.0.0.1:{port} is already in use by {owner}.\n"
                f"Stop that process, or choose another port with VALUENET_{what.upper()}_PORT=<port>."
            )
    database = chosen.database(s)
    creds = chosen.credentials(paths)
    heap_note = f"heap {s.valuenet_heap}"
    if not s.valuenet_heap:
        s = copy.copy(s)
        s.valuenet_heap = chosen.default_heap(paths, machine_memory())
        heap_note = f"heap {s.valuenet_heap}, sized from the data (VALUENET_HEAP chooses another)"
    launch = chosen.prepare(s, paths, creds.root[1])
    with open(paths.log, "ab") as log:
        proc = subprocess.Popen(
            launch.argv,
            cwd=paths.logs,
            env={**os.environ, **launch.env},
            stdin=subprocess.DEVNULL,
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,  # survives the shell that started it; stopped by `valuenet server stop`
        )
    paths.pid.write_text(str(proc.pid))
    uri = f"bolt://127.0.0.1:{s.valuenet_bolt_port}"
    described = chosen.describe()
    started_at = time.time()
    timeout_s = wait_s if wait_s is not None else chosen.start_timeout_s
    deadline = started_at + timeout_s
    while time.time() < deadline:
        if proc.poll() is not None:
            paths.pid.unlink(missing_ok=True)
            raise ServerError(
                f"The {chosen.name} server exited during start-up (exit code {proc.returncode}). "
                f"Last lines of {paths.log}:\n{log_tail(paths.log)}"
            )
        if _bolt_answers(uri, *creds.root, database):
            chosen.ready(s, paths, creds)
            user, password = creds.app
            reader = creds.reader
            reader_state = {"reader_username": reader[0], "reader_password": reader[1]} if reader else {}
            write_private(
                paths.state,
                {
                    "engine_id": chosen.name,
                    "engine": described,
                    "uri": uri,
                    "username": user,
                    "password": password,
                    "database": database,
                    "pid": proc.pid,
                    "bolt_port": s.valuenet_bolt_port,
                    "http_port": s.valuenet_http_port,
                    "heap": s.valuenet_heap,
                    "started_at": started_at,
                    **reader_state,
                },
            )
            with open(paths.log, "a", encoding="utf-8") as log_text:
                print(f"valuenet: {described} ready on 127.0.0.1:{s.valuenet_bolt_port}", file=log_text)
            msg = f"started (pid {proc.pid}) at {uri}, database {database}, {heap_note}"
            return Status(
                True,
                proc.pid,
                uri,
                database,
                user,
                password,
                started_at,
                "; ".join([*notes, msg]),
                creds.reader,
                described,
                s.valuenet_http_port,
            )
        time.sleep(0.5)
    _terminate(proc.pid)
    paths.pid.unlink(missing_ok=True)
    raise ServerError(
        f"The {chosen.name} server did not answer on {uri} within {timeout_s:.0f} s. See {paths.logs}."
    )


def _terminate(pid: int, grace_s: float = 60.0) -> bool:
    """SIGTERM, wait, then SIGKILL. True if it stopped within the grace period."""
    try:
        proc = psutil.Process(pid)
        proc.terminate()
        proc.wait(timeout=grace_s)
        return True
    except psutil.NoSuchProcess:
        return True
    except psutil.TimeoutExpired:
        with contextlib.suppress(psutil.NoSuchProcess):
            proc.kill()
        return False


def stop(settings: Settings | None = None) -> str:
    """Stop the server if it runs; always leaves no stale pid/state files. Returns what happened."""
    s = settings or Settings()
    paths = Paths(s.home)
    current = status(s)
    if not current.running:
        paths.pid.unlink(missing_ok=True)
        paths.state.unlink(missing_ok=True)
        if current.pid is not None:
            return f"not running: removed the stale pid file of a server that had died (pid {current.pid})"
        return "not running: nothing to stop"
    assert current.pid is not None
    clean = _terminate(current.pid)
    paths.pid.unlink(missing_ok=True)
    paths.state.unlink(missing_ok=True)
    if clean:
        return f"stopped (pid {current.pid})"
    return f"did not stop within 60 s and was killed (pid {current.pid}); see {paths.log}"


def _engine_running(settings: Settings) -> tuple[EngineServer, Paths]:
    paths = Paths(settings.home)
    running = _running_engine(paths)
    if not running or not status(settings).running:
        raise ServerError(f"no server runs in {paths.home}: start it with `valuenet server start`")
    return engine_server(running), paths


def create_database(settings: Settings, name: str) -> None:
    """Create another database on the running server (tests use one per module, where the engine can)."""
    engine, paths = _engine_running(settings)
    engine.create_database(settings, paths, name)


def drop_database(settings: Settings, name: str) -> None:
    engine, paths = _engine_running(settings)
    engine.drop_database(settings, paths, name)
