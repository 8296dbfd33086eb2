"""The focal set on a real engine: a graph without :Sample nodes counts every organisation (and says so),
VALUENET_FOCAL names another label or `all`, and a job whose projection holds no relationship fails."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from gds_jobs import catalogue
from gds_jobs.catalogue import NoRelationshipsError
from gds_jobs.runner import JobFailedError, choose_backend, history, read_scores, run_job
from loader import load_mapping
from loader.mapping import from_dict
from tests.cli_support import run_cli
from tests.jobs_fixtures import load_orgs, load_rels
from valuenet import focal, questions, report
from valuenet.config import Settings
from valuenet.db import Graph


def _no_samples(graph: Graph) -> Graph:
    """An analyst's graph: supplier -> customer relations, no organisation declared a sample."""
    load_orgs(graph, ["A", "B", "C", "D", "LONE"])
    load_rels(graph, "EMPOWERS", [("A", "B"), ("A", "C"), ("B", "C"), ("D", "A")])
    return graph


def test_without_sample_nodes_every_organisation_is_focal(graph: Graph) -> None:
    chosen = focal.for_graph(_no_samples(graph), "")
    assert chosen.label is None and chosen.describe() == "all organisations"
    assert "no :Sample organisations in this graph" in chosen.note
    backend = choose_backend(graph, "local")  # the default: decided from the graph
    assert backend.focal.label is None
    rec = run_job(graph, catalogue.get("degree_tech"), backend=backend)
    _, scores = read_scores(graph, "degree_tech")
    # every organisation with relations scored by its relations (the Sample rule would keep none)
    assert scores == {"A": 3, "B": 2, "C": 2, "D": 1, "LONE": 0}
    assert rec.relationships == 4 and rec.facts["focal_set"] == "all organisations"
    assert "every organisation counts as focal" in rec.facts["focal_set_note"]


def test_with_sample_nodes_the_model_default_holds(graph: Graph) -> None:
    load_orgs(graph, ["S", "X", "Y"], samples=["S"])
    load_rels(graph, "EMPOWERS", [("X", "S"), ("X", "Y")])
    chosen = focal.for_graph(graph, "")
    assert chosen.label == "Sample" and not chosen.note
    run_job(graph, catalogue.get("degree_tech"), backend=choose_backend(graph, "local", focal=chosen))
    assert read_scores(graph, "degree_tech")[1] == {"S": 1, "X": 1, "Y": 0}  # X -> Y has no sample end
    everyone = focal.for_graph(graph, "ALL")
    run_job(graph, catalogue.get("degree_tech"), backend=choose_backend(graph, "local", focal=everyone))
    assert read_scores(graph, "degree_tech")[1] == {"S": 1, "X": 2, "Y": 1}


def test_a_mapping_declares_the_graphs_focal_set(graph: Graph, tmp_path: Path) -> None:
    load_orgs(graph, ["S", "X", "Y"], samples=["S"])
    load_rels(graph, "EMPOWERS", [("X", "S"), ("X", "Y")])
    assert focal.for_graph(graph, "").label == "Sample"
    (tmp_path / "firms.csv").write_text("名称\n甲\n", encoding="utf-8")
    doc = {"dataset": "mine", "edition": 2024, "licence": "x", "focal": "all"}
    m = from_dict({**doc, "files": [{"path": "firms.csv", "nodes": {"name": "名称"}}]}, base_dir=tmp_path)
    assert (
        "focal set: every organisation from now on (VALUENET_FOCAL overrides it)"
        in load_mapping(graph, m).notes
    )
    assert "focal set: every organisation, as before" in " ".join(load_mapping(graph, m).notes)
    chosen = focal.for_graph(graph, "")  # kept in the graph: jobs and the report follow it
    assert chosen.label is None and not chosen.note and focal.declared(graph) == ("all", "mine")
    run_job(graph, catalogue.get("degree_tech"), backend=choose_backend(graph, "local", focal=chosen))
    assert read_scores(graph, "degree_tech")[1] == {"S": 1, "X": 2, "Y": 1, "org:甲": 0}
    size = {r["what"]: r["count"] for r in report.build(graph).graph[0].rows}
    assert size["focal set (all organisations)"] == size["organisations"] == 4
    assert focal.for_graph(graph, "Sample").label == "Sample"  # VALUENET_FOCAL overrides the graph's


def test_an_unknown_focal_label_names_the_known_ones(graph: Graph) -> None:
    with pytest.raises(ValueError, match=r"VALUENET_FOCAL='Planet'.*not an organisation label \(.*Sample"):
        focal.for_graph(graph, "Planet")


def test_a_job_that_sees_no_relationship_fails_and_is_recorded_failed(graph: Graph) -> None:
    load_orgs(graph, ["S1", "S2"], samples=["S1", "S2"])
    load_rels(graph, "EMPOWERS", [("S1", "S2")])
    with pytest.raises(JobFailedError) as e:
        run_job(graph, catalogue.get("degree_invest_in"), backend=choose_backend(graph, "local"))
    assert isinstance(e.value.cause, NoRelationshipsError)
    assert "no relationship this job counts (INVESTS_IN, focal set: :Sample organisations)" in str(e.value)
    runs = history(graph, "degree_invest_in")
    assert [r["status"] for r in runs] == ["failed"] and "nothing was scored" in runs[0]["error"]
    assert read_scores(graph, "degree_invest_in") == (None, {})  # no scores published


def test_questions_render_with_the_chosen_focal_set(graph: Graph) -> None:
    _no_samples(graph)
    graph.write(
        "CREATE (c:City {code: '440100', name_zh: '广州市'}) WITH c MATCH (o:Organization) "
        "SET o.country = 'CN' CREATE (o)-[:LOCATED_IN]->(c)"
    )
    q = questions.get("cities_ranked")
    everyone = focal.for_graph(graph, "all").model
    params = q.validate({"relation": "tech"})
    assert ":Sample)" in q.query(params) and ":Sample)" not in q.query(params, everyone)
    assert ":Organization)" in q.query(params, everyone)
    rows = questions.ask(graph, "cities_ranked", {"relation": "tech"}, model=everyone)[2].rows
    assert [(r["code"], r["relations"]) for r in rows] == [("440100", 8)]  # 4 relations, seen from each end
    assert questions.ask(graph, "cities_ranked", {"relation": "tech"})[2].rows == []  # the Sample rule


def test_the_sample_questions_count_the_chosen_focal_set(graph: Graph) -> None:
    _no_samples(graph)
    graph.write("MATCH (o:Organization) WHERE o.id IN ['A', 'B', 'C'] SET o.founded_year = 2015")
    everyone = focal.for_graph(graph, "all").model
    # founding years of "the sample": every organisation here, whatever the edition (no editions recorded)
    rows = questions.ask(graph, "founding_years", {"edition": 2021}, model=everyone)[2].rows
    assert [(r["year"], r["enterprises"], r["share"]) for r in rows] == [(2015, 3, 100.0)]
    assert questions.ask(graph, "founding_years", {"edition": 2021})[2].rows == []  # the Sample rule
    # the top organisations "among the sample" and counting only relations with "sample" counterparts
    params = {"relation": "tech", "among": "sample", "counterpart": "sample"}
    rows = questions.ask(graph, "top_by_degree", params, model=everyone)[2].rows
    assert [(r["id"], r["degree"]) for r in rows] == [("A", 3), ("B", 2), ("C", 2), ("D", 1)]


def test_cli_jobs_and_ask_on_a_graph_without_samples(engine_settings: Settings, graph: Graph) -> None:
    _no_samples(graph)
    db = str(graph.info.database)
    res = run_cli(["jobs", "run", "degree_tech", "--format", "json"], engine_settings, database=db)
    assert res.returncode == 0, res.stderr
    assert "note: no :Sample organisations in this graph" in res.stderr
    assert json.loads(res.stdout)[0]["relationships"] == 4
    res = run_cli(["jobs", "run", "degree_invest_out"], engine_settings, database=db)
    assert res.returncode == 1 and "FAILED" in res.stderr + res.stdout
    assert "nothing was scored" in res.stdout
    res = run_cli(["ask", "countries_ranked", "-p", "relation=tech"], engine_settings, database=db)
    assert res.returncode == 0 and "note: no :Sample organisations" in res.stderr, res.stderr
    res = run_cli(
        ["jobs", "run", "degree_tech"], engine_settings, database=db, env_extra={"VALUENET_FOCAL": "Planet"}
    )
    assert res.returncode == 2 and "VALUENET_FOCAL='Planet'" in res.stderr


def test_the_explorer_asks_on_the_graphs_focal_set(graph: Graph, engine_settings: Settings) -> None:
    from explorer import data

    _no_samples(graph)
    c = data.Conn(graph=graph, key=f"focal-{graph.info.database}", settings=engine_settings)
    label, note = data.focal_set(c)
    assert label is None and "every organisation counts as focal" in note
    q = questions.get("top_by_degree")
    params = q.validate({"relation": "tech", "among": "sample", "counterpart": "sample"})
    rows = data.ask(c, q.id, params).rows  # the Sample rule would find no one
    assert [(r["id"], r["degree"]) for r in rows] == [("A", 3), ("B", 2), ("C", 2), ("D", 1)]
