"""The lexical half of the read-only console (valuenet/readonly.py): every way found to hide a write from
it. The engine half (reader user, rollback, summary) is in tests/engine/test_readonly.py."""

from __future__ import annotations

import pytest

from valuenet.readonly import LINE_BREAKS, write_clause_in

PWNED = "MERGE (:Pwned {x: 1})"


@pytest.mark.parametrize("line_break", sorted(LINE_BREAKS), ids=lambda c: f"U+{ord(c):04X}")
def test_every_line_break_ends_a_line_comment(line_break: str) -> None:
    assert write_clause_in(f"RETURN 1 AS x //c{line_break}{PWNED}") == "MERGE"
    assert write_clause_in(f"RETURN 1 AS x //c{line_break}\r\n{PWNED}") == "MERGE"


def test_crlf_and_a_comment_that_runs_to_the_end() -> None:
    assert write_clause_in(f"RETURN 1 AS x //c\r\n{PWNED}") == "MERGE"
    assert write_clause_in(f"RETURN 1 AS x // {PWNED}") is None


@pytest.mark.parametrize(
    ("query", "found"),
    [
        # clauses, in any case and spacing
        ("CREATE (n:X) RETURN n", "CREATE"),
        ("MATCH (n) DETACH DELETE n", "DETACH"),
        ("MATCH (n) NODETACH DELETE n", "NODETACH"),
        ("MATCH (n) SET n.x = 1", "SET"),
        ("merge (n:X {id: 1})", "MERGE"),
        ("MATCH (n) REMOVE n:Sample", "REMOVE"),
        ("CREATE INDEX x IF NOT EXISTS FOR (n:X) ON (n.y)", "CREATE"),
        ("DROP CONSTRAINT organization_id", "DROP"),
        ("MATCH (n) FOREACH (x IN [1] | SET n.y = x)", "FOREACH"),
        ("MATCH (n) WITH n LIMIT 1SET n.x = 1", "SET"),  # a number ends at the first letter
        ("MATCH (n) WHERE n. SET n.x = 1", "SET"),  # `.` not touching: a clause, not a property key
        ("LOAD CSV FROM 'file:///x.csv' AS row RETURN row", "LOAD CSV"),
        ("load\tcsv FROM 'http://127.0.0.1/x' AS row RETURN row", "LOAD CSV"),
        ("UNWIND [1] AS i CALL { RETURN 1 AS one } IN TRANSACTIONS RETURN one", "IN TRANSACTIONS"),
        ("TERMINATE TRANSACTIONS 'bolt-1'", "TERMINATE"),
        ("STOP DATABASE valuenet", "STOP DATABASE"),
        ("ALTER USER root SET PASSWORD 'x'", "ALTER"),
        ("GRANT ROLE admin TO reader", "GRANT"),
        # comments and strings hide nothing that follows them
        (f"RETURN 1 /* a */ {PWNED}", "MERGE"),
        (f"RETURN 1 /* /* nested? */ {PWNED} */", "MERGE"),  # comments do not nest
        (f"RETURN 1 /* unterminated {PWNED}", "MERGE"),
        (f"RETURN 'unterminated {PWNED}", "MERGE"),
        (f"RETURN 'it\\'s' AS s {PWNED}", "MERGE"),  # an escaped quote does not end the string
        (f"RETURN 1 AS `x` {PWNED}", "MERGE"),
        (f"RETURN 1 AS `a``b` {PWNED}", "MERGE"),
        # spellings an engine might read as the keyword
        ("RETURN 1 \\u004DERGE (:Pwned)", "MERGE"),  # a unicode escape decoded before lexing
        ("RETURN 1 \\U0000004DERGE (:Pwned)", "MERGE"),
        ("RETURN 1 ＭＥＲＧＥ (:Pwned)", "MERGE"),  # fullwidth letters (NFKC)
        ("RETURN 1 ME\u200bRGE (:Pwned)", "MERGE"),  # zero-width space inside the word
        ("RETURN 1 ſet", "SET"),  # long s case-folds to s
        # subqueries
        ("MATCH (n) CALL { WITH n SET n.z = 1 } RETURN n", "SET"),
        ("MATCH (n) CALL (n) { CREATE (:X) } RETURN n", "CREATE"),
        ("RETURN COUNT { MATCH (n) } AS c UNION ALL CREATE (x) RETURN 1 AS c", "CREATE"),
        # procedures: only those known to read pass, however they are spelled
        ("CALL apoc.create.node(['X'], {})", "CALL apoc.create.node"),
        ("CALL APOC.MERGE.NODE(['X'], {})", "CALL apoc.merge.node"),
        ("call Apoc . Merge . Node(['X'], {})", "CALL apoc.merge.node"),
        ("CALL `apoc`.`merge`.`node`(['X'], {})", "CALL apoc.merge.node"),
        ("CALL `apoc.merge.node`(['X'], {})", "CALL apoc.merge.node"),
        ("CALL merge.node(['X'], {})", "CALL merge.node"),  # ArcadeDB's own writing procedure
        ("CALL apoc.periodic.iterate('MATCH (n) RETURN n', 'DELETE n', {})", "CALL apoc.periodic.iterate"),
        ("CALL apoc.load.json('file:///etc/passwd')", "CALL apoc.load.json"),
        ("CALL apoc.cypher.doIt('CREATE (x)', {})", "CALL apoc.cypher.doit"),
        ("CALL gds.pageRank.write('g', {writeProperty: 'p'})", "CALL gds.pagerank.write"),
        ("CALL gds.louvain.mutate('g', {mutateProperty: 'c'})", "CALL gds.louvain.mutate"),
        ("CALL gds.graph.drop('g')", "CALL gds.graph.drop"),
        ("CALL dbms.security.createUser('x', 'y')", "CALL dbms.security.createuser"),
        ("CALL db.createLabel('X')", "CALL db.createlabel"),
        ("MATCH (n) CALL refactor.rename.label('A', 'B') YIELD x RETURN x", "CALL refactor.rename.label"),
    ],
)
def test_writes_are_found(query: str, found: str) -> None:
    assert write_clause_in(query) == found


@pytest.mark.parametrize(
    "query",
    [
        "MATCH (n) RETURN n.created AS c",  # property key that looks like a keyword
        "MATCH (n) WHERE n.name_zh = 'CREATE (x)' RETURN n",  # keyword inside a string literal
        'MATCH (n) WHERE n.name_zh = "SET" RETURN n',
        "MATCH (n {set: 1}) RETURN n // DELETE everything",  # map key and a comment
        "MATCH (n) RETURN n /* MERGE */",
        "MATCH (n:`CREATE`) RETURN n",  # quoted label
        "MATCH (n:Merge) RETURN n",  # label
        "RETURN $merge AS m",  # parameter name
        "MATCH (n) RETURN n.id AS `set`",
        "MATCH p = shortestPath((a)-[*..4]-(b)) RETURN p",
        "MATCH (n) WHERE n.start = 1 RETURN n.load AS load, n.transactions AS t",  # words only paired write
        "CALL db.labels()",
        "CALL db.labels() YIELD label RETURN label",
        "CALL DB.Labels()",
        "CALL gds.pageRank.stream('g') YIELD nodeId, score RETURN nodeId, score",
        "CALL algo.pagerank() YIELD node, score RETURN node, score",
        "MATCH (n) CALL { WITH n RETURN count(*) AS c } RETURN c",
        "RETURN COUNT { MATCH (n) } AS c",
    ],
)
def test_reads_are_not_flagged(query: str) -> None:
    assert write_clause_in(query) is None
