"""Shared fixtures: a real embedded ArcadeDB Bolt server for the whole session, one database per use, and a
local Neo4j + GDS server for the whole session.

- `engine_settings`: Settings pointing at the session's embedded server (temp state folder, free ports).
- `fresh_graph(name)`: factory; a new empty database with the schema applied, as a connected Graph.
- `graph`: a fresh database for one test.
- `neo4j_engine`: Settings pointing at the session's local Neo4j + GDS server (`--engine neo4j`), started
  once whenever Java 17+ and Maven are present. Without them the Neo4j tests skip with the exact reason,
  except where the tier is required (CI: VALUENET_REQUIRE_NEO4J or CI set): there they fail with it. Its
  distribution is assembled once into the checkout's state folder (SHARED_NEO4J_DIST) and shared.
- `neo4j_graph`: that server's one database (Community Edition has no CREATE DATABASE), emptied and given
  the schema for each test module that uses it; a module owns it while it runs.
Mark Neo4j tests `neo4j` (and `gds`) so that `-m neo4j` selects that tier.
"""

from __future__ import annotations

import contextlib
import os
import random
import socket
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from valuenet import schema, server
from valuenet.config import Settings
from valuenet.db import Graph

REPO = Path(__file__).resolve().parent.parent


def _ephemeral_low() -> int:
    try:
        return int(Path("/proc/sys/net/ipv4/ip_local_port_range").read_text().split()[0])
    except (OSError, ValueError, IndexError):
        return 32768


def free_port() -> int:
    """A free port BELOW the kernel's ephemeral range. A port the kernel hands out (bind to 0) is also what
    it gives the next outgoing connection: a server started on it later found its port taken by a client
    socket of the suite itself (CI: "Unable to listen to a HTTP port", "in use by another process")."""
    low = _ephemeral_low()
    for _ in range(200):
        port = random.randrange(20000, low) if low > 20000 else random.randrange(1024, 20000)
        with socket.socket() as s:
            try:
                s.bind(("127.0.0.1", port))
            except OSError:
                continue
            return port
    raise RuntimeError("no free port below the ephemeral range")


def embedded_settings(home: Path) -> Settings:
    """Settings for an embedded server in `home` on free ports, ignoring any NEO4J_* of the environment."""
    return Settings(
        _env_file=None,
        neo4j_uri=None,
        neo4j_database=None,
        valuenet_home=home,
        valuenet_bolt_port=free_port(),
        valuenet_http_port=free_port(),
        valuenet_heap=os.environ.get("VALUENET_TEST_HEAP", "2g"),
    )


# The assembled Neo4j distribution is immutable and named by its lock digest: one per checkout, not per test.
SHARED_NEO4J_DIST = Path(os.environ.get("VALUENET_HOME", REPO / ".valuenet")).resolve() / "neo4j" / "dist"


def neo4j_settings(home: Path) -> Settings:
    """Settings for a local Neo4j + GDS server in `home` on a free port, with the checkout's distribution."""
    from valuenet.engines.neo4j_dist import missing_requirements, required

    reason = missing_requirements()
    if reason and required():
        pytest.fail(f"the Neo4j + GDS tier is required here (CI) and cannot run: {reason}", pytrace=False)
    if reason:
        pytest.skip(f"no local Neo4j: {reason}")
    return Settings(
        _env_file=None,
        neo4j_uri=None,
        neo4j_database=None,
        valuenet_engine="neo4j",
        valuenet_home=home,
        valuenet_bolt_port=free_port(),
        valuenet_http_port=free_port(),
        valuenet_heap=os.environ.get("VALUENET_TEST_NEO4J_HEAP", "1g"),
        valuenet_pagecache="256m",
        valuenet_neo4j_dist=str(SHARED_NEO4J_DIST),
    )


@contextlib.contextmanager
def running(s: Settings) -> Iterator[Settings]:
    """The server of `s`, started for the block and stopped after it."""
    server.start(s)
    try:
        yield s
    finally:
        server.stop(s)


@pytest.fixture(scope="session")
def neo4j_engine(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Settings]:
    with running(neo4j_settings(tmp_path_factory.mktemp("valuenet-neo4j-home"))) as s:
        yield s


@pytest.fixture(scope="session")
def engine_settings(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Settings]:
    with running(embedded_settings(tmp_path_factory.mktemp("valuenet-home"))) as s:
        yield s


@pytest.fixture(scope="session")
def fresh_graph(engine_settings: Settings) -> Iterator[Callable[..., Graph]]:
    """Factory: `fresh_graph()` -> a Graph on a new empty database with the schema applied."""
    opened: list[Graph] = []
    state = server.status(engine_settings)

    def make(prefix: str = "t", apply_schema: bool = True) -> Graph:
        name = f"{prefix}_{uuid.uuid4().hex[:10]}"
        server.create_database(engine_settings, name)
        g = Graph(state.connection(name))
        if apply_schema:
            schema.apply(g)
        opened.append(g)
        return g

    yield make
    for g in opened:
        g.close()


@pytest.fixture
def graph(fresh_graph: Callable[..., Graph]) -> Graph:
    return fresh_graph()


QUESTION_FIXTURE = Path(__file__).parent / "data" / "question_fixture.cypher"


@pytest.fixture(scope="session")
def question_graph(fresh_graph: Callable[..., Graph]) -> Graph:
    """The small hand-built graph whose question answers are worked out by hand (read-only for tests)."""
    return load_question_fixture(fresh_graph("questions"))


def load_question_fixture(g: Graph) -> Graph:
    """`g` with the hand-built question graph written into it (an empty database)."""
    from valuenet import queries

    for statement in queries.parse(QUESTION_FIXTURE, "fixture").statements:
        g.write(statement)
    return g


@pytest.fixture(scope="session")
def reference_graph(fresh_graph: Callable[..., Graph]) -> Graph:
    """The scale-1 reference dataset (dimensions, observed layer, calibrated synthetic layer) loaded once per
    session through the loader into its own database. Tests may write job scores on it, never structure."""
    from loader.reference.load import load_reference

    g = fresh_graph("reference")
    reports = load_reference(g, scale=1, seed=42)
    assert [r.rows_rejected for r in reports] == [0, 0]
    return g


@pytest.fixture(scope="session")
def neo4j_session_graph(neo4j_engine: Settings) -> Iterator[Graph]:
    from valuenet.db import connect

    g = connect(neo4j_engine)
    yield g
    g.close()


@pytest.fixture(scope="module")
def neo4j_graph(neo4j_session_graph: Graph) -> Graph:
    """The local Neo4j's database, empty with the schema applied, for the module that asks for it."""
    neo4j_session_graph.run("MATCH (n) CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 10000 ROWS")
    schema.apply(neo4j_session_graph)
    return neo4j_session_graph
