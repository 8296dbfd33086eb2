"""The benchmark harness end to end on a tiny hand-made graph (examples/mapping.yaml), on both engines in one
run (the embedded ArcadeDB, then the local Neo4j + GDS: not measured without Java and Maven): load, every
job with the networkit and networkx columns, every question, the explorer pages, and the JSON + Markdown
results with the goals side by side. Not in `make test` (testpaths = tests); run it with
`.venv/bin/pytest bench/test_bench.py`."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from bench import run
from gds_jobs import catalogue
from valuenet import questions
from valuenet.engines.neo4j_dist import missing_requirements

ROOT = Path(__file__).resolve().parent.parent


@pytest.mark.slow
def test_harness_end_to_end_on_a_tiny_graph(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    args = [
        *("--mapping", str(ROOT / "examples" / "mapping.yaml")),
        *("--scales", "1", "--runs", "2", "--nx-budget", "1", "--heap", "1g", "--no-profile"),
        *("--engines", "arcadedb,neo4j"),
        *("--out", str(tmp_path)),
    ]
    assert run.main(args) == 0
    (js,) = tmp_path.glob("*-arcadedb+neo4j.json")
    (md,) = tmp_path.glob("*-arcadedb+neo4j.md")
    both = json.loads(js.read_text(encoding="utf-8"))
    assert list(both["engines"]) == ["arcadedb", "neo4j"]
    result = both["engines"]["arcadedb"]
    one = result["scales"]["1"]
    assert one["load"]["nodes"] > 0 and one["load"]["relationships"] > 0
    assert one["load"]["engine_peak_rss_mb"] > 0 and one["load"]["loader_peak_rss_mb"] > 0
    phases = [p for p in one["load"]["phases"].values() if isinstance(p, dict)]
    assert phases and all(p["engine_cpu_s"] >= 0 and p["loader_cpu_s"] > 0 for p in phases)  # CPU per phase
    assert set(one["jobs"]["jobs"]) == set(catalogue.JOBS)
    for name, job in one["jobs"]["jobs"].items():
        assert job["seconds"] > 0, name
        assert job["networkit_s"] is not None, name
        assert job["networkx"]["seconds"] is not None or job["networkx"]["method"].startswith("n/a"), name
    assert set(one["questions"]) == set(questions.library())
    assert all("p50_ms" in q or "error" in q for q in one["questions"].values())
    assert {q["goal_p95_ms"] for q in one["questions"].values()} == {100.0}
    assert all(q["status"] in ("met", "missed", "no figure") for q in one["questions"].values())
    answered = [q for q in one["questions"].values() if "p50_ms" in q]
    assert all(q["engine_cpu_ms"] >= 0 and q["client_cpu_ms"] > 0 for q in answered)  # the engine's pid known
    assert one["baseline"]["return1_p50_ms"] > 0 and one["baseline"]["python_loop_ms"] > 0
    assert one["explorer"].get("pages"), one["explorer"]
    assert result["targets"] == []  # a hand-made mapping is not the reference graph
    cli = result["cli_start"]
    assert cli["help"]["exit_codes"] == [0] and cli["cypher_return1"]["exit_codes"] == [0]
    assert 0 < cli["help"]["wall_min_s"] <= cli["help"]["wall_median_s"] <= cli["help"]["wall_max_s"]
    text = md.read_text(encoding="utf-8")
    assert "### Load" in text and "### Jobs" in text and "### Questions" in text and "### CLI start" in text
    assert "## Goals per engine" in text and "## Jobs side by side (scale 1)" in text
    assert text in capsys.readouterr().out
    neo4j = both["engines"]["neo4j"]
    missing = missing_requirements()
    if missing:
        assert neo4j["not_measured"] == missing and "not measured" in text
        return
    assert "not_measured" not in neo4j and "failed" not in neo4j, neo4j
    jobs = neo4j["scales"]["1"]["jobs"]
    assert jobs["backend"] == "gds"
    assert all(j["seconds"] > 0 for j in jobs["jobs"].values()), jobs
    assert jobs["networkx_measured_on"] == "arcadedb"
    assert set(neo4j["scales"]["1"]["questions"]) == set(questions.library())
