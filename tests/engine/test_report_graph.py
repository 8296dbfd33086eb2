"""`valuenet report` about a graph that is not the 2021 report's: the graph's own tables with their coverage,
no side by side with the report's figures unless asked; `jobs stats` without the report's column."""

from __future__ import annotations

import json
from pathlib import Path

from gds_jobs import catalogue
from gds_jobs.runner import choose_backend, run_job
from tests.cli_support import run_cli
from tests.jobs_fixtures import load_orgs, load_rels
from valuenet import report
from valuenet.config import Settings
from valuenet.db import Graph


def _analysts_graph(graph: Graph) -> Graph:
    """Five listed companies (no :Sample role), supply relations, two in Guangzhou, one reporting staff."""
    load_orgs(graph, ["A", "B", "C", "D", "E"])
    load_rels(graph, "EMPOWERS", [("A", "B"), ("A", "C"), ("B", "C"), ("D", "A")])
    graph.write(
        "CREATE (:City {code: '440100', name_zh: '广州市', name_en: 'Guangzhou'}) "
        "WITH 1 AS one MATCH (o:Organization) WHERE o.id IN ['A', 'B'] "
        "MATCH (c:City {code: '440100'}) CREATE (o)-[:LOCATED_IN]->(c)"
    )
    graph.write("MATCH (o:Organization {id: 'A'}) SET o.staff = 1200, o.country = 'CN'")
    return graph


def test_the_report_describes_the_graph_and_states_its_denominators(graph: Graph, tmp_path: Path) -> None:
    _analysts_graph(graph)
    run_job(graph, catalogue.get("degree_tech"), backend=choose_backend(graph, "local"))
    rep = report.build(graph)
    assert not rep.compared and rep.sections == [] and rep.judgements == []
    assert "all organisations" in rep.focal and "no :Sample organisations" in rep.focal
    tables = {t.id: t for t in rep.graph}
    size = {r["what"]: r["count"] for r in tables["size"].rows}
    assert size["organisations"] == 5 and size["focal set (all organisations)"] == 5
    assert size["[:EMPOWERS] (empowers (technology))"] == 4
    top = [(r["name_zh"], r["relations"]) for r in tables["top_degree"].rows[:2]]
    assert top == [("机构A", 3), ("机构B", 2)]
    cities = [(r["code"], r["organizations"], r["share"]) for r in tables["by_city"].rows]
    assert cities == [("440100", 2, 100.0)]
    assert tables["by_city"].note.startswith("2 of 5 (40.0 %) organisations have a city")
    staff = next(r for r in tables["attributes"].rows if r["attribute"] == "staff")
    assert staff["reported"] == "1 of 5 (20.0 %)" and staff["mean"] == 1200
    assert "reported by none: founded_year" in tables["attributes"].note
    relations = tables["relations"]
    assert "known for 3 of 8 (37.5 %) relations" in relations.note  # only A has a country
    assert tables["top_degree_tech"].rows[0]["name_zh"] == "机构A"
    assert "no network statistics yet" in tables["structure"].note
    md, page = report.write(rep, tmp_path)
    text = md.read_text(encoding="utf-8")
    assert text.startswith("# 价值网络报告 / Value network report — this graph")
    assert "2021" not in text and "| 440100 | 广州市 | Guangzhou | 2 | 100 |" in text
    assert '<h3 id="by_city">' in page.read_text(encoding="utf-8")


def test_the_comparison_is_added_when_asked(graph: Graph) -> None:
    _analysts_graph(graph)
    rep = report.build(graph, compare=True)
    assert rep.compared and rep.judgements and "Side by side with the 2021 report" in report.to_markdown(rep)


def test_the_report_graph_is_compared_by_default(question_graph: Graph) -> None:
    rep = report.build(question_graph)  # its samples are in the 2021 edition
    assert rep.compared and rep.judgements and rep.focal == "focal set: :Sample organisations"
    tables = {t.id: t for t in rep.graph}
    assert set(tables) >= {"size", "relations", "top_degree", "by_city", "by_industry", "attributes"}
    assert " :Sample organisations have an industry ([:IN_INDUSTRY])" in tables["by_industry"].note


def test_cli_report_and_jobs_stats_on_a_graph_that_is_not_the_reports(
    engine_settings: Settings, graph: Graph, tmp_path: Path
) -> None:
    _analysts_graph(graph)
    db = str(graph.info.database)
    res = run_cli(["report", "--out", str(tmp_path)], engine_settings, database=db)
    assert res.returncode == 0, res.stderr
    assert "a report about this graph: 5 organisations" in res.stdout and "figures:" not in res.stdout
    res = run_cli(["report", "--out", str(tmp_path), "--compare", "2021"], engine_settings, database=db)
    assert res.returncode == 0 and "figures:" in res.stdout, res.stderr
    assert run_cli(["jobs", "run", "network_stats"], engine_settings, database=db).returncode == 0
    res = run_cli(["jobs", "stats", "--format", "json"], engine_settings, database=db)
    rows = json.loads(res.stdout)
    assert rows and all("report_2021" not in r for r in rows)
    assert next(r for r in rows if r["statistic"] == "edges")["graph"] == 4
