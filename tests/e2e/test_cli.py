"""The `valuenet` command as a user runs it: a real process against the session's embedded server."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.cli_support import run_cli
from valuenet.config import Settings
from valuenet.db import Graph


@pytest.fixture
def db(fresh_graph: Callable[..., Graph]) -> Graph:
    g = fresh_graph("cli")
    g.write(
        "CREATE (:Organization:Enterprise:Sample {id: 'gz-1', name_zh: '瑞松科技', founded_year: 2012})"
        "-[:EMPOWERS {editions: [2021], sources: ['report2021'], synthetic: false}]->"
        "(:Organization:Enterprise {id: 'gac', name_zh: '广汽本田'})"
    )
    return g


def test_json_output_is_one_array_and_nothing_else(engine_settings: Settings) -> None:
    res = run_cli(["cypher", "--format", "json", "RETURN 1 AS x"], engine_settings)
    assert res.returncode == 0, res.stderr
    assert res.stdout == '[{"x": 1}]\n'


def test_write_is_refused_with_a_message_and_nonzero_exit(engine_settings: Settings, db: Graph) -> None:
    res = run_cli(["cypher", "CREATE (n:X) RETURN n"], engine_settings, database=db.info.database)
    assert res.returncode == 3
    assert "Writes are not allowed" in res.stderr
    assert db.run("MATCH (n:X) RETURN count(n) AS n") == [{"n": 0}]


def test_params_text_and_json_and_csv_output(engine_settings: Settings, db: Graph) -> None:
    res = run_cli(
        [
            "cypher",
            "MATCH (p:Organization {name_zh: $name})-[e:EMPOWERS]->(t) WHERE p.founded_year >= $year "
            "RETURN p.name_zh AS provider, t.name_zh AS receiver, e.editions AS editions",
            "-p",
            "name=瑞松科技",
            "-p",
            "year:=2010",
            "--format",
            "csv",
        ],
        engine_settings,
        database=db.info.database,
    )
    assert res.returncode == 0, res.stderr
    rows = list(csv.DictReader(io.StringIO(res.stdout)))
    assert rows == [{"provider": "瑞松科技", "receiver": "广汽本田", "editions": "[2021]"}]


def test_table_output_and_row_cap_note(engine_settings: Settings, db: Graph) -> None:
    res = run_cli(
        ["cypher", "UNWIND range(1, 30) AS i RETURN i", "--limit", "5"],
        engine_settings,
        database=db.info.database,
    )
    assert res.returncode == 0, res.stderr
    assert "row cap reached" in res.stderr and "5 row(s)" in res.stderr
    assert " 5 " in res.stdout and " 6 " not in res.stdout


def test_bad_param_syntax_is_a_usage_error(engine_settings: Settings) -> None:
    res = run_cli(["cypher", "RETURN $x", "-p", "x:=[1,"], engine_settings)
    assert res.returncode == 2 and "must be JSON" in res.stderr


def test_syntax_error_is_reported(engine_settings: Settings) -> None:
    res = run_cli(["cypher", "MATCH (n RETURN n"], engine_settings)
    assert res.returncode == 1 and "rejected the query" in res.stderr


def test_no_engine_configured_says_what_to_do(tmp_path: Path) -> None:
    s = Settings(_env_file=None, valuenet_home=tmp_path / "empty")
    res = run_cli(["cypher", "RETURN 1"], s)
    assert res.returncode == 5
    assert "valuenet server start" in res.stderr and "NEO4J_URI" in res.stderr


def test_server_status_shows_uri_credentials_and_counts(engine_settings: Settings) -> None:
    res = run_cli(["server", "status", "--format", "json"], engine_settings)
    assert res.returncode == 0, res.stderr
    data = json.loads(res.stdout)
    assert data["running"] and data["uri"] == f"bolt://127.0.0.1:{engine_settings.valuenet_bolt_port}"
    assert data["username"].startswith("valuenet_") and len(data["password"]) >= 16  # not root: see server.py
    assert isinstance(data["nodes"], int) and isinstance(data["relationships"], int) and data["uptime_s"] > 0


def test_info_reports_engine_and_no_gds(engine_settings: Settings) -> None:
    res = run_cli(["info", "--format", "json"], engine_settings)
    assert res.returncode == 0, res.stderr
    data = json.loads(res.stdout)
    assert data["product"] == "ArcadeDB" and data["version"].startswith("26.")
    assert data["gds"] is None and data["embedded"] is True


def test_schema_apply_is_idempotent(engine_settings: Settings, fresh_graph: Callable[..., Graph]) -> None:
    g = fresh_graph("schema", apply_schema=False)
    first = run_cli(["schema", "apply"], engine_settings, database=g.info.database)
    second = run_cli(["schema", "apply"], engine_settings, database=g.info.database)
    assert first.returncode == 0 and second.returncode == 0, first.stderr + second.stderr
    assert "applied V001__constraints" in first.stdout and "0 already applied" in first.stdout
    assert "0 applied now" in second.stdout
    names = {r["name"] for r in g.run("SHOW CONSTRAINTS YIELD name RETURN name")}
    assert {"organization_id", "city_code", "industry_code"} <= names


def test_dotenv_file_selects_the_database(engine_settings: Settings, db: Graph, tmp_path: Path) -> None:
    (tmp_path / ".env").write_text(f"NEO4J_DATABASE={db.info.database}\n", encoding="utf-8")
    res = run_cli(
        ["cypher", "--format", "json", "MATCH (o:Organization {id: 'gac'}) RETURN o.name_zh AS n"],
        engine_settings,
        cwd=tmp_path,
    )
    assert res.returncode == 0, res.stderr
    assert json.loads(res.stdout) == [{"n": "广汽本田"}]


def test_help_is_useful(engine_settings: Settings) -> None:
    res = run_cli(["--help"], engine_settings)
    assert res.returncode == 0
    for word in ("server", "schema", "cypher", "info", "NEO4J_URI", "make run"):
        assert word in res.stdout
