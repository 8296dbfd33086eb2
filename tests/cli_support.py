"""Running the `valuenet` command as a user does: a real process against the session's embedded server."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from valuenet.config import Settings

VALUENET = [sys.executable, "-m", "valuenet"]


def cli_env(settings: Settings, database: str | None = None) -> dict[str, str]:
    """The environment of a `valuenet` process using `settings`' embedded server (and `database`)."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("NEO4J_")}
    env.update(
        VALUENET_HOME=str(settings.home),
        VALUENET_BOLT_PORT=str(settings.valuenet_bolt_port),
        VALUENET_HTTP_PORT=str(settings.valuenet_http_port),
        COLUMNS="200",
    )
    if database:
        env["NEO4J_DATABASE"] = database
    return env


def run_cli(
    args: list[str],
    settings: Settings,
    *,
    database: str | None = None,
    cwd: Path | None = None,
    env_extra: dict[str, str] | None = None,
) -> subprocess.CompletedProcess[str]:
    env = {**cli_env(settings, database), **(env_extra or {})}
    return subprocess.run(
        [*VALUENET, *args], capture_output=True, text=True, env=env, cwd=cwd or Path.cwd(), timeout=120
    )
