"""The Neo4j 5 Cypher idioms valuenet relies on (tests/data/cypher_compat.yaml), run on the real engine.

On the embedded ArcadeDB each case gets a fresh database. With NEO4J_URI set, the same cases also run on
that Neo4j, each inside one transaction that is rolled back, so a user's database is left untouched.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import yaml

from valuenet.db import Graph, Neo4jError, to_plain

CASES: list[dict[str, Any]] = yaml.safe_load(
    (Path(__file__).parent.parent / "data" / "cypher_compat.yaml").read_text()
)


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
    if case["name"].startswith(("show_", "db_")) or "uniqueness" in case["name"]:
        pytest.skip("schema-level case: checked on the embedded engine; Neo4j's behaviour is the reference")
    with neo4j_graph.driver.session(database=neo4j_graph.info.database) as session:
        tx = session.begin_transaction()
        try:
            _check(case, lambda q, p: [to_plain(dict(r)) for r in tx.run(q, p)])
        finally:
            tx.rollback()


def test_explicit_transaction_rollback_leaves_nothing(graph: Graph) -> None:
    with graph.driver.session(database=graph.info.database) as session:
        tx = session.begin_transaction()
        tx.run("CREATE (:Organization {id: 'rolled-back', name_zh: '回滚'})").consume()
        assert tx.run("MATCH (o:Organization {id: 'rolled-back'}) RETURN count(o) AS n").single()["n"] == 1
        tx.rollback()
    assert graph.run("MATCH (o:Organization {id: 'rolled-back'}) RETURN count(o) AS n") == [{"n": 0}]


def test_failed_managed_transaction_commits_nothing(graph: Graph) -> None:
    with pytest.raises(Neo4jError):
        graph.write("CREATE (:Organization {id: 'half'}) WITH 1 AS x CREATE (:Organization {id: 'half'})")
    assert graph.run("MATCH (o:Organization {id: 'half'}) RETURN count(o) AS n") == [{"n": 0}]
