"""Listings printed to a pipe or a file: as wide as the table needs (not rich's 80 columns), long cells
wrapped in their column past PIPED_WIDTH; --format json is the rows and nothing else."""

from __future__ import annotations

import json

import pytest

from valuenet.cli import PIPED_WIDTH, OutputFormat, print_rows


def _lines(out: str) -> list[str]:
    return [line for line in out.splitlines() if line.strip()]


def test_a_piped_table_is_as_wide_as_its_rows(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("COLUMNS", raising=False)
    rows = [{"id": "who_empowers_industry_in_place", "title": "Who empowers industry X in place Y? " * 3}]
    print_rows(["id", "title"], rows, OutputFormat.table)
    lines = _lines(capsys.readouterr().out)
    assert len(lines) == 5  # top, header, rule, one row, bottom: nothing wrapped
    assert 80 < max(map(len, lines)) <= PIPED_WIDTH and "Who empowers industry X in place Y?" in lines[3]


def test_past_the_piped_width_long_cells_wrap(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("COLUMNS", raising=False)
    rows = [{"id": "q", "answers": "word " * 100}]
    print_rows(["id", "answers"], rows, OutputFormat.table)
    lines = _lines(capsys.readouterr().out)
    assert max(map(len, lines)) == PIPED_WIDTH and len(lines) > 5


def test_columns_set_by_the_user_win(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("COLUMNS", "60")
    print_rows(["id", "title"], [{"id": "x", "title": "long words " * 20}], OutputFormat.table)
    assert max(map(len, _lines(capsys.readouterr().out))) <= 60


def test_json_is_the_rows_only(capsys: pytest.CaptureFixture[str]) -> None:
    rows = [{"id": "x", "n": 1}, {"id": "广州", "n": None}]
    print_rows(["id", "n"], rows, OutputFormat.json)
    assert json.loads(capsys.readouterr().out) == rows
