"""`valuenet jobs ...` end to end against the embedded engine, and the cron schedule."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
from collections.abc import Callable

import networkx as nx
import pytest
from typer.testing import CliRunner

from gds_jobs.schedule import build_scheduler, parse_cron, scheduled_run
from tests.jobs_fixtures import load_nx
from valuenet.cli import app
from valuenet.config import Settings
from valuenet.db import Graph


@pytest.fixture
def cli_graph(
    fresh_graph: Callable[..., Graph], engine_settings: Settings, monkeypatch: pytest.MonkeyPatch
) -> Graph:
    g = fresh_graph("cli")
    load_nx(g, nx.karate_club_graph())
    monkeypatch.delenv("NEO4J_URI", raising=False)
    monkeypatch.setenv("VALUENET_HOME", str(engine_settings.home))
    monkeypatch.setenv("NEO4J_DATABASE", g.info.database or "")
    return g


def invoke(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(app, ["jobs", *args])
    return result.exit_code, result.stdout


def test_list_shows_every_job() -> None:
    code, out = invoke("list", "--format", "json")
    assert code == 0
    jobs = {row["job"]: row for row in json.loads(out)}
    assert {"degree_tech", "pagerank", "betweenness", "louvain", "leiden", "network_stats"} <= set(jobs)
    assert jobs["degree_tech_in"]["orientation"] == "REVERSE"


def test_run_then_history(cli_graph: Graph) -> None:
    code, out = invoke("run", "degree_tech", "wcc", "network_stats", "--backend", "local", "-f", "json")
    assert code == 0, out
    runs = json.loads(out)
    assert [r["status"] for r in runs] == ["succeeded"] * 3
    assert "diameter=5" in runs[2]["note"]
    code, out = invoke("history", "-f", "json")
    assert code == 0 and {r["job"] for r in json.loads(out)} == {"degree_tech", "wcc", "network_stats"}


def broken_algorithm(*args: object) -> None:
    raise RuntimeError("networkit gave up")


def test_run_with_parameters_and_exit_code_on_failure(
    cli_graph: Graph, monkeypatch: pytest.MonkeyPatch
) -> None:
    code, out = invoke("run", "betweenness", "-p", "epsilon:=0.5", "-f", "json")
    assert code == 0 and json.loads(out)[0]["status"] == "succeeded"
    code, out = invoke("run", "betweenness", "-p", "epsilon:=-1", "-f", "json")
    assert code == 2 and out == ""  # refused before anything runs
    monkeypatch.setattr("gds_jobs.local.compute", broken_algorithm)
    code, out = invoke("run", "betweenness", "-f", "json")
    assert code == 1 and json.loads(out)[0]["status"] == "failed"
    code, _ = invoke("run", "pagerank", "-p", "nope:=1")
    assert code == 2
    code, _ = invoke("run", "no_such_job")
    assert code == 2


def test_movers_after_two_runs(cli_graph: Graph) -> None:
    assert invoke("run", "pagerank")[0] == 0
    assert invoke("history", "pagerank", "--movers")[0] == 1  # one run: nothing to compare yet
    assert invoke("run", "pagerank")[0] == 0
    code, out = invoke("history", "pagerank", "--movers", "-f", "json")
    assert code == 0 and all(m["change"] == 0 for m in json.loads(out))  # same graph, same ranks


def test_cron_parsing_and_next_fire_time() -> None:
    trigger = parse_cron("30 3 * * 1-5")
    start = dt.datetime(2026, 11, 21, 12, 0, tzinfo=dt.UTC)  # a Saturday
    nxt = trigger.get_next_fire_time(None, start)
    assert (nxt.weekday(), nxt.hour, nxt.minute) == (0, 3, 30)  # Monday 03:30
    for bad in ("every day", "61 * * * *", "* * * *"):
        with pytest.raises(ValueError):
            parse_cron(bad)
    scheduler, _ = build_scheduler("0 3 * * *", ["pagerank", "wcc"])
    (job,) = scheduler.get_jobs()
    assert job.args[0] == ["pagerank", "wcc"] and job.max_instances == 1
    with pytest.raises(KeyError):
        build_scheduler("0 3 * * *", ["nope"])


@pytest.mark.parametrize("zone", ["Mars/Olympus", "", "../etc/passwd"])
def test_an_unknown_time_zone_is_a_usage_error(zone: str) -> None:
    """An operator's typo in --timezone was a ZoneInfoNotFoundError traceback; now one line, exit 2, before
    anything is scheduled."""
    result = CliRunner().invoke(app, ["jobs", "schedule", "0 3 * * *", "--timezone", zone])
    assert result.exit_code == 2 and not isinstance(result.exception, LookupError)
    assert f"unknown time zone {zone!r}" in " ".join(result.stderr.split())


def test_a_scheduled_fire_runs_the_jobs(cli_graph: Graph, engine_settings: Settings) -> None:
    settings = dataclasses.replace(engine_settings, neo4j_database=cli_graph.info.database)
    assert scheduled_run(["degree_tech", "wcc"], "local", settings) == {
        "degree_tech": "succeeded",
        "wcc": "succeeded",
    }


@pytest.mark.parametrize(
    ("weekday", "expected"),
    [
        ("1-5", {0, 1, 2, 3, 4}),
        ("0", {6}),
        ("7", {6}),
        ("*/2", {6, 1, 3, 5}),
        ("sat,sun", {5, 6}),
        ("*", set(range(7))),
    ],
)
def test_crontab_weekday_numbering(weekday: str, expected: set[int]) -> None:
    trigger = parse_cron(f"0 3 * * {weekday}")
    t = dt.datetime(2026, 11, 21, tzinfo=dt.UTC)
    seen = set()
    for _ in range(14):
        t = trigger.get_next_fire_time(None, t + dt.timedelta(seconds=1))
        seen.add(t.weekday())  # Python: 0 = Monday
    assert seen == expected


def test_stats_next_to_table3(cli_graph: Graph) -> None:
    assert invoke("stats")[0] == 1  # nothing computed yet
    assert invoke("run", "network_stats", "-p", "exact_paths:=true")[0] == 0
    code, out = invoke("stats", "-f", "json")
    assert code == 0
    rows = {r["statistic"]: r for r in json.loads(out)}
    assert rows["diameter"]["graph"] == 5 and rows["nodes"]["graph"] == 34
    assert "report_2021" not in rows["diameter"]  # the karate club is not the report's graph
    assert rows["avg_path_length"]["method"].startswith("directed, exact")
    # a graph holding the report's 2021 sample gets the report's Table 3 beside its own
    cli_graph.write("MATCH (s:Sample) SET s.sample_editions = [2021]")
    rows = {r["statistic"]: r for r in json.loads(invoke("stats", "-f", "json")[1])}
    assert rows["diameter"]["report_2021"] == 14 and rows["modularity"]["report_2021"] == 0.657
