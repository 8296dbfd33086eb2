"""`valuenet figures`: the one verb that checks the graph (or the generated reference tables) against the
report's published figures, with --format and --all."""

from __future__ import annotations

import json

import networkx as nx
from typer.testing import CliRunner

from gds_jobs import catalogue
from gds_jobs.local import LocalBackend
from gds_jobs.runner import run_job
from tests.cli_support import run_cli
from tests.jobs_fixtures import load_nx
from valuenet.cli import EXIT_ERROR, EXIT_USAGE, app
from valuenet.config import Settings
from valuenet.db import Graph


def invoke(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(app, ["figures", *args])
    return result.exit_code, result.stdout


def test_degree_tables_on_a_graph_without_the_reports_organisations(
    graph: Graph, engine_settings: Settings
) -> None:
    load_nx(graph, nx.karate_club_graph())
    run_job(graph, catalogue.get("degree_tech"), backend=LocalBackend(graph))
    res = run_cli(["figures", "degrees", "-f", "json"], engine_settings, database=graph.info.database)
    assert res.returncode == EXIT_ERROR, res.stderr
    rows = json.loads(res.stdout)
    printed = [r for r in rows if not r["figure"].startswith("rank_order:")]
    assert len(printed) == 282 and {r["verdict"] for r in printed} == {"not measured"}
    assert any(r["note"] == "华为 is not in the graph" for r in printed)
    assert {r["check"] for r in rows} == {"degrees"}
    res = run_cli(["figures", "degrees", "-f", "csv"], engine_settings, database=graph.info.database)
    assert res.returncode == EXIT_ERROR and res.stdout.splitlines()[0].startswith("check,figure,description,")


def test_reference_tables_generated_in_memory_meet_every_target() -> None:
    code, out = invoke("reference", "--generated", "-f", "json")
    assert code == 0 and json.loads(out) == []  # no misses
    code, out = invoke("reference", "--generated", "--all", "-f", "json")
    rows = json.loads(out)
    assert code == 0 and len(rows) == 781 + 12
    assert {r["verdict"] for r in rows} <= {"equal", "within tolerance", "variant"}


def test_options_that_do_not_fit_are_refused() -> None:
    assert invoke("report", "--generated")[0] == EXIT_USAGE
    assert invoke("reference", "--seed", "7")[0] == EXIT_USAGE
    assert invoke("everything")[0] == EXIT_USAGE
    generate = CliRunner().invoke(app, ["generate", "--check"])
    assert generate.exit_code == EXIT_USAGE  # checking moved to `valuenet figures`; generate only writes
