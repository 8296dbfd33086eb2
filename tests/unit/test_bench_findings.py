"""The benchmark's memory finding: which heap the engine ran with (valuenet's default unless --heap) and
whether every question and job ran at it. Built from a results dict, as `python -m bench --render` does."""

from __future__ import annotations

from typing import Any

from bench import report, run


def _result(heap_setting: str | None) -> dict[str, Any]:
    one = {
        "heap": "2048m",
        "load": {"seconds": 40.0, "engine_peak_rss_mb": 1100.0, "phases": {}},
        "questions": {
            "provinces_ranked": {"p50_ms": 50.0, "p95_ms": 60.0},
            "co_investment_pairs": {"error": "TransientError: the query buffer budget"},
        },
        "jobs": {
            "suite_s": 30.0,
            "engine_peak_rss_mb": 1900.0,
            "jobs": {"pagerank": {"seconds": 3.0}, "louvain": {"seconds": None, "skipped": "failed: OOM"}},
        },
    }
    return {"scales": {"1": one}, "settings": {"heap": heap_setting}, "engine_info": {"heap": "2048m"}}


def _memory_finding(result: dict[str, Any]) -> str:
    result["targets"] = report.targets(result)
    args = run.parse_args(["--quick"])
    (line,) = [f for f in run.findings(result, args) if f.startswith("Engine memory")]
    return line


def test_the_memory_finding_names_the_default_heap_and_what_ran_at_it() -> None:
    line = _memory_finding(_result(None))
    assert "Engine memory 1900 MB at scale 1 (met;" in line
    assert "the JVM heap 2048m, valuenet's default, sized from the data" in line
    assert "1 of 2 questions answered (failed: co_investment_pairs)" in line
    assert "1 of 2 jobs ran (failed: louvain)" in line


def test_a_heap_given_on_the_command_line_is_named_as_such() -> None:
    line = _memory_finding(_result("1g"))
    assert "set with --heap" in line and "valuenet's default" not in line
