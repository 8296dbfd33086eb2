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


def test_the_questions_table_says_how_many_runs_and_what_each_answer_cost_in_cpu() -> None:
    result = {
        "engine": "arcadedb",
        "settings": {"question_runs": 3},
        "scales": {
            "1": {
                "questions": {
                    "measured": {
                        "p50_ms": 40.0,
                        "p95_ms": 70.0,
                        "runs": 3,
                        "engine_cpu_ms": 12.5,
                        "client_cpu_ms": 3.0,
                    },
                    "before": {"p50_ms": 20.0, "p95_ms": 30.0, "runs": 3},
                }
            }
        },
    }
    lines = report.questions_table(result, ["1"])
    assert any(line.startswith("## Questions (a first run, then 3 timed runs each") for line in lines)
    assert "With 3 timed runs a p95 is the slowest of 3" in "\n".join(lines)
    (measured,) = [line for line in lines if line.startswith("| measured |")]
    (before,) = [line for line in lines if line.startswith("| before |")]
    assert measured.endswith("| 12.5 / 3.0 |") and before.endswith("| – |")


def test_p95_is_the_nearest_rank_not_the_maximum() -> None:
    from bench.questions import percentile

    runs = [float(i) for i in range(1, 21)]  # 20 timed runs, as the bench takes
    assert percentile(runs, 95) == 19.0  # ceil(0.95 * 20) = 19th: one slow run of 20 is not the p95
    assert percentile(runs, 50) == 10.0
    assert percentile([float(i) for i in range(1, 101)], 95) == 95.0
    assert percentile(runs[:3], 95) == 3.0 and percentile([7.0], 95) == 7.0
