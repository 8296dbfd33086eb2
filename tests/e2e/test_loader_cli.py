"""`valuenet load` / `valuenet export` as an analyst runs them: exit codes, messages, report, rejects."""

from __future__ import annotations

import csv
import json
import subprocess
from pathlib import Path
from typing import Any

import pytest
import yaml

from loader.dimensions import load_dimensions
from loader.mapping import SCHEMA_PATH
from tests.loader_support import EXAMPLES, cli_env, valuenet_cmd
from valuenet.config import Settings
from valuenet.db import Graph

CORPUS = Path(__file__).resolve().parent.parent / "data" / "bad_inputs"


@pytest.fixture(scope="module")
def cli(fresh_graph: Any, engine_settings: Settings) -> tuple[Graph, dict[str, str]]:
    g: Graph = fresh_graph("cli")
    load_dimensions(g)
    return g, cli_env(engine_settings.home, g.info.database)


def run(env: dict[str, str], cwd: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(valuenet_cmd(*args), env=env, cwd=cwd, capture_output=True, text=True, timeout=300)


def bad_mapping(tmp: Path, file: str, on_error: str | None = None) -> Path:
    templates = yaml.safe_load((CORPUS / "templates.yaml").read_text(encoding="utf-8"))
    doc: dict[str, Any] = {
        "dataset": "cli-bad",
        "edition": 2021,
        "licence": "test",
        "files": [{**templates["samples"], "path": str(CORPUS / file)}],
    }
    if on_error is not None:
        doc["on_error"] = on_error
    p = tmp / "bad.yaml"
    p.write_text(yaml.safe_dump(doc, allow_unicode=True), encoding="utf-8")
    return p


def test_print_schema_matches_the_published_file(tmp_path: Path) -> None:
    res = subprocess.run(valuenet_cmd("load", "--print-schema"), capture_output=True, text=True, cwd=tmp_path)
    assert res.returncode == 0
    assert json.loads(res.stdout) == json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))


def test_load_examples_prints_summary_and_report(cli: tuple[Graph, dict[str, str]], tmp_path: Path) -> None:
    g, env = cli
    res = run(env, tmp_path, "load", str(EXAMPLES / "mapping.yaml"), "--report", "load.json")
    assert res.returncode == 0, res.stderr
    assert "load example-2021 (edition 2021)" in res.stdout
    assert "data/institutions_gbk.csv" in res.stdout and "gb18030" in res.stdout
    assert "columns not in the mapping, ignored: 备注" in res.stdout
    report = json.loads((tmp_path / "load.json").read_text(encoding="utf-8"))
    assert (report["rows_read"], report["rows_loaded"], report["rows_rejected"]) == (26, 26, 0)
    assert report["nodes_created"] == 20
    assert report["mapping"].endswith("examples/mapping.yaml")
    assert not (tmp_path / "rejects-example-2021-2021.csv").exists()
    assert g.run("MATCH (o:Organization {id: 'E0001'}) RETURN o.name_zh AS n")[0]["n"] == "华为"


def test_rejects_exit_non_zero_unless_allowed(cli: tuple[Graph, dict[str, str]], tmp_path: Path) -> None:
    g, env = cli
    mapping = bad_mapping(tmp_path, "money_units.csv", on_error="reject_row")
    res = run(env, tmp_path, "load", str(mapping), "--rejects", "out/rejects.csv")
    assert res.returncode == 1
    assert "4 row(s) rejected: see out/rejects.csv" in res.stderr
    assert "The other rows were loaded" in res.stderr
    with (tmp_path / "out" / "rejects.csv").open(encoding="utf-8-sig", newline="") as f:
        rows = list(csv.reader(f))
    assert rows[0] == ["file", "row", "column", "value", "reason", "outcome", "entry"]
    assert [r[1:4] for r in rows[1:]] == [
        ["6", "融资总额", "1.2.3"],
        ["7", "融资总额", "五百万"],
        ["8", "融资总额", "100万美元"],
        ["9", "融资总额", "'-5万"],  # a cell starting like a formula is escaped for spreadsheets
    ]
    assert (
        g.run("MATCH (o:Organization {name_zh: '金额一'}) RETURN o.financing_total_cny AS v")[0]["v"]
        == 120_000_000
    )
    res = run(env, tmp_path, "load", str(mapping), "--allow-rejects")
    assert res.returncode == 0, res.stderr
    assert "warning: 4 row(s) rejected" in res.stderr
    assert (tmp_path / "rejects-cli-bad-2021.csv").exists()


def test_dropped_values_are_warnings_and_a_dry_run_says_would(
    cli: tuple[Graph, dict[str, str]], tmp_path: Path
) -> None:
    _, env = cli
    # The default policy: a bad value in an optional column is dropped, its row loads, a warning names it.
    res = run(env, tmp_path, "load", str(bad_mapping(tmp_path, "money_units.csv")), "--dry-run")
    assert res.returncode == 0, res.stderr
    assert "would load" in res.stdout and "were loaded" not in res.stdout + res.stderr
    assert "dry run: nothing was written; 8 of 8 rows would load" in res.stdout
    assert "money_units.csv:6:融资总额: not an amount" in res.stdout
    # The summary is as wide as its content: a long path is never cut to the 80 columns of a pipe.
    assert any(line.startswith(str(CORPUS / "money_units.csv") + "  ") for line in res.stdout.splitlines())
    assert "4 warning(s), rows loaded (4 values dropped)" in res.stderr
    rejecting = bad_mapping(tmp_path, "money_units.csv", on_error="reject_row")
    res = run(env, tmp_path, "load", str(rejecting), "--dry-run")
    assert res.returncode == 1
    assert "The other rows would be loaded" in res.stderr and "were loaded" not in res.stderr


def test_unreadable_file_stops_with_a_clear_message(
    cli: tuple[Graph, dict[str, str]], tmp_path: Path
) -> None:
    g, env = cli
    before = g.counts()
    res = run(env, tmp_path, "load", str(bad_mapping(tmp_path, "missing_column.csv")))
    assert res.returncode == 1
    assert "missing required column '成立时间' (the header has ['企业名称', '省份'" in res.stderr
    assert "Nothing was written" in res.stderr
    assert g.counts() == before


def test_invalid_mapping_and_usage(cli: tuple[Graph, dict[str, str]], tmp_path: Path) -> None:
    g, env = cli
    (tmp_path / "m.yaml").write_text("dataset: x\nedition: 2021\n", encoding="utf-8")
    res = run(env, tmp_path, "load", "m.yaml")
    assert res.returncode == 1
    assert "licence: Field required" in res.stderr and "--print-schema" in res.stderr
    res = run(env, tmp_path, "load")
    assert res.returncode == 2
    assert "give a mapping file, --dimensions or --reference" in res.stderr
    before = g.counts()
    res = run(env, tmp_path, "load", "--reference", "--dry-run")
    assert res.returncode == 2  # a dry run of the reference would still write its dimensions: refused
    assert "--dry-run and --strict apply to a mapping file, not to --reference" in res.stderr
    assert g.counts() == before
    res = run(env, tmp_path, "load-reference")
    assert res.returncode == 2 and "No such command" in res.stderr  # one verb: load --reference


def test_export_command(cli: tuple[Graph, dict[str, str]], tmp_path: Path) -> None:
    _, env = cli
    res = run(env, tmp_path, "export", "--out", "exp", "--format", "admin")
    assert res.returncode == 0, res.stderr
    assert "neo4j-admin database import full" in res.stdout
    assert (tmp_path / "exp" / "nodes_Organization.csv").exists()
    assert not list((tmp_path / "exp").glob("*.parquet"))


def test_dimensions_then_mapping_in_one_command(
    fresh_graph: Any, engine_settings: Settings, tmp_path: Path
) -> None:
    g: Graph = fresh_graph("cli_dims")
    env = cli_env(engine_settings.home, g.info.database)
    res = run(env, tmp_path, "load", "--dimensions", str(EXAMPLES / "mapping.yaml"))
    assert res.returncode == 0, res.stderr
    assert "dimensions:" in res.stdout and "nodes and" in res.stdout
    assert g.run("MATCH (c:City {code: '440300'}) RETURN c.code AS c")
    assert (
        g.run("MATCH (:Organization {id: 'E0001'})-[:LOCATED_IN]->(c:City) RETURN c.code AS c")[0]["c"]
        == "440300"
    )


def test_strict_writes_nothing_when_rows_are_rejected(
    fresh_graph: Any, engine_settings: Settings, tmp_path: Path
) -> None:
    g: Graph = fresh_graph("cli_strict")
    load_dimensions(g)
    before = g.counts()
    env = cli_env(engine_settings.home, g.info.database)
    res = run(env, tmp_path, "load", str(bad_mapping(tmp_path, "money_units.csv", "reject_row")), "--strict")
    assert res.returncode == 1
    assert "4 row(s) rejected" in res.stderr and "Nothing was written (--strict)" in res.stderr
    assert "dry run: nothing was written" in res.stdout
    assert g.counts() == before
    assert (tmp_path / "rejects-cli-bad-2021.csv").exists()
