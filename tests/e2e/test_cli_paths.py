"""An output path the system refuses (its folder is a file here) is said in one line, exit 1, for every
command that writes files: no traceback, nothing written elsewhere."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from loader.dimensions import load_dimensions
from tests.cli_support import run_cli
from tests.loader_support import EXAMPLES
from valuenet.config import Settings
from valuenet.db import Graph


@pytest.fixture(scope="module")
def db(fresh_graph: Callable[..., Graph]) -> Graph:
    """The dimensions and no organisation yet (what an analyst has before loading their own tables)."""
    g = fresh_graph("paths")
    load_dimensions(g)
    return g


@pytest.mark.parametrize(
    "args",
    [
        ["report", "--out", "{bad}"],
        ["export", "--out", "{bad}"],
        ["generate", "--out", "{bad}"],
        ["load", str(EXAMPLES / "mapping.yaml"), "--dry-run", "--report", "{bad}/load.json"],
    ],
    ids=["report", "export", "generate", "load --report"],
)
def test_a_refused_output_path_is_one_line(
    engine_settings: Settings, db: Graph, tmp_path: Path, args: list[str]
) -> None:
    blocker = tmp_path / "a_file"
    blocker.write_text("not a folder")
    bad = blocker / "out"
    res = run_cli([a.format(bad=bad) for a in args], engine_settings, database=db.info.database)
    assert res.returncode == 1, res.stderr
    said = " ".join(res.stderr.split())  # the console wraps long lines
    assert "Traceback" not in res.stderr and "the system refused" in said, res.stderr
    assert str(blocker) in said
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a_file"]


def test_a_report_on_a_graph_without_organisations_says_so(
    engine_settings: Settings, db: Graph, tmp_path: Path
) -> None:
    """ArcadeDB counts no row, not 0, over a type without nodes: the report's first table once raised
    KeyError there."""
    res = run_cli(["report", "--out", str(tmp_path)], engine_settings, database=db.info.database)
    assert res.returncode == 0, res.stderr
    assert "0 organisations" in " ".join(res.stderr.split() + res.stdout.split())
    assert "| organisations | 0 |" in (tmp_path / "report.md").read_text(encoding="utf-8")


def test_a_report_whose_question_meets_a_limit_says_so(
    engine_settings: Settings, db: Graph, tmp_path: Path
) -> None:
    """The report's tables beside the 2021 figures run library questions through the read-only path: one
    ended by a limit (a timeout too short for any answer here) is one line, exit 1, and no report."""
    res = run_cli(
        ["report", "--compare", "2021", "--out", str(tmp_path / "r")], engine_settings,
        database=db.info.database, env_extra={"VALUENET_QUERY_TIMEOUT": "0.0001"},
    )  # fmt: skip
    assert res.returncode == 1 and "Traceback" not in res.stderr, res.stderr
    assert "the report was not written: The query ran longer than the 0.0001 s timeout" in " ".join(
        res.stderr.split()
    )
    assert not (tmp_path / "r").exists()
