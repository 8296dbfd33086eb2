"""`valuenet cypher` as an adversarial analyst runs it: hidden writes, a runaway query, unbounded rows,
refused credentials and an engine that is gone."""

from __future__ import annotations

import json
import uuid
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.cli_support import run_cli
from tests.conftest import free_port
from valuenet.config import MAX_ROW_CAP, Settings, state_file
from valuenet.db import Graph

CARTESIAN = (
    "UNWIND range(1, 3000) AS a UNWIND range(1, 3000) AS b UNWIND range(1, 3000) AS c RETURN count(*) AS n"
)


@pytest.fixture(scope="module")
def db(fresh_graph: Callable[..., Graph]) -> Graph:
    return fresh_graph("console")


def test_a_write_after_a_carriage_return_comment_is_refused(engine_settings: Settings, db: Graph) -> None:
    res = run_cli(
        ["cypher", "RETURN 1 AS x //c\rMERGE (:Pwned {x:1})"], engine_settings, database=db.info.database
    )
    assert res.returncode == 3, res.stderr
    assert "the query contains MERGE" in res.stderr
    assert db.run("MATCH (n:Pwned) RETURN count(n) AS n") == [{"n": 0}]


def test_the_timeout_stops_a_cartesian_product_on_the_engine(engine_settings: Settings, db: Graph) -> None:
    res = run_cli(["cypher", "--timeout", "3", CARTESIAN], engine_settings, database=db.info.database)
    assert res.returncode == 4, res.stderr
    assert "3 s timeout and was stopped on the engine" in res.stderr
    assert "Traceback" not in res.stderr


def test_a_query_past_the_engines_memory_says_what_to_do(engine_settings: Settings, db: Graph) -> None:
    collects = "UNWIND range(1, 500000) AS x WITH collect(range(1, 300)) AS c RETURN size(c) AS n"
    res = run_cli(["cypher", collects], engine_settings, database=db.info.database)
    assert res.returncode == 1, res.stderr
    said = " ".join(res.stderr.split())  # the console wraps long lines
    assert "refused the query for want of memory" in said and "VALUENET_HEAP" in said
    assert "Traceback" not in res.stderr


@pytest.mark.parametrize(
    ("args", "env", "says"),
    [
        (["--limit", str(MAX_ROW_CAP + 1)], {}, "--limit"),
        (["--limit", "0"], {}, "--limit"),
        (["--timeout", "100000"], {}, "--timeout"),
        ([], {"VALUENET_ROW_CAP": str(MAX_ROW_CAP * 10)}, "VALUENET_ROW_CAP"),
        ([], {"VALUENET_QUERY_TIMEOUT": "-1"}, "VALUENET_QUERY_TIMEOUT"),
    ],
)
def test_row_cap_and_timeout_have_bounds(
    engine_settings: Settings, args: list[str], env: dict[str, str], says: str
) -> None:
    res = run_cli(["cypher", *args, "RETURN 1 AS x"], engine_settings, env_extra=env)
    assert res.returncode == 2, res.stderr
    assert says in res.stderr and "Traceback" not in res.stderr


def test_refused_credentials_are_one_clean_message(engine_settings: Settings, tmp_path: Path) -> None:
    """A state folder whose user the engine does not know (a stale or edited server.json): exit 5 with
    what to do, no traceback. A made-up name, so the failed login locks nobody out."""
    state = json.loads(state_file(engine_settings.home).read_text(encoding="utf-8"))
    state["username"] = f"nobody_{uuid.uuid4().hex[:8]}"
    home = tmp_path / "stale"
    home.mkdir()
    state_file(home).write_text(json.dumps(state), encoding="utf-8")
    stale = Settings(
        _env_file=None,
        valuenet_home=home,
        valuenet_bolt_port=engine_settings.valuenet_bolt_port,
        valuenet_http_port=engine_settings.valuenet_http_port,
    )
    res = run_cli(["cypher", "RETURN 1 AS x"], stale)
    said = " ".join(res.stderr.split())
    assert res.returncode == 5, res.stderr
    assert "refused valuenet's credentials" in said and "Traceback" not in said


def test_an_engine_that_is_gone_is_one_clean_message(engine_settings: Settings, tmp_path: Path) -> None:
    state = json.loads(state_file(engine_settings.home).read_text(encoding="utf-8"))
    state["uri"] = f"bolt://127.0.0.1:{free_port()}"
    home = tmp_path / "gone"
    home.mkdir()
    state_file(home).write_text(json.dumps(state), encoding="utf-8")
    res = run_cli(["cypher", "RETURN 1 AS x"], Settings(_env_file=None, valuenet_home=home))
    said = " ".join(res.stderr.split())
    assert res.returncode == 5, res.stderr
    assert "cannot reach" in said and "valuenet server start" in said and "Traceback" not in said


def test_brackets_in_values_and_in_what_was_typed_are_text(engine_settings: Settings, db: Graph) -> None:
    """Rich reads `[...]` as markup: a value `[/]` in a table, or typed in a question's id, once ended the
    command with a MarkupError traceback, and `[bold]` vanished from what was printed."""
    res = run_cli(
        ["cypher", "RETURN '[/]' AS a, '[bold]b[/bold]' AS b"], engine_settings, database=db.info.database
    )
    assert res.returncode == 0, res.stderr
    assert "[/]" in res.stdout and "[bold]b[/bold]" in res.stdout
    res = run_cli(["ask", "no_such[/]question"], engine_settings, database=db.info.database)
    assert res.returncode == 2 and "Traceback" not in res.stderr
    assert "no question 'no_such[/]question'" in res.stderr


def test_show_query_prints_the_query_as_it_ran(engine_settings: Settings, db: Graph) -> None:
    from valuenet import focal, questions

    q = questions.get("talent_sources")
    used = q.validate({"place": "440000", "experience": "study"})
    res = run_cli(
        ["ask", "talent_sources", "-p", "place=440000", "-p", "experience=study", "--show-query",
         "--format", "json"],
        engine_settings, database=db.info.database, env_extra={"COLUMNS": "60"},
    )  # fmt: skip
    assert res.returncode == 0, res.stderr
    # every bracket kept and no line broken at the terminal's 60 columns
    assert q.query(used, focal.for_graph(db).model) in res.stderr
