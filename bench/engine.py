"""The engine a benchmark runs on: a fresh local server in a temporary folder on free ports (one per scale,
so memory peaks do not carry over) — the embedded ArcadeDB (`arcadedb`) or the local Neo4j + GDS assembled
from Maven Central (`neo4j`, `valuenet server start --engine neo4j`) — or the Neo4j that NEO4J_URI points at
(`external`)."""

from __future__ import annotations

import contextlib
import importlib.metadata
import os
import shutil
import socket
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlparse

import psutil

from valuenet import queries, schema, server
from valuenet.config import MAX_QUERY_TIMEOUT_S, ConnectionInfo, Settings
from valuenet.db import Graph
from valuenet.engines import Paths, engine_server, machine_memory, read_private

ROOT = Path(__file__).resolve().parent.parent


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@dataclass
class Engine:
    """A connected Graph plus what the harness needs to measure it."""

    graph: Graph
    kind: str  # "arcadedb" | "neo4j" (local servers) | "external" (NEO4J_URI)
    pid: int | None  # engine process, when it runs on this machine (for memory)
    info: ConnectionInfo
    home: Path | None  # local servers: the state folder (VALUENET_HOME of this server)
    heap: str | None  # local servers: the JVM heap it runs with
    start_s: float = 0.0
    settings: Settings | None = None  # local servers: how it was started
    heap_given: bool = False  # the heap was chosen (--heap), not valuenet's default sized from the data

    def restart_sized(self) -> bool:
        """Start the local server again when valuenet's default heap for the data it now holds differs
        from the one it runs with (as a user's next `valuenet server start` sizes it); True if it did."""
        if self.settings is None or self.home is None or self.heap_given:
            return False
        sized = engine_server(self.kind).default_heap(Paths(self.home), machine_memory())
        if sized == self.heap:
            return False
        self.graph.close()
        server.stop(self.settings)
        self.graph, self.pid, self.info, self.heap, self.start_s = _start(self.settings)
        return True

    def env(self) -> dict[str, str]:
        """Environment that points valuenet (CLI, explorer) at this engine and database."""
        env = {k: v for k, v in os.environ.items() if not k.startswith("NEO4J_")}
        if self.home is not None:
            env["VALUENET_HOME"] = str(self.home)
        else:
            env.update(
                NEO4J_URI=self.info.uri,
                NEO4J_USERNAME=self.info.username,
                NEO4J_PASSWORD=self.info.password,
            )
        if self.info.database:
            env["NEO4J_DATABASE"] = self.info.database
        return env

    def describe(self) -> dict[str, Any]:
        e = self.graph.engine()
        out: dict[str, Any] = {
            "kind": self.kind,
            "product": e.product,
            "version": e.version,
            "edition": e.edition,
            "agent": e.agent,
            "gds": e.gds_version,
            "heap": self.heap,
        }
        if self.kind == "arcadedb":
            with contextlib.suppress(importlib.metadata.PackageNotFoundError):
                out["arcadedb_embedded"] = importlib.metadata.version("arcadedb-embedded")
        out["neo4j_driver"] = importlib.metadata.version("neo4j")
        return out


# Where the local Neo4j distribution is assembled for this checkout (`make neo4j`; the tests share it too).
NEO4J_DIST = Path(os.environ.get("VALUENET_HOME", ROOT / ".valuenet")).resolve() / "neo4j" / "dist"


class NotAvailableError(RuntimeError):
    """The engine cannot run on this machine (e.g. no Java for Neo4j): reported as not measured."""


def _start(settings: Settings) -> tuple[Graph, int | None, ConnectionInfo, str | None, float]:
    """Start the local server of `settings`: its graph, pid, connection, heap and seconds to start."""
    import time

    started = time.perf_counter()
    st = server.start(settings)
    start_s = time.perf_counter() - started
    info = st.connection()
    heap = read_private(Paths(settings.valuenet_home).state).get("heap")
    return Graph(info, query_timeout=MAX_QUERY_TIMEOUT_S), st.pid, info, heap or None, start_s


@contextlib.contextmanager
def local(kind: str, heap: str | None, *, keep: bool = False) -> Iterator[Engine]:
    """A fresh local server of `kind` ("arcadedb" or "neo4j": own temp folder, free ports), schema applied;
    stopped after. `heap` None: valuenet's default, sized from the data as for a user who sets no
    VALUENET_HEAP. Raises NotAvailableError when it cannot start here."""
    from valuenet.engines.neo4j_dist import missing_requirements

    if kind == "neo4j" and (missing := missing_requirements()):
        raise NotAvailableError(missing)
    home = Path(tempfile.mkdtemp(prefix=f"valuenet-bench-{kind}-"))
    settings = Settings(
        neo4j_uri=None,
        neo4j_database=None,
        valuenet_engine=kind,
        valuenet_home=home,
        valuenet_bolt_port=free_port(),
        valuenet_http_port=free_port(),
        valuenet_heap=heap or "",
        valuenet_pagecache="",  # Neo4j only: valuenet's default, sized from the store, as users run it
        valuenet_neo4j_dist=str(NEO4J_DIST),
    )
    try:
        g, pid, info, running_heap, start_s = _start(settings)
    except server.ServerError as e:
        shutil.rmtree(home, ignore_errors=True)
        raise NotAvailableError(f"the {kind} server did not start: {e}") from e
    engine = Engine(g, kind, pid, info, home, running_heap, start_s, settings, heap_given=heap is not None)
    try:
        schema.apply(engine.graph)
        yield engine
    finally:
        engine.graph.close()
        server.stop(settings)
        if not keep:
            shutil.rmtree(home, ignore_errors=True)


def _local_pid(uri: str) -> int | None:
    """The pid listening on the URI's port when the engine runs on this machine (else None)."""
    u = urlparse(uri)
    if u.hostname not in ("localhost", "127.0.0.1", "::1"):
        return None
    port = u.port or 7687
    with contextlib.suppress(psutil.AccessDenied, PermissionError):
        for c in psutil.net_connections(kind="tcp"):
            if c.laddr and c.laddr.port == port and c.status == psutil.CONN_LISTEN and c.pid:
                return int(c.pid)
    return None


class NotEmptyError(RuntimeError):
    pass


@contextlib.contextmanager
def external(*, wipe: bool) -> Iterator[Engine]:
    """The Neo4j of NEO4J_URI. The benchmark loads from scratch, so the database must be empty, or `wipe`
    must be given explicitly (it deletes everything in that database)."""
    s = Settings()
    assert s.neo4j_uri
    info = ConnectionInfo(s.neo4j_uri, s.neo4j_username, s.neo4j_password or "", s.neo4j_database, False)
    g = Graph(info, query_timeout=MAX_QUERY_TIMEOUT_S)
    try:
        g.verify()
        nodes, _ = g.counts()
        if nodes:
            if not wipe:
                raise NotEmptyError(
                    f"the database at {s.neo4j_uri} holds {nodes:,} nodes; the benchmark loads from "
                    "scratch. Point NEO4J_DATABASE at an empty database, or pass --neo4j-wipe to delete "
                    "everything in it."
                )
            g.run(queries.text("bench/wipe"))
        schema.apply(g)
        yield Engine(g, "external", _local_pid(s.neo4j_uri), info, None, None)
    finally:
        g.close()


def wipe(engine: Engine) -> None:
    """Empty the database between scales (external engine only; embedded scales get a new server)."""
    engine.graph.run(queries.text("bench/wipe"))
    schema.apply(engine.graph)
