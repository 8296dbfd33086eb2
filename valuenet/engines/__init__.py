"""The engines `valuenet server` can run locally, behind one small interface.

`valuenet/server.py` owns the lifecycle every engine shares (state folder, generated password, PID file,
port checks, waiting for Bolt, clean stop, crash detection). An `EngineServer` says only what differs: how to
prepare and launch its process, how to recognise that process, which user and ports it has, and how to make
another database. Two implementations:

    arcadedb   ArcadeDB from the pinned `arcadedb-embedded` wheel (valuenet/engines/arcadedb.py), the default
    neo4j      Neo4j 5.26 Community + GDS + APOC assembled from Maven Central (valuenet/engines/neo4j.py)

Chosen with `valuenet server start --engine NAME` or `VALUENET_ENGINE`.
"""

from __future__ import annotations

import importlib
import json
import os
import secrets
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol

from valuenet.config import Settings, state_file

ENGINES = {
    "arcadedb": "valuenet.engines.arcadedb",
    "neo4j": "valuenet.engines.neo4j",
}


class ServerError(RuntimeError):
    """The local server could not be started, stopped or reached; the message says what to do."""


@dataclass(frozen=True)
class Paths:
    """The state folder (`VALUENET_HOME`) of the local server, whichever engine runs in it."""

    home: Path

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


@dataclass(frozen=True)
class Launch:
    """The engine's server process: command line, extra environment (secrets never go on the command line)."""

    argv: list[str]
    env: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class Credentials:
    """A server's users, generated on its first start and kept in its credentials file (mode 0600).

    - root: the engine's administrator, whose password the server process gets at start (ArcadeDB: it
      administers over the HTTP admin API only);
    - app: the user of every Bolt connection valuenet makes (root itself where the engine has no other);
    - reader: a user the engine lets read only, for the analysts' console and the questions, where the
      engine has roles for it (ArcadeDB; Neo4j Community has none: READ transactions refuse writes there).
    """

    root: tuple[str, str]
    app: tuple[str, str]
    reader: tuple[str, str] | None = None


def new_password() -> str:
    """A generated server password: 144 random bits in hex. URL-safe base64 starts with "-" one time in 64,
    and neo4j-admin then reads the password as an option ("Missing required parameter: '<password>'")."""
    return secrets.token_hex(18)


def read_private(path: Path) -> dict[str, Any]:
    """A JSON file written by write_private, or {} when there is none yet."""
    return dict(json.loads(path.read_text(encoding="utf-8"))) if path.exists() else {}


class EngineServer(Protocol):
    name: str  # as in VALUENET_ENGINE
    start_timeout_s: float  # how long `start` waits for the first Bolt answer

    def describe(self) -> str:
        """What runs, for server.json and the start message (e.g. 'Neo4j 5.26.24 Community + GDS 2.13.9')."""
        ...

    def credentials_file(self, paths: Paths) -> Path: ...

    def credentials(self, paths: Paths) -> Credentials:
        """The server's users, generated (and written to credentials_file) on first use."""
        ...

    def ports(self, settings: Settings) -> list[tuple[str, int]]:
        """The ports the server listens on, as (what, port): checked free before starting."""
        ...

    def database(self, settings: Settings) -> str: ...

    def data_dir(self, paths: Paths) -> Path:
        """Where the engine keeps its databases."""
        ...

    def default_heap(self, paths: Paths, total_memory: int) -> str:
        """The heap when VALUENET_HEAP is not set (a JVM size such as '2048m'), sized from the databases
        on disk by the engine's own MemoryRule."""
        ...

    def describe_memory(self) -> str:
        """How the engine sizes its heap (and any other memory) when the user does not, in words (the bench's
        report)."""
        ...

    def prepare(self, settings: Settings, paths: Paths, password: str) -> Launch:
        """Everything before the process starts (checks, assembly, configuration); raises ServerError."""
        ...

    def ready(self, settings: Settings, paths: Paths, credentials: Credentials) -> None:
        """Once the server answers on Bolt as root: what it needs before anyone connects (users)."""
        ...

    def is_server_process(self, cmdline: list[str], paths: Paths) -> bool: ...

    def create_database(self, settings: Settings, paths: Paths, name: str) -> None: ...

    def drop_database(self, settings: Settings, paths: Paths, name: str) -> None: ...


def engine_server(name: str) -> EngineServer:
    """The engine called `name` (imported only when used: each pulls in its own dependencies)."""
    if name not in ENGINES:
        raise ServerError(f"unknown engine {name!r}: choose one of {', '.join(ENGINES)} (VALUENET_ENGINE)")
    server: EngineServer = importlib.import_module(ENGINES[name]).SERVER
    return server


def all_engine_servers() -> list[EngineServer]:
    return [engine_server(name) for name in ENGINES]


@dataclass(frozen=True)
class MemoryRule:
    """How a local server sizes a memory setting (a heap, a page cache) when the user has not set one:
    `per_mb_on_disk` x its databases' size on disk + `base_mb`, at least `min_mb`, at most `max_share` of
    the machine's memory. Each engine keeps its own rules; the bench's report reads their `describe()`."""

    min_mb: int
    per_mb_on_disk: float
    base_mb: int
    max_share: float
    on_disk: str = "the databases' size on disk"

    def size(self, data: Path, total_memory: int) -> str:
        """A JVM size such as '2048m' for databases kept under `data` on a machine with `total_memory`."""
        wanted_mb = max(self.min_mb, int(self.per_mb_on_disk * size_on_disk(data) / 2**20) + self.base_mb)
        return f"{min(wanted_mb, int(total_memory * self.max_share) // 2**20)}m"

    def describe(self) -> str:
        """E.g. "4x the databases' size on disk + 1 GB, at least 2 GB, at most half the RAM"."""
        share = {0.5: "half", 0.25: "a quarter of"}.get(self.max_share, f"{self.max_share:.0%} of")
        return (
            f"{self.per_mb_on_disk:g}x {self.on_disk} + {_mb(self.base_mb)}, at least {_mb(self.min_mb)}, "
            f"at most {share} the RAM"
        )


def _mb(mb: int) -> str:
    return f"{mb // 1024} GB" if mb % 1024 == 0 else f"{mb} MB"


def machine_memory() -> int:
    """Bytes of memory on this machine, which every default memory size is capped by."""
    import psutil

    return int(psutil.virtual_memory().total)


def size_on_disk(data: Path) -> int:
    """Bytes of the files under `data` (0 when it does not exist yet)."""
    return sum(f.stat().st_size for f in data.rglob("*") if f.is_file()) if data.is_dir() else 0


def write_private(path: Path, data: dict[str, Any]) -> None:
    """Write JSON readable by the user only (mode 0600), atomically."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(".tmp")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as f:
        json.dump(data, f, indent=2)
    tmp.replace(path)


def log_tail(path: Path, lines: int = 15) -> str:
    """The last lines of a log, for error messages."""
    try:
        return "\n".join(path.read_text(encoding="utf-8", errors="replace").splitlines()[-lines:])
    except FileNotFoundError:
        return "(no log written)"
