"""The CLI starts fast because each command imports what it needs itself: checked by what a fresh
process has loaded after `valuenet --help` and friends (no timing: a module list holds a library or not).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from importlib.metadata import version
from pathlib import Path

import pytest

# What no help screen may load: graph libraries, dataframes, the driver, the explorer, the scheduler, rich.
HEAVY = (
    "networkit",
    "networkx",
    "numpy",
    "pandas",
    "pyarrow",
    "neo4j",
    "graphdatascience",
    "streamlit",
    "apscheduler",
    "rich",
    "pydantic_settings",
)

# Runs the CLI in-process as the `valuenet` script does, then writes the names of the loaded modules.
PROBE = """
import json, sys
from valuenet.cli import app
try:
    app(sys.argv[2:], prog_name="valuenet")
except SystemExit as e:
    code = e.code
else:
    code = 0
with open(sys.argv[1], "w") as f:
    json.dump({"code": code, "modules": sorted(sys.modules)}, f)
"""


def run_probe(args: list[str], tmp_path: Path) -> tuple[int, set[str], str]:
    """Exit code, loaded top-level packages and stderr of `valuenet ARGS` in a fresh interpreter."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("NEO4J_", "VALUENET_"))}
    env["VALUENET_HOME"] = str(tmp_path / "no-server")  # nothing to connect to
    result_file = tmp_path / "modules.json"
    res = subprocess.run(
        [sys.executable, "-c", PROBE, str(result_file), *args],
        capture_output=True,
        text=True,
        env=env,
        cwd=tmp_path,  # no .env file here
        timeout=120,
    )
    found = json.loads(result_file.read_text(encoding="utf-8"))
    return found["code"], {m.split(".")[0] for m in found["modules"]}, res.stderr


@pytest.mark.parametrize(
    "args",
    [["--help"], ["jobs", "--help"], ["load", "--help"], ["generate", "--help"], ["explore", "--help"]],
    ids=" ".join,
)
def test_help_loads_no_heavy_library(args: list[str], tmp_path: Path) -> None:
    code, loaded, stderr = run_probe(args, tmp_path)
    assert code == 0, stderr
    assert "typer" in loaded and "valuenet" in loaded  # the probe did run the CLI
    assert sorted(loaded & set(HEAVY)) == []


def test_cypher_loads_the_driver_without_array_libraries(tmp_path: Path) -> None:
    code, loaded, stderr = run_probe(["cypher", "RETURN 1"], tmp_path)
    assert code == 5, stderr  # no engine configured: the command got as far as connecting
    assert "neo4j" in loaded
    unwanted = {"numpy", "pandas", "pyarrow", "networkit", "streamlit", "pydantic_settings"}
    assert sorted(loaded & unwanted) == []


def test_array_libraries_import_normally_after_the_driver() -> None:
    code = "import valuenet.db, numpy, pandas; print(pandas.DataFrame({'a': numpy.arange(3)}).a.sum())"
    res = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert res.returncode == 0, res.stderr
    assert res.stdout.strip() == "3"


def test_version_comes_from_the_package_metadata() -> None:
    res = subprocess.run(
        [sys.executable, "-m", "valuenet", "--version"], capture_output=True, text=True, timeout=120
    )
    assert res.returncode == 0, res.stderr
    assert res.stdout == f"valuenet {version('valuenet')}\n"
