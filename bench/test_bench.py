"""The benchmark harness end to end on a tiny hand-made graph (examples/mapping.yaml): its own embedded
engine, load, every job with the networkit and networkx columns, every question, the explorer pages, and
the JSON + Markdown results. Not in `make test` (testpaths = tests); run it with
`.venv/bin/pytest bench/test_bench.py`."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from bench import run
from gds_jobs import catalogue
from valuenet import questions

ROOT = Path(__file__).resolve().parent.parent


@pytest.mark.slow
def test_harness_end_to_end_on_a_tiny_graph(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    args = [
        *("--mapping", str(ROOT / "examples" / "mapping.yaml")),
        *("--scales", "1", "--runs", "2", "--nx-budget", "1", "--heap", "1g", "--no-profile"),
        *("--out", str(tmp_path)),
    ]
    assert run.main(args) == 0
    (js,) = tmp_path.glob("*-embedded.json")
    (md,) = tmp_path.glob("*-embedded.md")
    result = json.loads(js.read_text(encoding="utf-8"))
    one = result["scales"]["1"]
    assert one["load"]["nodes"] > 0 and one["load"]["relationships"] > 0
    assert one["load"]["engine_peak_rss_mb"] > 0 and one["load"]["loader_peak_rss_mb"] > 0
    assert set(one["jobs"]["jobs"]) == set(catalogue.JOBS)
    for name, job in one["jobs"]["jobs"].items():
        assert job["seconds"] > 0, name
        assert job["networkit_s"] is not None, name
        assert job["networkx"]["seconds"] is not None or job["networkx"]["method"].startswith("n/a"), name
    assert set(one["questions"]) == set(questions.library())
    assert all("p50_ms" in q or "error" in q for q in one["questions"].values())
    assert {q["goal_p95_ms"] for q in one["questions"].values()} == {100.0}
    assert all(q["status"] in ("met", "missed", "no figure") for q in one["questions"].values())
    assert one["baseline"]["return1_p50_ms"] > 0 and one["baseline"]["python_loop_ms"] > 0
    assert one["explorer"].get("pages"), one["explorer"]
    assert result["targets"] == []  # a hand-made mapping is not the reference graph
    cli = result["cli_start"]
    assert cli["help"]["exit_codes"] == [0] and cli["cypher_return1"]["exit_codes"] == [0]
    assert 0 < cli["help"]["wall_min_s"] <= cli["help"]["wall_median_s"] <= cli["help"]["wall_max_s"]
    text = md.read_text(encoding="utf-8")
    assert "## Load" in text and "## Jobs" in text and "## Questions" in text and "## CLI start" in text
    assert text in capsys.readouterr().out
