"""The engine a benchmark runs on: a fresh embedded ArcadeDB server in a temporary folder on free ports (one
per scale, so memory peaks do not carry over), or the Neo4j that NEO4J_URI points at."""

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
from valuenet.config import ConnectionInfo, Settings
from valuenet.db import Graph


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@dataclass
class Engine:
    """A connected Graph plus what the harness needs to measure it."""

    graph: Graph
    kind: str  # "embedded" | "neo4j"
    pid: int | None  # engine process, when it runs on this machine (for memory)
    info: ConnectionInfo
    home: Path | None  # embedded: the state folder (VALUENET_HOME of this server)
    heap: str | None
    start_s: float = 0.0

    def env(self) -> dict[str, str]:
        """Environment that points valuenet (CLI, explorer) at this engine and database."""
        env = {k: v for k, v in os.environ.items() if not k.startswith("NEO4J_")}
        if self.kind == "embedded":
            assert self.home is not None
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
        if self.kind == "embedded":
            with contextlib.suppress(importlib.metadata.PackageNotFoundError):
                out["arcadedb_embedded"] = importlib.metadata.version("arcadedb-embedded")
        out["neo4j_driver"] = importlib.metadata.version("neo4j")
        return out


@contextlib.contextmanager
def embedded(heap: str, *, keep: bool = False) -> Iterator[Engine]:
    """A fresh embedded server (own temp folder, free ports, explicit heap), schema applied; stopped after."""
    import time

    home = Path(tempfile.mkdtemp(prefix="valuenet-bench-"))
    settings = Settings(
        neo4j_uri=None,
        neo4j_database=None,
        valuenet_home=home,
        valuenet_bolt_port=free_port(),
        valuenet_http_port=free_port(),
        valuenet_heap=heap,
    )
    started = time.perf_counter()
    st = server.start(settings)
    start_s = time.perf_counter() - started
    info = st.connection()
    g = Graph(info, query_timeout=3600)
    try:
        schema.apply(g)
        yield Engine(g, "embedded", st.pid, info, home, heap, start_s)
    finally:
        g.close()
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
    g = Graph(info, query_timeout=3600)
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
        yield Engine(g, "neo4j", _local_pid(s.neo4j_uri), info, None, None)
    finally:
        g.close()


def wipe(engine: Engine) -> None:
    """Empty the database between scales (external engine only; embedded scales get a new server)."""
    engine.graph.run(queries.text("bench/wipe"))
    schema.apply(engine.graph)
