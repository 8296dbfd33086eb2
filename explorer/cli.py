"""`valuenet explore`: serve the Streamlit explorer (registered by valuenet/cli.py)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path
from typing import Annotated

import typer

APP = Path(__file__).resolve().parent / "app.py"
OPERATOR_ENV = "VALUENET_EXPLORER_JOBS"  # set by --operator: the Jobs page may run jobs

# The same settings as explorer/.streamlit/config.toml, as flags so they hold from any working directory.
STREAMLIT_FLAGS = (
    "--browser.gatherUsageStats=false",
    "--server.headless=true",
    "--server.fileWatcherType=none",
    "--client.toolbarMode=minimal",
    # Streamlit collects garbage after every script run by default: with the explorer's caches in memory
    # that is 0.15-0.45 s after the page's last element and before its run counts as finished, on every
    # click (Python still collects as it allocates)
    "--runner.postScriptGC=false",
    # Streamlit forgets the pages' compiled code whenever its last session closes, so a reader's new tab
    # compiles app.py and the page again; magic (unused: no page writes a bare expression) made that 30 ms
    # of AST rewriting on a quiet machine, ~100 ms at load 3, before the page's first element
    "--runner.magicEnabled=false",
)


def command(port: int, host: str) -> list[str]:
    """The `streamlit run` command line for the explorer (through explorer.serve, which preloads imports)."""
    return [
        sys.executable,
        "-m",
        "explorer.serve",
        "run",
        str(APP),
        f"--server.port={port}",
        f"--server.address={host}",
        *STREAMLIT_FLAGS,
    ]


def explore(
    port: Annotated[int, typer.Option("--port", min=1, max=65535, help="HTTP port of the explorer")] = 8501,
    host: Annotated[str, typer.Option("--host", help="address to listen on")] = "127.0.0.1",
    operator: Annotated[
        bool, typer.Option("--operator", help='show the Jobs page\'s "Run job" button (writes scores)')
    ] = False,
) -> None:
    """Open the explorer in a browser: questions, maps, organisations, network, jobs, Cypher console.
    Read-only unless started with --operator."""
    typer.echo(f"valuenet explorer on http://{host}:{port}  (Ctrl-C stops it)")
    env = {**os.environ, "STREAMLIT_BROWSER_GATHER_USAGE_STATS": "false"}
    env.pop(OPERATOR_ENV, None)  # read-only by default, whatever the shell holds
    if operator:
        env[OPERATOR_ENV] = "1"
    argv = command(port, host)
    if os.name == "posix":
        # Become the Streamlit server: signals sent to `valuenet explore` reach it, no orphan is left behind.
        os.execve(argv[0], argv, env)
    try:  # pragma: no cover - Windows
        code = subprocess.call(argv, env=env)
    except KeyboardInterrupt:  # pragma: no cover
        code = 0
    raise typer.Exit(code)  # pragma: no cover


def register(app: typer.Typer) -> None:
    app.command("explore")(explore)
