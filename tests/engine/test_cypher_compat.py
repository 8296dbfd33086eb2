"""The Neo4j 5 Cypher idioms valuenet relies on (tests/data/cypher_compat.yaml), run on the real engine.

On the embedded ArcadeDB each case gets a fresh database. The same cases also run on the session's local
Neo4j 5.26 (the reference the idioms are written for; its one database emptied, with the schema), each inside
one transaction that is rolled back, so that no case sees another's data.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import neo4j
import pytest
import yaml

from valuenet.db import Graph, Neo4jError, to_plain

CASES: list[dict[str, Any]] = yaml.safe_load(
    (Path(__file__).parent.parent / "data" / "cypher_compat.yaml").read_text()
)


@contextmanager
def driver_transaction(g: Graph) -> Iterator[neo4j.Transaction]:
    """An explicit transaction of the driver itself, rolled back at the end: the idiom under test, with
    nothing of valuenet's Graph in between."""
    info = g.info
    with (
        neo4j.GraphDatabase.driver(info.uri, auth=(info.username, info.password)) as driver,
        driver.session(database=info.database) as session,
    ):
        tx = session.begin_transaction()
        try:
            yield tx
        finally:
            tx.rollback()


def _normalise(rows: list[dict[str, Any]], unordered_lists: bool) -> list[dict[str, Any]]:
    if not unordered_lists:
        return rows
    return [{k: sorted(v) if isinstance(v, list) else v for k, v in r.items()} for r in rows]


def _check(case: dict[str, Any], run: Callable[[str, dict[str, Any]], list[dict[str, Any]]]) -> None:
    for statement in case.get("setup", []):
        run(statement, {})
    if "expect_error" in case:
        with pytest.raises(Neo4jError) as info:
            run(case["query"], case.get("params", {}))
        assert case["expect_error"] in str(info.value)
        return
    rows = run(case["query"], case.get("params", {}))
    unordered = bool(case.get("expect_unordered_lists"))
    assert _normalise(rows, unordered) == _normalise(case["expect"], unordered)


def test_case_names_are_unique() -> None:
    names = [c["name"] for c in CASES]
    assert len(names) == len(set(names)) >= 25


@pytest.mark.parametrize("case", CASES, ids=[c["name"] for c in CASES])
def test_embedded_engine_runs_idiom(case: dict[str, Any], fresh_graph: Callable[..., Graph]) -> None:
    g = fresh_graph("compat")
    _check(case, lambda q, p: [to_plain(r) for r in g.run(q, p)])


@pytest.mark.neo4j
@pytest.mark.parametrize("case", CASES, ids=[c["name"] for c in CASES])
def test_neo4j_runs_idiom(case: dict[str, Any], neo4j_graph: Graph) -> None:
    with driver_transaction(neo4j_graph) as tx:
        _check(case, lambda q, p: [to_plain(dict(r)) for r in tx.run(q, p)])


def test_explicit_transaction_rollback_leaves_nothing(graph: Graph) -> None:
    with driver_transaction(graph) as tx:
        tx.run("CREATE (:Organization {id: 'rolled-back', name_zh: '回滚'})").consume()
        assert tx.run("MATCH (o:Organization {id: 'rolled-back'}) RETURN count(o) AS n").single()["n"] == 1
    assert graph.run("MATCH (o:Organization {id: 'rolled-back'}) RETURN count(o) AS n") == [{"n": 0}]


def test_failed_managed_transaction_commits_nothing(graph: Graph) -> None:
    with pytest.raises(Neo4jError):
        graph.write("CREATE (:Organization {id: 'half'}) WITH 1 AS x CREATE (:Organization {id: 'half'})")
    assert graph.run("MATCH (o:Organization {id: 'half'}) RETURN count(o) AS n") == [{"n": 0}]
