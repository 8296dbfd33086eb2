"""The embedded default engine: ArcadeDB (from the pinned `arcadedb-embedded` wheel) as a local Bolt server.

`start()` launches `python -m valuenet.server` as a detached background process bound to 127.0.0.1 and
waits until the database answers over Bolt. State lives in the state folder (`VALUENET_HOME`):

    credentials.json   the users generated on first start (mode 0600): root (server administration over
                       the HTTP admin API), valuenet's own user (every Bolt connection) and the
                       read-only user of the analysts' console (see Credentials)
    server.json        uri, database, ports, pid, heap, start time: what clients connect with (mode 0600)
    server.pid         the server process id
    logs/server.log    the server's output (ArcadeDB also writes logs/log/arcadedb.log.*)
    root/              ArcadeDB's server root (databases/, config/)
"""

from __future__ import annotations

import argparse
import base64
import contextlib
import json
import os
import re
import secrets
import signal
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import psutil

from valuenet.config import (
    DEFAULT_DATABASE,
    MAX_QUERY_TIMEOUT_S,
    ConnectionInfo,
    Settings,
    state_file,
)

ROOT_USER = "root"
READER_GROUP = "valuenet_reader"
_MODULE = "valuenet.server"


class ServerError(RuntimeError):
    """The embedded server could not be started, stopped or reached; the message says what to do."""


@dataclass(frozen=True)
class Paths:
    home: Path

    @property
    def credentials(self) -> Path:
        return self.home / "credentials.json"

    @property
    def state(self) -> Path:
        return state_file(self.home)

    @property
    def pid(self) -> Path:
        return self.home / "server.pid"

    @property
    def logs(self) -> Path:
        return self.home / "logs"

    @property
    def log(self) -> Path:
        return self.logs / "server.log"

    @property
    def root(self) -> Path:
        return self.home / "root"


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

    @property
    def uptime_s(self) -> float | None:
        return time.time() - self.started_at if self.running and self.started_at else None

    def connection(self, database: str | None = None) -> ConnectionInfo:
        """How to connect to this running server (to `database`, default its own)."""
        if not (self.running and self.uri and self.username and self.password):
            raise ServerError(f"the embedded server is {self.message}")
        return ConnectionInfo(
            self.uri, self.username, self.password, database or self.database, True, self.reader
        )


@dataclass(frozen=True)
class Credentials:
    """The embedded server's users, generated on first start.

    - root administers the server (create and drop databases, users) over the HTTP admin API only. That
      port stays open (valuenet creates databases and users through it; bulk writes over HTTP SQL may
      follow), on 127.0.0.1 only, with the generated password;
    - valuenet's own user (admin on every database) makes every Bolt connection. Its name is as random as
      its password: ArcadeDB locks a user out for about a minute after 5 failed logins on either port, so
      anyone on the machine could lock `root` out, never a user whose name they cannot guess;
    - the reader (group `valuenet_reader`: may read records, nothing else; a query longer than
      MAX_QUERY_TIMEOUT_S is ended by the engine) runs the analysts' console and the questions, so the
      engine itself refuses their writes, as Neo4j does in a READ transaction.
    """

    root: tuple[str, str]
    app: tuple[str, str]
    reader: tuple[str, str]

    def as_dict(self) -> dict[str, Any]:
        return {
            "username": self.root[0],
            "password": self.root[1],
            "app": {"username": self.app[0], "password": self.app[1]},
            "reader": {"username": self.reader[0], "password": self.reader[1]},
        }


def _write_private(path: Path, data: dict[str, Any]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(".tmp")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as f:
        json.dump(data, f, indent=2)
    tmp.replace(path)


def _credentials(paths: Paths) -> Credentials:
    """The server's users, generated on first start and kept in the state folder (a state folder from
    before the app and reader users keeps its root password and gains them)."""
    data: dict[str, Any] = {}
    if paths.credentials.exists():
        data = json.loads(paths.credentials.read_text(encoding="utf-8"))

    def user(key: str, prefix: str) -> tuple[str, str]:
        found = data.get(key) or {}
        if found:
            return str(found["username"]), str(found["password"])
        return f"{prefix}_{secrets.token_hex(6)}", secrets.token_urlsafe(18)

    creds = Credentials(
        root=(str(data.get("username", ROOT_USER)), str(data.get("password") or secrets.token_urlsafe(18))),
        app=user("app", "valuenet"),
        reader=user("reader", "reader"),
    )
    if creds.as_dict() != data:
        _write_private(paths.credentials, creds.as_dict())
    return creds


def _read_pid(paths: Paths) -> int | None:
    try:
        return int(paths.pid.read_text().strip())
    except (FileNotFoundError, ValueError):
        return None


def _is_our_server(pid: int) -> bool:
    """True if `pid` is alive and is a valuenet embedded server (guards against a recycled pid)."""
    try:
        proc = psutil.Process(pid)
        return proc.status() != psutil.STATUS_ZOMBIE and _MODULE in " ".join(proc.cmdline())
    except (psutil.NoSuchProcess, psutil.AccessDenied):
        return False


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


def _tail(path: Path, lines: int = 15) -> str:
    try:
        return "\n".join(path.read_text(encoding="utf-8", errors="replace").splitlines()[-lines:])
    except FileNotFoundError:
        return "(no log written)"


def _bolt_answers(uri: str, user: str, password: str, database: str) -> bool:
    from valuenet import queries
    from valuenet.db import DriverError, Graph, Neo4jError

    try:
        with Graph(ConnectionInfo(uri, user, password, database, embedded=True)) as g:
            return bool(g.run(queries.text("engine/ping"))[0]["ok"] == 1)
    except (Neo4jError, DriverError, OSError):
        return False


def status(settings: Settings | None = None) -> Status:
    s = settings or Settings()
    paths = Paths(s.home)
    pid = _read_pid(paths)
    state: dict[str, Any] = {}
    if paths.state.exists():
        state = json.loads(paths.state.read_text(encoding="utf-8"))
    if pid is None:
        return Status(False, None, None, None, None, None, None, f"not running (no server in {paths.home})")
    if not _is_our_server(pid):
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
    )


def start(settings: Settings | None = None, *, wait_s: float = 120.0) -> Status:
    """Start the background server (no-op if already running). Returns its status; raises ServerError."""
    s = settings or Settings()
    paths = Paths(s.home)
    paths.logs.mkdir(parents=True, exist_ok=True)
    current = status(s)
    if current.running:
        return Status(
            **{**current.__dict__, "message": f"already running (pid {current.pid}) at {current.uri}"}
        )
    notes: list[str] = []
    if current.pid is not None:
        notes.append(f"cleaned up after a server that died (stale pid {current.pid})")
        paths.pid.unlink(missing_ok=True)
        paths.state.unlink(missing_ok=True)
    # A server killed with -9 may still be tearing down (a JVM unmapping its heap, seconds under load)
    # and holding its ports: give a died server's ports time to come free before calling them taken.
    grace_s = 60.0 if current.pid is not None else 0.0
    for port, what in ((s.valuenet_bolt_port, "Bolt"), (s.valuenet_http_port, "HTTP")):
        owner = _port_owner(port)
        give_up = time.time() + grace_s
        while owner and time.time() < give_up:
            time.sleep(0.5)
            owner = _port_owner(port)
        if owner:
            raise ServerError(
                f"Cannot start: {what} port 127.0.0.1:{port} is already in use by {owner}.\n"
                f"Stop that process, or choose another port with VALUENET_{what.upper()}_PORT=<port>."
            )
    creds = _credentials(paths)
    database = s.neo4j_database or DEFAULT_DATABASE
    cmd = [
        sys.executable,
        "-m",
        _MODULE,
        "--root",
        str(paths.root),
        "--bolt-port",
        str(s.valuenet_bolt_port),
        "--http-port",
        str(s.valuenet_http_port),
        "--heap",
        s.valuenet_heap,
        "--database",
        database,
        "--pid-file",
        str(paths.pid),
    ]
    # not on the command line, where ps shows it
    env = {**os.environ, "VALUENET_ROOT_PASSWORD": creds.root[1]}
    with open(paths.log, "ab") as log:
        proc = subprocess.Popen(
            cmd,
            cwd=paths.logs,
            env=env,
            stdin=subprocess.DEVNULL,
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,  # survives the shell that started it; stopped by `valuenet server stop`
        )
    paths.pid.write_text(str(proc.pid))
    uri = f"bolt://127.0.0.1:{s.valuenet_bolt_port}"
    started_at = time.time()
    deadline = started_at + wait_s
    while time.time() < deadline:
        if proc.poll() is not None:
            paths.pid.unlink(missing_ok=True)
            raise ServerError(
                f"The embedded server exited during start-up (exit code {proc.returncode}). "
                f"Last lines of {paths.log}:\n{_tail(paths.log)}"
            )
        if _bolt_answers(uri, *creds.root, database):
            _ensure_users(s.valuenet_http_port, creds)
            user, password = creds.app
            _write_private(
                paths.state,
                {
                    "uri": uri,
                    "username": user,
                    "password": password,
                    "reader_username": creds.reader[0],
                    "reader_password": creds.reader[1],
                    "database": database,
                    "pid": proc.pid,
                    "bolt_port": s.valuenet_bolt_port,
                    "http_port": s.valuenet_http_port,
                    "heap": s.valuenet_heap,
                    "started_at": started_at,
                    "engine": "ArcadeDB (arcadedb-embedded)",
                },
            )
            msg = f"started (pid {proc.pid}) at {uri}, database {database}"
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
            )
        time.sleep(0.5)
    _terminate(proc.pid)
    paths.pid.unlink(missing_ok=True)
    raise ServerError(f"The embedded server did not answer on {uri} within {wait_s:.0f} s. See {paths.log}.")


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


def _http(
    http_port: int, root: tuple[str, str], path: str, body: dict[str, Any], *, exists_ok: bool = False
) -> None:
    """POST `body` to ArcadeDB's HTTP API on 127.0.0.1 as root; a refusal raises ServerError with the
    server's reason (with `exists_ok`, not the 409 of something that already exists)."""
    request = urllib.request.Request(
        f"http://127.0.0.1:{http_port}/api/v1/{path}",
        data=json.dumps(body).encode(),
        headers={
            "Content-Type": "application/json",
            "Authorization": "Basic " + base64.b64encode(":".join(root).encode()).decode(),
        },
        method="POST",
    )
    try:
        with urllib.request.urlopen(request, timeout=60) as resp:  # fixed loopback URL
            resp.read()
    except urllib.error.HTTPError as e:
        if e.code == 409 and exists_ok:
            return
        what = body.get("command") or f"{path} {body.get('name', '')}".strip()
        raise ServerError(f"embedded server refused `{what}`: {e.read().decode(errors='replace')}") from e


def _ensure_users(http_port: int, creds: Credentials) -> None:
    """The reader group and the app and reader users (see Credentials); those that exist are kept."""
    _http(
        http_port,
        creds.root,
        "server/groups",
        {
            "database": "*",
            "name": READER_GROUP,
            "access": [],
            "resultSetLimit": -1,
            "readTimeout": int(MAX_QUERY_TIMEOUT_S * 1000),
            "types": {"*": {"access": ["readRecord"]}},
        },
    )  # saving a group replaces it: a changed MAX_QUERY_TIMEOUT_S applies at the next start
    for (name, password), group in ((creds.app, "admin"), (creds.reader, READER_GROUP)):
        user = {"name": name, "password": password, "databases": {"*": [group]}}
        _http(http_port, creds.root, "server", {"command": f"create user {json.dumps(user)}"}, exists_ok=True)


def _admin(settings: Settings, command: str) -> None:
    """A server command over ArcadeDB's HTTP API on 127.0.0.1 (database create/drop), as root."""
    paths = Paths(settings.home)
    state = json.loads(paths.state.read_text(encoding="utf-8"))
    _http(int(state["http_port"]), _credentials(paths).root, "server", {"command": command})


def create_database(settings: Settings, name: str) -> None:
    """Create another database on the running embedded server (tests use one per module)."""
    if not re.fullmatch(r"[A-Za-z][A-Za-z0-9_]{0,62}", name):
        raise ServerError(f"invalid database name {name!r}")
    _admin(settings, f"create database {name}")


def drop_database(settings: Settings, name: str) -> None:
    if not re.fullmatch(r"[A-Za-z][A-Za-z0-9_]{0,62}", name):
        raise ServerError(f"invalid database name {name!r}")
    _admin(settings, f"drop database {name}")


# -- the server process itself (python -m valuenet.server) -------------------------------------------------
def _serve(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog=_MODULE, description="valuenet embedded ArcadeDB Bolt server")
    parser.add_argument("--root", required=True)
    parser.add_argument("--bolt-port", type=int, required=True)
    parser.add_argument("--http-port", type=int, required=True)
    parser.add_argument("--heap", required=True)
    parser.add_argument("--database", required=True)
    parser.add_argument("--pid-file", required=True)
    args = parser.parse_args(argv)
    password = os.environ.pop("VALUENET_ROOT_PASSWORD", "")
    if len(password) < 8:
        print("VALUENET_ROOT_PASSWORD must be set (8+ characters)", file=sys.stderr)
        return 2

    from arcadedb_embedded import create_server
    from arcadedb_embedded.jvm import start_jvm

    start_jvm(heap_size=args.heap)  # explicit heap: the JVM default would size itself to the machine
    server = create_server(
        root_path=args.root,
        root_password=password,
        config={
            "host": "127.0.0.1",  # every listener (HTTP and Bolt) on loopback only
            "http_port": args.http_port,
            "server_plugins": "Bolt:com.arcadedb.bolt.BoltProtocolPlugin",
            "bolt_port": args.bolt_port,
        },
    )
    stop_requested = threading.Event()
    for sig in (signal.SIGTERM, signal.SIGINT):
        signal.signal(sig, lambda *_: stop_requested.set())
    server.start()
    try:
        server.get_database(args.database)
    except Exception:
        server.create_database(args.database)
    print(
        f"valuenet: ArcadeDB Bolt server ready on 127.0.0.1:{args.bolt_port}, database {args.database}",
        flush=True,
    )
    try:
        while not stop_requested.wait(1.0):
            pass
    finally:
        print("valuenet: stopping", flush=True)
        server.stop()
        with contextlib.suppress(FileNotFoundError):
            if Path(args.pid_file).read_text().strip() == str(os.getpid()):
                Path(args.pid_file).unlink()
        print("valuenet: stopped", flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(_serve())
