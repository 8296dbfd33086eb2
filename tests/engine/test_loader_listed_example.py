"""The listed-companies example (examples/listed/), loaded end to end: a graph unlike the report's (no
sample, an own industry taxonomy with a crosswalk, products, the industry chain, disclosed and inferred
supply relations).

This module holds the load half; the `listed` fixture is the loaded graph, for the jobs, questions and
report checks on it.
"""

from __future__ import annotations

import importlib.util
from pathlib import Path
from typing import Any

import pytest

from loader import load_mapping
from loader.dimensions import load_dimensions
from loader.load_report import LoadReport
from valuenet.db import Graph

EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "listed"
MAPPING = EXAMPLE / "mapping.yaml"
DATASET = "example-listed-synthetic"


@pytest.fixture(scope="module")
def listed(fresh_graph: Any) -> tuple[Graph, LoadReport]:
    g: Graph = fresh_graph("listed")
    load_dimensions(g)
    return g, load_mapping(g, MAPPING, allow_rejects=True)


def one(g: Graph, query: str, **params: Any) -> Any:
    rows = g.run(query, params)
    assert len(rows) == 1, rows
    return next(iter(rows[0].values()))


def test_the_script_writes_the_committed_tables() -> None:
    spec = importlib.util.spec_from_file_location("make_listed", EXAMPLE / "make_data.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    for name, text in module.tables().items():
        assert (EXAMPLE / "data" / name).read_text(encoding="utf-8") == text, name


def test_rows_kept_and_counts_reconcile(listed: tuple[Graph, LoadReport]) -> None:
    _, report = listed
    kinds = [f.kind for f in report.files]
    assert kinds == ["taxonomy", "crosswalk", "taxonomy", "chain", "nodes", "nodes", "relations", "relations"]
    for f in report.files:
        assert f.rows_loaded + f.rows_rejected == f.rows_read, f.file
    assert report.rows_read == 1099
    assert report.rows_loaded / report.rows_read >= 0.98
    assert [p.where for p in report.rejects] == ["data/companies.csv:152:公司名称"]
    assert [(p.where, p.outcome) for p in report.warnings] == [
        ("data/companies.csv:9:上市日期", "value dropped"),
        ("data/companies.csv:33:营业收入", "value dropped"),
        ("data/companies.csv:60:申万行业", "value dropped"),
        ("data/companies.csv:92:上市日期", "value dropped"),
    ]


def test_companies_without_a_sample(listed: tuple[Graph, LoadReport]) -> None:
    g, _ = listed
    assert one(g, "MATCH (o:Enterprise) WHERE $d IN o.sources RETURN count(o) AS n", d=DATASET) == 239
    assert one(g, "MATCH (o:Sample) RETURN count(o) AS n") == 0
    assert one(g, "MATCH (o:Organization) WHERE o.synthetic = false RETURN count(o) AS n") == 0
    # A transform strips the exchange suffix; a lookup maps the exchange; the short name is an alias.
    firm = one(g, "MATCH (o:Organization {id: 'a-share:600265'}) RETURN properties(o) AS p")
    assert firm["name_zh"] == "联精微电子(合肥)股份有限公司"
    assert firm["exchange"] == "SSE" and firm["listed"] is True and "联精微电" in firm["aliases"]
    assert firm["listed_date"] == "2007-11-05" and firm["revenue_cny"] == 36_940_000_000
    # The dropped value leaves the rest of its row loaded.
    assert one(g, "MATCH (o:Organization {id: 'a-share:300268'}) RETURN o.listed_date AS d") is None
    # A delisted company's note is removed from its name by a replace transform, in both tables.
    assert one(g, "MATCH (o:Organization) WHERE o.name_zh ENDS WITH '退市)' RETURN count(o) AS n") == 0


def test_places_from_legal_names(listed: tuple[Graph, LoadReport]) -> None:
    g, _ = listed
    rows = g.run(
        "MATCH (o:Organization)-[:LOCATED_IN]->(c:City) WHERE o.id IN $ids "
        "RETURN o.id AS id, c.name_zh AS city",
        {"ids": ["a-share:600265", "a-share:688133", "a-share:000857"]},
    )
    # (合肥) in brackets, 深圳 at the start of the name, 武汉市 from the place column.
    assert {r["id"]: r["city"] for r in rows} == {
        "a-share:600265": "合肥市",
        "a-share:688133": "深圳市",
        "a-share:000857": "武汉市",
    }
    located = one(g, "MATCH (o:Enterprise)-[:LOCATED_IN]->(:City) RETURN count(o) AS n")
    assert located == 239


def test_taxonomies_and_crosswalk(listed: tuple[Graph, LoadReport]) -> None:
    g, _ = listed
    taxonomies = g.run("MATCH (t:Taxonomy) RETURN t.id AS id, t.of AS of ORDER BY id")
    assert taxonomies == [{"id": "prod", "of": "product"}, {"id": "sw", "of": "industry"}]
    assert one(g, "MATCH (c:Category)-[:IN_TAXONOMY]->(:Taxonomy {id: 'sw'}) RETURN count(c) AS n") == 33
    assert one(g, "MATCH (p:Product)-[:IN_TAXONOMY]->(:Taxonomy {id: 'prod'}) RETURN count(p) AS n") == 22
    leaf = one(
        g,
        "MATCH (c:Category {id: 'sw:710201'})-[:SUBCLASS_OF]->(p:Category)-[:SUBCLASS_OF]->(top:Category) "
        "RETURN [c.name_zh, c.level, p.name_zh, top.name_zh, top.level] AS path",
    )
    # Names are shown NFKC-folded as organisations' are (Ⅲ -> III); cells naming 'IT服务Ⅲ' still find it.
    assert leaf == ["IT服务III", 3, "IT服务II", "计算机", 1]
    walk = g.run(
        "MATCH (:Category {id: 'sw:270102'})-[m:MAPS_TO]->(i:Industry) RETURN i.code AS code, m.weight AS w "
        "ORDER BY code"
    )
    assert walk == [{"code": "C26", "w": 0.4}, {"code": "C39", "w": 0.6}]
    # Every company in a crosswalked category reaches GB/T 4754, marked as inferred by the crosswalk.
    assert one(g, "MATCH (o:Enterprise)-[:IN_CATEGORY]->(:Category) RETURN count(o) AS n") == 238
    inferred = g.run(
        "MATCH (o:Enterprise)-[r:IN_INDUSTRY]->(i:Industry) RETURN i.code AS code, r.inferred AS inferred, "
        "r.methods AS methods, count(o) AS n ORDER BY code"
    )
    assert {r["code"] for r in inferred} <= {"C26", "C34", "C36", "C38", "C39", "I64", "I65", "R86"}
    assert one(g, "MATCH (o:Enterprise)-[:IN_INDUSTRY]->(:Industry) RETURN count(DISTINCT o) AS n") == 238
    # A category split evenly (云服务: I64 0.5, I65 0.5) gives its companies both divisions.
    tie = g.run(
        "MATCH (o:Enterprise)-[:IN_CATEGORY]->(:Category {id: 'sw:710202'}) WITH o LIMIT 1 "
        "MATCH (o)-[:IN_INDUSTRY]->(i:Industry) RETURN i.code AS code ORDER BY code"
    )
    assert tie == [{"code": "I64"}, {"code": "I65"}]
    assert all(r["inferred"] is True and r["methods"] == ["crosswalk sw -> GB/T 4754"] for r in inferred)


def test_products_and_the_chain(listed: tuple[Graph, LoadReport]) -> None:
    g, _ = listed
    assert one(g, "MATCH (:Product)-[r:UPSTREAM_OF]->(:Product) RETURN count(r) AS n") == 18
    assert one(g, "MATCH (:Enterprise)-[r:MAKES]->(:Product) RETURN count(r) AS n") == 492
    made = one(
        g,
        "MATCH (o:Organization {id: 'a-share:688133'})-[:MAKES]->(p:Product) RETURN collect(p.name_zh) AS p",
    )
    listed_products = one(g, "MATCH (o:Organization {id: 'a-share:688133'}) RETURN o.main_products AS p")
    assert sorted(made) == sorted(listed_products) == ["伺服电机", "硅片"]


def test_supply_observed_and_inferred(listed: tuple[Graph, LoadReport]) -> None:
    g, _ = listed
    rows = g.run(
        "MATCH (:Enterprise)-[r:EMPOWERS]->(:Enterprise) "
        "RETURN r.inferred AS inferred, r.methods AS methods, count(r) AS n ORDER BY n"
    )
    # 213 pairs inferred from the product chain; 60 of them also disclosed, which makes them observed.
    assert rows == [
        {"inferred": None, "methods": None, "n": 60},
        {"inferred": True, "methods": ["product chain"], "n": 153},
    ]
    amount = one(
        g,
        "MATCH (:Organization {id: 'a-share:688377'})-[r:EMPOWERS]->(:Organization {id: 'a-share:000739'}) "
        "RETURN r.amount_cny AS a",
    )
    assert amount == 356_000_000


def test_loading_again_changes_nothing(listed: tuple[Graph, LoadReport]) -> None:
    g, _ = listed
    before = g.counts()
    again = load_mapping(g, MAPPING, allow_rejects=True)
    assert g.counts() == before
    assert not again.changed and again.transactions == 0
    first = listed[1]
    # Everything the first load created is found again (taxonomies and their members included).
    assert (again.nodes_unchanged, again.relationships_unchanged) == (
        first.nodes_created,
        first.relationships_created,
    )
    assert again.rows_loaded == listed[1].rows_loaded


# -- the graph half (issue 13): jobs, questions by name, the report about this graph ------------------------
# These run after the load checks above (file order): the jobs write scores and runs into the graph.


def test_jobs_score_every_organisation_with_relations(listed: tuple[Graph, LoadReport]) -> None:
    from gds_jobs import catalogue
    from gds_jobs.catalogue import NoRelationshipsError
    from gds_jobs.runner import JobFailedError, choose_backend, latest_network_stats, read_scores, run_job
    from valuenet import focal

    g, _ = listed
    chosen = focal.for_graph(g, "")  # the mapping declares no Sample role
    assert chosen.label is None and "no :Sample organisations" in chosen.note
    backend = choose_backend(g, "local", share_projections=True)
    for job in ("degree_tech", "pagerank", "network_stats"):
        run_job(g, catalogue.get(job), backend=backend)
    related = {
        r["id"]
        for r in g.run(
            "MATCH (o:Organization) WHERE EXISTS { (o)-[:EMPOWERS]-(:Organization) } RETURN o.id AS id"
        )
    }
    _, degree = read_scores(g, "degree_tech")
    assert len(related) == 154 and {i for i, d in degree.items() if d > 0} == related
    _, pagerank = read_scores(g, "pagerank")
    assert related <= set(pagerank)
    stats = latest_network_stats(g)
    assert stats is not None and stats["edges"] == 213  # every supply pair once (disclosed or inferred)
    with pytest.raises(JobFailedError) as e:  # no investment relations here: nothing to score, said so
        run_job(g, catalogue.get("degree_invest_in"), backend=backend)
    assert isinstance(e.value.cause, NoRelationshipsError)


def test_questions_take_the_graphs_names(listed: tuple[Graph, LoadReport]) -> None:
    from valuenet import questions, resolve

    g, _ = listed
    # a supplier, its customer's GB/T division (through the crosswalk) and city, as a user would type them
    pick = g.run(
        "MATCH (p:Organization)-[:EMPOWERS]->(t:Organization)-[:IN_INDUSTRY]->(i:Industry), "
        "(t)-[:LOCATED_IN]->(c:City) WHERE i.level = 'division' "
        "RETURN p.name_zh AS provider, i.code AS code, i.name_zh AS industry, c.code AS city, "
        "c.name_zh AS city_name ORDER BY provider, code, city LIMIT 1"
    )[0]
    short = resolve.names(g).resolve(pick["city_name"], resolve.PLACES).short_zh or pick["city_name"]
    params = {"industry": pick["industry"], "place": short, "side": "receiver", "limit": 1000}
    _, used, result = questions.ask(g, "who_empowers_industry_in_place", params)
    assert (used["industry"], used["place"]) == (pick["code"], pick["city"])
    assert pick["provider"] in {r["provider"] for r in result.rows}


def test_the_report_is_about_this_graph(listed: tuple[Graph, LoadReport], tmp_path: Path) -> None:
    from valuenet import report

    g, _ = listed
    rep = report.build(g)
    assert not rep.compared and rep.judgements == []  # not the 2021 report's data
    tables = {t.id: t for t in rep.graph}
    size = {r["what"]: r["count"] for r in tables["size"].rows}
    assert size["focal set (all organisations)"] == size["organisations"] == 239
    assert size["[:EMPOWERS] (empowers (technology))"] == 213
    assert tables["by_city"].rows and " of 239 " in tables["by_city"].note
    assert tables["by_category"].rows and tables["by_product"].rows  # the analyst's taxonomy, the products
    assert tables["top_degree"].rows[0]["relations"] >= tables["top_degree"].rows[-1]["relations"] > 0
    assert tables["top_pagerank"].rows and "job run" in tables["structure"].note
    md, _ = report.write(rep, tmp_path)
    text = md.read_text(encoding="utf-8")
    assert "2021" not in text.split("\n", 1)[0] and "Side by side" not in text
