"""valuenet as a package: the wheel built from the checkout, installed into a fresh virtualenv outside it,
run from a folder outside it, as someone who did `pip install valuenet` would.

The wheel is built from a copy of the tracked files (as from a fresh clone; the checkout gets no build/
folder), without build isolation (setuptools comes from the locked dev environment); its dependencies come
from requirements.lock through uv's cache. No network is needed.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import time
import urllib.request
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from importlib.metadata import version
from pathlib import Path

import pytest

from tests.conftest import REPO, free_port
from valuenet.config import Settings
from valuenet.db import Graph

pytestmark = pytest.mark.slow

UV = Path(sys.executable).with_name("uv")  # installed into .venv by `make setup`

# Files under the packages that are not read at run time, so need not travel in the wheel.
NOT_PACKAGE_DATA = (".md", "loader/data/dimensions/build.py", "loader/reference/data/make_targets.py")


@dataclass(frozen=True)
class Installed:
    wheel: Path
    python: Path
    valuenet: Path
    outside: Path  # a working directory with no checkout in sight

    def run(self, *args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [str(self.valuenet), *args],
            capture_output=True,
            text=True,
            cwd=self.outside,
            env=env or clean_env(),
            timeout=300,
        )


def clean_env(**extra: str) -> dict[str, str]:
    """The environment without anything that could lead Python back to the checkout or another engine."""
    env = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith(("NEO4J_", "VALUENET_", "PYTHON", "VIRTUAL_ENV", "UV_"))
    }
    return {**env, **extra}


def tracked_files(*under: str) -> list[str]:
    return subprocess.run(
        ["git", "ls-files", *under], capture_output=True, text=True, cwd=REPO, check=True
    ).stdout.splitlines()


def uv(*args: str, cwd: Path) -> None:
    res = subprocess.run(
        [str(UV), *args], capture_output=True, text=True, cwd=cwd, env=clean_env(), timeout=900
    )
    assert res.returncode == 0, f"uv {' '.join(args)}:\n{res.stdout}\n{res.stderr}"


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory) -> Installed:
    base = tmp_path_factory.mktemp("wheel")
    assert REPO not in base.parents
    source, dist, venv, outside = base / "source", base / "dist", base / "venv", base / "elsewhere"
    for name in tracked_files():
        if (REPO / name).is_file():  # a tracked file deleted in the work tree is not part of it
            (source / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(REPO / name, source / name)
    outside.mkdir()
    build = ("build", "--wheel", "--offline", "--no-build-isolation", "--python", sys.executable)
    uv(*build, "-o", str(dist), cwd=source)
    (wheel,) = dist.glob("valuenet-*.whl")
    uv("venv", "--offline", "--python", sys.executable, str(venv), cwd=outside)
    python = venv / "bin" / "python"
    uv("pip", "sync", "--offline", "--python", str(python), str(REPO / "requirements.lock"), cwd=outside)
    uv("pip", "install", "--offline", "--no-deps", "--python", str(python), str(wheel), cwd=outside)
    return Installed(wheel, python, venv / "bin" / "valuenet", outside)


def test_every_file_read_at_run_time_travels_in_the_wheel(installed: Installed) -> None:
    tracked = tracked_files("valuenet", "loader", "gds_jobs", "explorer", "cypher")
    packaged = set(zipfile.ZipFile(installed.wheel).namelist())
    # cypher/ installs as valuenet.cypher (pyproject package-dir)
    expected = {"valuenet/" + f if f.startswith("cypher/") else f for f in tracked}
    missing = sorted(f for f in expected - packaged if not f.endswith(NOT_PACKAGE_DATA))
    assert missing == []
    assert {"valuenet/data/graph_model.yaml", "loader/mapping.schema.json", "explorer/app.py"} <= packaged


def test_the_installed_package_is_the_one_running(installed: Installed) -> None:
    code = "import valuenet, valuenet.cypher, loader, explorer; print(valuenet.__file__, explorer.__file__)"
    res = subprocess.run(
        [str(installed.python), "-c", code],
        capture_output=True,
        text=True,
        cwd=installed.outside,
        env=clean_env(),
        timeout=120,
    )
    assert res.returncode == 0, res.stderr
    site = installed.python.parent.parent
    for path in res.stdout.split():
        assert Path(path).is_relative_to(site), path


def test_version(installed: Installed) -> None:
    res = installed.run("--version")
    assert res.returncode == 0, res.stderr
    assert res.stdout == f"valuenet {version('valuenet')}\n"  # the checkout's pyproject version


def test_questions_list_from_the_installed_queries(installed: Installed) -> None:
    res = installed.run("questions", "--format", "json")
    assert res.returncode == 0, res.stderr
    ids = {q["id"] for q in json.loads(res.stdout)}
    assert {"top_by_degree", "shortest_path", "countries_ranked"} <= ids
    assert len(ids) == len(list((REPO / "cypher" / "questions").glob("*.cypher")))


@pytest.fixture
def engine_env(engine_settings: Settings, question_graph: Graph) -> dict[str, str]:
    """The session's embedded server, on the small hand-built question graph (read-only)."""
    return clean_env(
        VALUENET_HOME=str(engine_settings.home),
        VALUENET_BOLT_PORT=str(engine_settings.valuenet_bolt_port),
        VALUENET_HTTP_PORT=str(engine_settings.valuenet_http_port),
        NEO4J_DATABASE=str(question_graph.info.database),
    )


def test_a_question_against_the_embedded_engine(installed: Installed, engine_env: dict[str, str]) -> None:
    args = ["ask", "top_by_degree", "-p", "relation=tech", "-p", "among=sample", "--format", "json"]
    res = installed.run(*args, env=engine_env)
    assert res.returncode == 0, res.stderr
    rows = json.loads(res.stdout)
    assert [(r["name"], r["degree"]) for r in rows] == [
        ("华为", 4),
        ("瑞松科技", 3),
        ("明珞装备", 2),
        ("广州科腾", 1),
    ]


def test_report_finds_its_sections_figures_and_style(
    installed: Installed, engine_env: dict[str, str]
) -> None:
    out = installed.outside / "report"
    res = installed.run("report", "--out", str(out), env=engine_env)
    assert res.returncode == 0, res.stderr
    assert "figures:" in res.stdout
    page = (out / "report.html").read_text(encoding="utf-8")
    assert "<style>" in page and "Table 5" in (out / "report.md").read_text(encoding="utf-8")


@pytest.fixture
def explorer_process(installed: Installed) -> Iterator[tuple[subprocess.Popen[str], int]]:
    port = free_port()
    with subprocess.Popen(
        [str(installed.valuenet), "explore", "--port", str(port)],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        cwd=installed.outside,
        env=clean_env(VALUENET_HOME=str(installed.outside / "no-server")),
    ) as proc:
        try:
            yield proc, port
        finally:
            proc.kill()  # a test server with nothing to save; leaving the block waits for it


def test_explore_serves_the_installed_app(explorer_process: tuple[subprocess.Popen[str], int]) -> None:
    proc, port = explorer_process
    deadline = time.monotonic() + 120  # a wait for the server, not a timing assertion
    health = None
    while time.monotonic() < deadline and proc.poll() is None:
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/_stcore/health", timeout=5) as r:
                health = r.read().decode()
                break
        except OSError:  # not listening yet
            time.sleep(0.5)
    assert proc.poll() is None, proc.stdout.read() if proc.stdout else ""
    assert health == "ok"
