"""The questions part of the bench judges each engine by its own goal (issue 16: on Neo4j 50 ms at 1x)."""

from __future__ import annotations

from bench import questions, report


def test_neo4j_questions_are_judged_by_their_own_goal() -> None:
    assert questions.goals("arcadedb")[1] == 100.0
    assert questions.goals("neo4j")[1] == questions.goals("external")[1] == 50.0
    for engine, met in (("arcadedb", True), ("neo4j", False)):
        result = {"engine": engine, "scales": {"1": {"questions": {"q": {"p95_ms": 70.0}}}}}
        (row,) = [
            t
            for t in report.targets(result)
            if t["target"].startswith("question p95 ≤ ") and "(scale 1," in t["target"]
        ]
        assert (row["limit"], row["met"]) == (questions.goals(engine)[1], met)
