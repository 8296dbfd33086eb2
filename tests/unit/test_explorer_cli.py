"""`valuenet explore`: the command line that serves the explorer (no engine needed)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from explorer import cli


def test_explore_command_line() -> None:
    argv = cli.command(8765, "127.0.0.1")
    assert argv[:4] == [sys.executable, "-m", "explorer.serve", "run"]
    assert argv[4].endswith("explorer/app.py")
    assert "--server.port=8765" in argv and "--server.address=127.0.0.1" in argv
    assert "--browser.gatherUsageStats=false" in argv


def test_the_flags_are_the_config_file() -> None:
    """`streamlit run` in explorer/ reads its config.toml, `valuenet explore` passes flags: the same settings
    (no garbage collection after every run among them: it held every click back)."""
    import tomllib

    config = tomllib.loads((cli.APP.parent / ".streamlit" / "config.toml").read_text(encoding="utf-8"))
    in_file = {
        f"--{section}.{name}={str(value).lower()}"
        for section, options in config.items()
        for name, value in options.items()
    }
    assert in_file == set(cli.STREAMLIT_FLAGS)
    assert "--runner.postScriptGC=false" in in_file


def test_explore_is_registered_with_valuenet() -> None:
    from typer.testing import CliRunner

    from valuenet.cli import app

    result = CliRunner().invoke(app, ["explore", "--help"])
    assert result.exit_code == 0, result.output
    assert "--port" in result.output and "--host" in result.output


@pytest.mark.parametrize("port", ["99999", "0"])
def test_a_port_outside_1_to_65535_is_a_usage_error(port: str) -> None:
    """Once Streamlit's bind() OverflowError traceback, after its start-up."""
    from typer.testing import CliRunner

    from valuenet.cli import app

    result = CliRunner().invoke(app, ["explore", "--port", port])
    assert result.exit_code == 2 and "--port" in result.output


def test_serve_hands_over_to_streamlit() -> None:
    out = subprocess.run(
        [sys.executable, "-m", "explorer.serve", "--version"], capture_output=True, text=True, check=False
    )
    assert out.returncode == 0 and "Streamlit" in out.stdout


@pytest.mark.parametrize(("args", "operator"), [([], False), (["--operator"], True)])
def test_the_explorer_is_read_only_unless_started_for_operators(
    monkeypatch: pytest.MonkeyPatch, args: list[str], operator: bool
) -> None:
    from typer.testing import CliRunner

    from valuenet.cli import app

    started: dict[str, str] = {}

    def execve(path: str, argv: list[str], env: dict[str, str]) -> None:
        started.update(env)
        raise SystemExit(0)

    monkeypatch.setattr(cli.os, "execve", execve)
    monkeypatch.setenv(
        cli.OPERATOR_ENV, "1"
    )  # a shell that holds it does not make a reader's explorer run jobs
    result = CliRunner().invoke(app, ["explore", *args])
    assert result.exit_code == 0, result.output
    assert (started.get(cli.OPERATOR_ENV) == "1") is operator


def test_the_served_index_names_the_server_for_every_page(tmp_path: Path) -> None:
    """The index.html `explorer.serve` serves sets Streamlit's server address before its code runs, taking
    a page's path off the URL: every page of app.py is in its list, and the other browser files are there."""
    import re

    from streamlit import file_util

    from explorer import serve

    app = (cli.APP).read_text(encoding="utf-8")
    assert set(re.findall(r'url_path="([^"]+)"', app)) == set(serve.PAGE_PATHS)
    own = serve._static_dir(Path(file_util.get_static_dir()), tmp_path)
    index = (own / "index.html").read_text(encoding="utf-8")
    assert index.index("window.__streamlit") < index.index('type="module"')
    assert '"organization"' in index and (own / "static").is_dir() and (own / "favicon.png").exists()
