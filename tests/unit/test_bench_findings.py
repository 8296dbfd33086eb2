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


def test_full_only_parts_say_what_the_jobs_networkx_runs_in_full_spent() -> None:
    """The fetch (on the first job), compute, the publication's shares and the rest add up to the jobs'
    seconds; a job networkx did not run in full is left out; the ceiling is networkx over fetch and
    publication."""

    def job(seconds: float, stream: float, compute: float, method: str = "full") -> dict[str, Any]:
        facts = {"stream_s": stream, "compute_s": compute, "publish_s": 3.0, "published_with": 3}
        return {"seconds": seconds, "facts": facts, "networkx": {"method": method, "seconds": 4.0}}

    jobs = {
        "jobs": {"a": job(3.5, 2.0, 0.1), "b": job(1.2, 0.0, 0.05), "c": job(9.0, 0.0, 8.0, "extrapolated")}
    }
    parts = report.full_only_parts(jobs)
    assert parts is not None
    assert {k: round(v, 6) for k, v in parts.items()} == {
        "projection": 2.0,
        "compute": 0.15,
        "publication": 2.0,
        "rest": 0.55,
        "networkx": 8.0,
        "ceiling": 2.0,
    }
    assert report.full_only_parts({"jobs": {"c": jobs["jobs"]["c"]}}) is None


def test_the_local_neo4j_default_is_named_with_its_own_rule() -> None:
    result = _result(None)
    result["engine"] = "neo4j"
    line = _memory_finding(result)
    assert "valuenet's default, sized from the data (3x the store + 512 MB, at least 1 GB" in line
    assert "4x the databases' size" not in line
