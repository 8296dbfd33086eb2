"""Configuration from the environment (and a `.env` file), with the Neo4j ecosystem's names.

With `NEO4J_URI` set, valuenet talks to that engine (Neo4j 5, with or without GDS). Without it, valuenet
uses the embedded default: the ArcadeDB Bolt server started by `valuenet server start`, whose address and
generated credentials live in the state folder (`VALUENET_HOME`, default `./.valuenet`).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict

DEFAULT_DATABASE = "valuenet"


class Settings(BaseSettings):
    """Everything valuenet reads from the environment. Field names map to upper-case variables."""

    model_config = SettingsConfigDict(env_file=".env", env_file_encoding="utf-8", extra="ignore")

    neo4j_uri: str | None = Field(default=None, description="Bolt/neo4j URI of an external engine")
    neo4j_username: str = "neo4j"
    neo4j_password: str | None = None
    neo4j_database: str | None = None

    valuenet_home: Path = Field(default=Path(".valuenet"), description="state folder of the embedded server")
    valuenet_bolt_port: int = 7688
    valuenet_http_port: int = 2489
    valuenet_heap: str = "4g"
    valuenet_query_timeout: float = 30.0
    valuenet_row_cap: int = 1000

    @property
    def home(self) -> Path:
        return self.valuenet_home.expanduser().resolve()

    @property
    def embedded(self) -> bool:
        return not self.neo4j_uri


@dataclass(frozen=True)
class ConnectionInfo:
    """Where to connect and as whom; the same shape for the embedded server and an external engine."""

    uri: str
    username: str
    password: str
    database: str | None
    embedded: bool


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
    )
