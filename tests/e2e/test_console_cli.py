"""`valuenet cypher` as an adversarial analyst runs it: hidden writes, a runaway query, unbounded rows."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from tests.cli_support import run_cli
from valuenet.config import MAX_ROW_CAP, Settings
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
