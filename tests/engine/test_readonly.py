"""Analysts' queries cannot change the graph, cannot run away on the engine and cannot ask for unbounded
rows, whatever the engine does with READ mode. The lexical check alone: tests/unit/test_readonly_check.py."""

from __future__ import annotations

import unicodedata
import uuid
from collections.abc import Callable

import psutil
import pytest

from valuenet import db, server
from valuenet.config import MAX_QUERY_TIMEOUT_S, MAX_ROW_CAP, Settings
from valuenet.db import Graph, Neo4jError, QueryMemoryError, QueryTimeoutError, WriteRefusedError
from valuenet.readonly import LINE_BREAKS

# Every control, format, line and paragraph separator and space character: the candidates for ending a
# `//` comment in an engine's lexer.
CANDIDATE_BREAKS = [
    chr(c)
    for c in range(0x10000)
    if unicodedata.category(chr(c)) in ("Cc", "Cf", "Zl", "Zp", "Zs") and chr(c) not in "\x00"
]


@pytest.fixture(scope="module")
def graph(fresh_graph: Callable[..., Graph]) -> Graph:
    """One database for the module: the tests write only what they count, under their own ids."""
    return fresh_graph("readonly")


def test_the_check_ends_comments_wherever_the_engine_does(graph: Graph) -> None:
    """`RETURN 1 AS x //c<ch>, 2 AS y`: where the engine ends the comment at <ch> it reads `, 2 AS y` (or
    fails on <ch> as code); the lexical check must then treat <ch> as a line break too."""
    ends_comment = []
    for ch in CANDIDATE_BREAKS:
        try:
            columns = graph.run_readonly(f"RETURN 1 AS x //c{ch}, 2 AS y").columns
        except Neo4jError:
            columns = ["(error: read as code)"]
        if columns != ["x"]:
            ends_comment.append(ch)
    assert "\n" in ends_comment and "\r" in ends_comment  # the probe sees what it looks for
    assert set(ends_comment) <= LINE_BREAKS, [f"U+{ord(c):04X}" for c in set(ends_comment) - LINE_BREAKS]


@pytest.mark.parametrize(
    "query",
    [
        "RETURN 1 AS x //c\rMERGE (:Pwned {x: 1})",
        "RETURN 1 AS x //c\r\nMERGE (:Pwned {x: 1})",
        "RETURN 1 AS x //c\u2028MERGE (:Pwned {x: 1})",
        "RETURN 1 AS x /* c */ MERGE (:Pwned {x: 1})",
        "CALL { CREATE (:Pwned {x: 1}) } RETURN 1 AS x",
        "CALL `merge`.`node`(['Pwned'], {x: 1}) YIELD node RETURN node",
        "CALL MERGE.NODE(['Pwned'], {x: 1}) YIELD node RETURN node",
        "CALL apoc.merge.node(['Pwned'], {x: 1}) YIELD node RETURN node",
    ],
)
def test_hidden_writes_are_refused_before_the_engine(graph: Graph, query: str) -> None:
    with pytest.raises(WriteRefusedError, match="the query contains"):  # the lexical check's words
        graph.run_readonly(query)
    assert graph.run("MATCH (n:Pwned) RETURN count(n) AS n") == [{"n": 0}]


@pytest.mark.parametrize(
    "query",
    [
        "CREATE (n:Organization {id: 'via-tx'}) RETURN n",
        "CALL merge.node(['Organization'], {id: 'via-tx'}) YIELD node RETURN node",  # no update counters
    ],
)
def test_the_engine_refuses_what_the_lexical_check_misses(
    graph: Graph, query: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Defence in depth, exercised with the lexical check switched off: the console's user may only read
    (the embedded server's reader; Neo4j's READ transaction), and the transaction is always rolled back."""
    monkeypatch.setattr(db, "write_clause_in", lambda query: None)
    with pytest.raises(WriteRefusedError, match="engine refused"):
        graph.run_readonly(query)
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
    full = graph.run_readonly(
        "MATCH (o:Organization) WHERE o.name_zh STARTS WITH '机构' RETURN count(o) AS n", row_cap=10
    )
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


def _running(graph: Graph, marker: str) -> list[str]:
    """The engine's running transactions whose query contains `marker` (as the console's user sees them)."""
    with graph._session(driver=graph._readonly_driver()) as s:
        found = s.run(
            "SHOW TRANSACTIONS YIELD transactionId, currentQuery WHERE currentQuery CONTAINS $m "
            "RETURN transactionId AS id",
            {"m": marker},
        )
        return [r["id"] for r in found]


def _settles(pid: int, *, below_percent: float, windows: int) -> list[float]:
    """The server's CPU use (% of one core) over 1-s windows until one is below `below_percent`."""
    proc = psutil.Process(pid)
    seen: list[float] = []
    for _ in range(windows):
        seen.append(proc.cpu_percent(interval=1.0))
        if seen[-1] < below_percent:
            break
    return seen


def test_a_runaway_query_is_ended_on_the_engine(graph: Graph, engine_settings: Settings) -> None:
    """A three-way cartesian product would run for hours: after the timeout it is gone from the engine's
    transactions and the server's CPU falls back (bounded polling, no timing asserted)."""
    marker = f"runaway-{uuid.uuid4().hex}"
    runaway = (
        "UNWIND range(1, 3000) AS a UNWIND range(1, 3000) AS b UNWIND range(1, 3000) AS c "
        f"RETURN count(*) AS n // {marker}"
    )
    with pytest.raises(QueryTimeoutError, match="stopped on the engine"):
        graph.run_readonly(runaway, timeout=2.0)
    assert _running(graph, marker) == []
    pid = server.status(engine_settings).pid
    assert pid is not None
    cpu = _settles(pid, below_percent=50.0, windows=30)
    assert cpu[-1] < 50.0, cpu


def test_rows_past_the_row_cap_are_not_computed(graph: Graph) -> None:
    marker = f"capped-{uuid.uuid4().hex}"
    res = graph.run_readonly(
        f"UNWIND range(1, 10000) AS a UNWIND range(1, 10000) AS i RETURN i // {marker}", row_cap=5
    )
    assert [r["i"] for r in res.rows] == [1, 2, 3, 4, 5] and res.truncated
    assert _running(graph, marker) == []


@pytest.mark.parametrize(("row_cap", "timeout"), [(0, 1.0), (MAX_ROW_CAP + 1, 1.0), (10, 0.0)])
def test_row_cap_and_timeout_are_bounded(graph: Graph, row_cap: int, timeout: float) -> None:
    with pytest.raises(ValueError, match="choose"):
        graph.run_readonly("RETURN 1 AS x", row_cap=row_cap, timeout=timeout)
    with pytest.raises(ValueError, match="choose"):
        graph.run_readonly("RETURN 1 AS x", timeout=MAX_QUERY_TIMEOUT_S + 1)


def test_bad_cypher_surfaces_the_engine_error(graph: Graph) -> None:
    with pytest.raises(Neo4jError):
        graph.run_readonly("MATCH (n RETURN n")


# Past what the engine lets one query hold, on any test heap: ArcadeDB's query heap budget (half the heap)
# and its cap on one operation's in-heap elements (one per 2 KB of heap, at least 500,000).
PAST_THE_BUDGET = "UNWIND range(1, 500000) AS x WITH collect(range(1, 300)) AS c RETURN size(c) AS n"
PAST_THE_ELEMENTS = "UNWIND range(1, 10000000) AS x WITH collect(x) AS c RETURN size(c) AS n"


@pytest.mark.parametrize("query", [PAST_THE_BUDGET, PAST_THE_ELEMENTS], ids=["heap budget", "elements"])
def test_a_query_past_the_engines_memory_says_what_to_do(graph: Graph, query: str) -> None:
    with pytest.raises(QueryMemoryError, match="VALUENET_HEAP") as refused:
        graph.run_readonly(query, timeout=60)
    assert "for want of memory" in str(refused.value) and refused.value.stale_aggregate is None
    assert graph.run_readonly("RETURN 1 AS one").rows == [{"one": 1}]  # the engine is fine after it
