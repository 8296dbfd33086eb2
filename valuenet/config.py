"""Configuration from the environment (and a `.env` file), with the Neo4j ecosystem's names.

With `NEO4J_URI` set, valuenet talks to that engine (Neo4j 5, with or without GDS). Without it, valuenet
uses the local server started by `valuenet server start` (ArcadeDB by default, Neo4j + GDS with `--engine
neo4j`), whose address and generated credentials live in the state folder (`VALUENET_HOME`, default
`./.valuenet`, file server.json), whichever engine it runs.
"""

from __future__ import annotations

import json
import os
import re
from dataclasses import dataclass, fields
from pathlib import Path
from typing import Any

DEFAULT_DATABASE = "valuenet"
MAX_ROW_CAP = 100_000  # a cap on the analysts' row cap: the rows are held in memory and printed
# The longest an analyst's query may run; on the embedded engine also its read-only user's own limit, which
# ends a query whose client died before it could stop it.
MAX_QUERY_TIMEOUT_S = 600.0


class SettingsError(ValueError):
    """A configuration value that does not parse (names the variable and where it came from)."""


@dataclass(init=False)
class Settings:
    """Everything valuenet reads from the environment. Each field comes from the variable of its name in
    upper case (`VALUENET_BOLT_PORT`, any case accepted), else from a `.env` file in the working directory,
    else its default; keyword arguments override both (tests and benchmarks use them).

    A plain dataclass rather than pydantic-settings: every command builds one, and pydantic-settings alone
    added a third of a second to `valuenet cypher`'s start-up.
    """

    neo4j_uri: str | None = None  # Bolt/neo4j URI of an external engine; unset: the embedded server
    neo4j_username: str = "neo4j"
    neo4j_password: str | None = None
    neo4j_database: str | None = None

    valuenet_home: Path = Path(".valuenet")  # state folder of the embedded server
    # The local server's engine (valuenet/engines/): "arcadedb" (embedded default) or "neo4j" (+ GDS).
    valuenet_engine: str = "arcadedb"
    valuenet_bolt_port: int = 7688
    valuenet_http_port: int = 2489
    valuenet_heap: str = (
        ""  # JVM heap of the local server; empty: sized from its data (each engine's HEAP_RULE)
    )
    # Neo4j's page cache; empty: sized from its store (engines.neo4j.PAGECACHE_RULE; 1x: ~110 MB)
    valuenet_pagecache: str = ""
    # Neo4j's dbms.memory.transaction.total.max; empty: Neo4j's default, 70% of the heap
    valuenet_neo4j_tx_memory: str = ""
    valuenet_neo4j_dist: str | None = None  # where Neo4j is assembled; default $VALUENET_HOME/neo4j/dist
    valuenet_query_timeout: float = 30.0
    valuenet_row_cap: int = 1000
    # the focal set (valuenet/focal.py): an organisation label, or `all`; unset: the graph model's (Sample)
    valuenet_focal: str | None = None

    def __init__(self, _env_file: str | Path | None = ".env", **values: Any) -> None:
        declared = {f.name: f for f in fields(self)}
        unknown = sorted(set(values) - set(declared))
        if unknown:
            raise TypeError(f"Settings has no field(s) {', '.join(unknown)}; known: {', '.join(declared)}")
        env = {k.lower(): (v, "the environment") for k, v in os.environ.items()}
        if _env_file is not None and Path(_env_file).is_file():
            from dotenv import dotenv_values

            dotenv = dotenv_values(_env_file, encoding="utf-8")
            from_file = {k.lower(): (v, str(_env_file)) for k, v in dotenv.items() if v is not None}
            env = {**from_file, **env}  # the environment wins over the file, as with pydantic-settings
        for name, f in declared.items():
            kind = type(f.default) if f.default is not None else str
            if name in values:
                value = values[name]
                if isinstance(value, str):
                    value = _parse(name, value, kind, "the arguments")
            elif name in env:
                text, source = env[name]
                value = _parse(name, text, kind, source)
            else:
                value = f.default
            setattr(self, name, value)
        self._check()

    def _check(self) -> None:
        """Values of the right type that no engine takes, named here rather than as a driver's or a JVM's
        traceback at the first command or server start."""
        scheme = (self.neo4j_uri or "").partition("://")[0].lower()
        if self.neo4j_uri and scheme not in URI_SCHEMES:
            raise SettingsError(
                f"NEO4J_URI={self.neo4j_uri!r}: use a Bolt address, e.g. bolt://localhost:7687 or "
                f"neo4j://host:7687 (one of {', '.join(s + '://' for s in URI_SCHEMES)}); the browser's "
                "http:// port is not the drivers'"
            )
        for name in ("valuenet_bolt_port", "valuenet_http_port"):
            port = getattr(self, name)
            if not 1 <= port <= 65535:
                raise SettingsError(f"{name.upper()}={port}: a port is from 1 to 65535")
        for name in ("valuenet_heap", "valuenet_pagecache"):
            size = getattr(self, name)
            if size and not MEMORY_SIZE.fullmatch(size):
                raise SettingsError(
                    f"{name.upper()}={size!r}: write a size as the JVM does, e.g. 4g, 2048m (or leave it "
                    "empty: sized from the data)"
                )

    @property
    def home(self) -> Path:
        return self.valuenet_home.expanduser().resolve()

    @property
    def embedded(self) -> bool:
        return not self.neo4j_uri


# The driver's Bolt schemes (neo4j.GraphDatabase.driver); its `http` one needs a backend not installed
URI_SCHEMES = ("bolt", "bolt+s", "bolt+ssc", "neo4j", "neo4j+s", "neo4j+ssc")
MEMORY_SIZE = re.compile(r"[1-9][0-9]*[kKmMgG]?")  # -Xmx's form, which both engines' heap settings take


def _parse(name: str, text: str, kind: type, source: str) -> Any:
    try:
        return kind(text)
    except ValueError:
        raise SettingsError(
            f"{name.upper()}={text!r} (from {source}) is not a valid {kind.__name__}"
        ) from None


@dataclass(frozen=True)
class ConnectionInfo:
    """Where to connect and as whom; the same shape for the embedded server and an external engine."""

    uri: str
    username: str
    password: str
    database: str | None
    embedded: bool
    reader: tuple[str, str] | None = None  # a user the engine lets read only (the embedded server has one)
    http_url: str | None = None  # the embedded server's HTTP API (valuenet/db.py's bulk paths)


class NotConfiguredError(RuntimeError):
    """No external engine configured and no embedded server state found."""


def state_file(home: Path) -> Path:
    return home / "server.json"


def connection_info(settings: Settings | None = None) -> ConnectionInfo:
    """Resolve the engine to talk to: `NEO4J_URI` if set, else the embedded server's state file."""
    s = settings or Settings()
    if s.neo4j_uri:
        return ConnectionInfo(
            uri=s.neo4j_uri,
            username=s.neo4j_username,
            password=s.neo4j_password or "",
            database=s.neo4j_database,
            embedded=False,
        )
    path = state_file(s.home)
    if not path.exists():
        raise NotConfiguredError(
            f"No engine configured: NEO4J_URI is not set and no embedded server state at {path}.\n"
            "Start the embedded server with `valuenet server start` (or `make run`), "
            "or set NEO4J_URI/NEO4J_USERNAME/NEO4J_PASSWORD to use Neo4j."
        )
    state = json.loads(path.read_text(encoding="utf-8"))
    return ConnectionInfo(
        uri=state["uri"],
        username=state["username"],
        password=state["password"],
        database=s.neo4j_database or state.get("database", DEFAULT_DATABASE),
        embedded=True,
        reader=(state["reader_username"], state["reader_password"]) if "reader_username" in state else None,
        http_url=f"http://127.0.0.1:{state['http_port']}" if "http_port" in state else None,
    )
