"""Analysts' queries cannot change the graph, whatever the engine does with READ mode."""

from __future__ import annotations

import pytest

from valuenet.db import Graph, Neo4jError, QueryTimeoutError, WriteRefusedError, write_clause_in


@pytest.mark.parametrize(
    ("query", "clause"),
    [
        ("CREATE (n:X) RETURN n", "CREATE"),
        ("MATCH (n) DETACH DELETE n", "DETACH"),
        ("MATCH (n) SET n.x = 1", "SET"),
        ("merge (n:X {id: 1})", "MERGE"),
        ("MATCH (n) REMOVE n:Sample", "REMOVE"),
        ("CREATE INDEX x IF NOT EXISTS FOR (n:X) ON (n.y)", "CREATE"),
        ("DROP CONSTRAINT organization_id", "DROP"),
        ("LOAD CSV FROM 'file:///x.csv' AS row RETURN row", "LOAD CSV"),
        ("MATCH (n) FOREACH (x IN [1] | SET n.y = x)", "FOREACH"),
        ("MATCH (n) CALL { WITH n SET n.z = 1 } IN TRANSACTIONS", "SET"),
        ("CALL apoc.create.node(['X'], {})", "CALL APOC.CREATE"),
        ("CALL gds.pageRank.write('g', {writeProperty: 'p'})", "CALL GDS.PAGERANK.WRITE"),
    ],
)
def test_write_clauses_are_found(query: str, clause: str) -> None:
    assert write_clause_in(query) == clause


@pytest.mark.parametrize(
    "query",
    [
        "MATCH (n) RETURN n.created AS c",  # property key that looks like a keyword
        "MATCH (n) WHERE n.name_zh = 'CREATE (x)' RETURN n",  # keyword inside a string literal
        "MATCH (n {set: 1}) RETURN n // DELETE everything",  # map key and a comment
        "MATCH (n:`CREATE`) RETURN n",  # quoted label
        "RETURN $merge AS m",  # parameter name
        "MATCH (n) RETURN n.id AS `set`",
        "MATCH p = shortestPath((a)-[*..4]-(b)) RETURN p",
        "CALL db.labels()",
    ],
)
def test_read_queries_are_not_flagged(query: str) -> None:
    assert write_clause_in(query) is None


def test_create_is_refused_and_leaves_nothing(graph: Graph) -> None:
    with pytest.raises(WriteRefusedError, match="not allowed"):
        graph.run_readonly("CREATE (n:Organization {id: 'sneaky'}) RETURN n")
    assert graph.run("MATCH (n:Organization {id: 'sneaky'}) RETURN count(n) AS n") == [{"n": 0}]


def test_write_through_a_procedure_the_lexer_does_not_know_is_rolled_back(graph: Graph) -> None:
    """Defence in depth: whatever the lexical check misses (an unknown writing procedure, say), the
    engine-side check refuses, and the always-rolled-back transaction leaves nothing. Exercised directly
    on the transaction runner, below the lexical check."""
    with pytest.raises(WriteRefusedError, match="rolled back"):
        graph._readonly_tx("CREATE (n:Organization {id: 'via-tx'}) RETURN n", None, 10.0, 10)
    assert graph.run("MATCH (n:Organization {id: 'via-tx'}) RETURN count(n) AS n") == [{"n": 0}]


def test_reads_return_rows_params_and_row_cap(graph: Graph) -> None:
    graph.write(
        "UNWIND range(1, 50) AS i "
        "CREATE (:Organization {id: 'o' + toString(i), name_zh: '机构' + toString(i)})"
    )
    res = graph.run_readonly(
        "MATCH (o:Organization) WHERE o.name_zh STARTS WITH $p RETURN o.id AS id ORDER BY id",
        {"p": "机构"},
        row_cap=10,
    )
    assert res.columns == ["id"]
    assert len(res.rows) == 10 and res.truncated
    assert res.notes and "row cap" in res.notes[0]
    full = graph.run_readonly("MATCH (o:Organization) RETURN count(o) AS n", row_cap=10)
    assert full.rows == [{"n": 50}] and not full.truncated


def test_nodes_and_relationships_come_back_as_maps(graph: Graph) -> None:
    graph.write(
        "CREATE (:Organization:Enterprise {id: 'a', name_zh: '甲'})"
        "-[:EMPOWERS {editions: [2021]}]->(:Organization {id: 'b'})"
    )
    res = graph.run_readonly("MATCH (a {id: 'a'})-[r]->(b) RETURN a, r, b.id AS b")
    row = res.rows[0]
    assert row["a"]["_labels"] == ["Enterprise", "Organization"] and row["a"]["name_zh"] == "甲"
    assert row["r"]["_type"] == "EMPOWERS" and row["r"]["editions"] == [2021]
    assert row["b"] == "b"


def test_timeout_is_enforced_even_when_the_engine_ignores_it(graph: Graph) -> None:
    with pytest.raises(QueryTimeoutError, match="timeout"):
        graph.run_readonly(
            "UNWIND range(1, 5000) AS a UNWIND range(1, 5000) AS b RETURN count(*) AS c", timeout=0.5
        )


def test_bad_cypher_surfaces_the_engine_error(graph: Graph) -> None:
    with pytest.raises(Neo4jError):
        graph.run_readonly("MATCH (n RETURN n")
