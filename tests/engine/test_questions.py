"""Every question of the library, on a small hand-built graph whose answers are worked out by hand
(tests/data/question_fixture.cypher), plus parameter validation and the CLI."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from tests.cli_support import run_cli
from valuenet import queries, questions
from valuenet.config import Settings
from valuenet.db import Graph
from valuenet.model import MODEL


@pytest.fixture
def qgraph(question_graph: Graph) -> Graph:
    """The shared hand-built graph (tests/conftest.py)."""
    return question_graph


def ask(g: Graph, qid: str, **params: Any) -> list[dict[str, Any]]:
    return questions.ask(g, qid, params)[2].rows


def pick(rows: list[dict[str, Any]], *cols: str) -> list[tuple[Any, ...]]:
    return [tuple(r[c] for c in cols) for r in rows]


def test_every_question_is_tested_here() -> None:
    source = Path(__file__).read_text(encoding="utf-8")
    missing = [qid for qid in questions.library() if f'"{qid}"' not in source]
    assert not missing, f"questions without a test in this file: {missing}"


def test_who_empowers_automobile_manufacturing_in_guangzhou(qgraph: Graph) -> None:
    rows = ask(qgraph, "who_empowers_industry_in_place", industry="C36", place="440100")
    assert pick(rows, "provider", "receivers") == [
        ("明珞装备", 2),
        ("瑞松科技", 2),
        ("华为", 1),
        ("广州科腾", 1),
    ]
    assert rows[0]["location"] == "广州市" and set(rows[1]["examples"]) == {"广汽本田", "广汽丰田"}
    receiver_side = ask(
        qgraph, "who_empowers_industry_in_place", industry="C36", place="440100", side="receiver"
    )
    assert pick(receiver_side, "provider") == [("瑞松科技",), ("华为",), ("广州科腾",)]
    provider_side = ask(qgraph, "who_empowers_industry_in_place", industry="C", place="PRD", side="provider")
    assert pick(provider_side, "provider", "receivers") == [
        ("明珞装备", 2),
        ("瑞松科技", 2),
        ("华为", 1),
        ("广州科腾", 1),
    ]
    abroad = ask(qgraph, "who_empowers_industry_in_place", industry="C36", place="DE", side="receiver")
    assert pick(abroad, "provider", "receivers") == [("明珞装备", 2)]


def test_org_empowers_by_sector_and_region(qgraph: Graph) -> None:
    rows = ask(qgraph, "org_empowers_by_sector", org="华为技术有限公司")  # found through its alias
    assert pick(rows, "code", "section", "tier", "receivers") == [
        ("C36", "C", "secondary", 1),
        ("I", "I", "tertiary", 1),
    ]
    regions = ask(qgraph, "org_empowers_by_region", org="huawei")
    assert pick(regions, "level", "code", "region", "receivers") == [("province", "440000", "广东省", 2)]
    assert ask(qgraph, "org_empowers_by_sector", org="不存在的机构") == []


def test_top_by_degree_variants(qgraph: Graph) -> None:
    tech = ask(qgraph, "top_by_degree", relation="tech", limit=5)
    assert pick(tech, "name", "degree") == [
        ("华为", 4),
        ("广汽本田", 3),
        ("瑞松科技", 3),
        ("明珞装备", 2),
        ("英特尔", 2),
    ]
    samples = ask(qgraph, "top_by_degree", relation="tech", among="sample")
    assert pick(samples, "name", "degree") == [("华为", 4), ("瑞松科技", 3), ("明珞装备", 2), ("广州科腾", 1)]
    assert pick(ask(qgraph, "top_by_degree", relation="tech_input", limit=2), "name", "degree") == [
        ("广汽本田", 3),
        ("华为", 2),
    ]
    assert pick(ask(qgraph, "top_by_degree", relation="study"), "name", "degree") == [("清华大学", 2)]
    assert pick(ask(qgraph, "top_by_degree", relation="work"), "name", "degree") == [
        ("华为", 1),
        ("英特尔", 1),
    ]
    assert pick(ask(qgraph, "top_by_degree", relation="invest_made"), "name", "degree") == [
        ("红杉资本中国", 3),
        ("IDG资本", 2),
        ("华为", 1),
    ]
    foreign = ask(qgraph, "top_by_degree", relation="tech", origin="foreign")
    assert pick(foreign, "name", "degree") == [("英特尔", 2), ("奔驰", 1), ("宝马", 1)]
    assert pick(ask(qgraph, "top_by_degree", relation="tech", kind="University"), "name") == [("清华大学",)]
    gz = ask(qgraph, "top_by_degree", relation="tech", place="440100")
    assert pick(gz, "name", "degree") == [
        ("广汽本田", 3),
        ("瑞松科技", 3),
        ("明珞装备", 2),
        ("广州科腾", 1),
        ("广汽丰田", 1),
    ]
    e2020 = ask(qgraph, "top_by_degree", relation="tech", edition=2020)
    assert pick(e2020, "name", "degree") == [("华为", 2), ("广汽本田", 1), ("英特尔", 1)]


def test_top_by_score_reads_the_jobs_scores(qgraph: Graph) -> None:
    rows = ask(qgraph, "top_by_score", score="degree_tech", among="sample")
    assert pick(rows, "name", "score") == [("华为", 4), ("瑞松科技", 3), ("明珞装备", 2), ("广州科腾", 1)]
    assert ask(qgraph, "top_by_score", score="pagerank") == []  # no pagerank job has run on this graph


def test_relation_types_domestic_foreign(qgraph: Graph) -> None:
    rows = ask(qgraph, "relation_types_domestic_foreign")
    assert pick(rows, "relation", "relations", "domestic", "foreign") == [
        ("talent_study", 2, 2, 0),
        ("talent_work", 2, 1, 1),
        ("financing_received", 5, 5, 0),
        ("investment_made", 1, 0, 1),
        ("tech_empowerment", 7, 5, 2),
        ("tech_input", 3, 1, 2),
    ]
    assert rows[-1]["foreign_share"] == 66.67 and rows[-2]["domestic_share"] == 71.43


def test_the_focal_set_of_the_relation_questions_comes_from_the_model(qgraph: Graph) -> None:
    """With the national platforms (only 华为 here) as the focal set, Table 4 counts 华为's relations: the
    question text follows the graph model, not a :Sample written into it."""
    query = queries.load("questions/relation_types_domestic_foreign").render(MODEL.with_focal("Platform"))
    rows = qgraph.run_readonly(query, {"edition": None}).rows
    assert pick(rows, "relation", "relations", "domestic", "foreign") == [
        ("talent_study", 1, 1, 0),  # 清华大学 -> 华为
        ("investment_made", 1, 0, 1),  # 华为 -> 英特尔
        ("tech_empowerment", 2, 2, 0),  # 华为 -> 广汽本田, 合成企业-00001
        ("tech_input", 2, 1, 1),  # 清华大学, 英特尔 -> 华为
    ]


def test_geography_rankings(qgraph: Graph) -> None:
    assert pick(ask(qgraph, "countries_ranked", relation="tech"), "code", "relations", "share") == [
        ("DE", 2, 50.0),
        ("US", 2, 50.0),
    ]
    assert pick(ask(qgraph, "provinces_ranked", relation="tech"), "code", "relations", "share") == [
        ("440000", 5, 83.33),
        ("110000", 1, 16.67),
    ]
    cities = ask(qgraph, "cities_ranked", relation="tech")
    assert pick(cities, "code", "relations", "share") == [
        ("440100", 4, 66.67),
        ("110100", 1, 16.67),
        ("440300", 1, 16.67),
    ]
    assert cities[0]["lat"] == pytest.approx(23.13)
    assert pick(ask(qgraph, "cities_ranked", relation="tech", within="PRD"), "code") == [
        ("440100",),
        ("440300",),
    ]
    assert pick(ask(qgraph, "provinces_ranked", relation="study"), "code", "relations") == [("110000", 2)]


def test_talent_investors_and_co_investment(qgraph: Graph) -> None:
    study = ask(qgraph, "talent_sources", place="440000", experience="study")
    assert pick(study, "institution", "enterprises") == [("清华大学", 2)]
    gz = ask(qgraph, "talent_sources", place="440100")
    assert pick(gz, "institution", "enterprises") == [("华为", 1), ("清华大学", 1), ("英特尔", 1)]
    assert ask(qgraph, "talent_sources", place="440100", origin="foreign")[0]["institution"] == "英特尔"
    inv = ask(qgraph, "investors_of_field", field="intelligent_manufacturing")
    assert pick(inv, "investor", "enterprises", "amount_cny") == [
        ("红杉资本中国", 3, 50000000.0),
        ("IDG资本", 2, 0),
    ]
    pairs = ask(qgraph, "co_investment_pairs", min_shared=2)
    assert pick(pairs, "investor_a", "investor_b", "shared") == [("IDG资本", "红杉资本中国", 2)]
    assert ask(qgraph, "co_investment_pairs", min_shared=3) == []


def test_ego_network_and_cap(qgraph: Graph) -> None:
    one = ask(qgraph, "ego_network", org="华为")[0]
    assert one["nodes_shown"] == 6 and one["nodes_total"] == 6 and not one["capped"]
    assert {n["id"] for n in one["nodes"]} == {"huawei", "gac-honda", "lone", "intel", "tsinghua", "keteng"}
    assert len(one["edges"]) == 8
    two = ask(qgraph, "ego_network", org="华为", depth=2)[0]
    assert two["nodes_total"] == 9 and {"risong", "mino", "sequoia-cn"} <= {n["id"] for n in two["nodes"]}
    capped = ask(qgraph, "ego_network", org="华为", max_nodes=3)[0]
    assert capped["capped"] and capped["nodes_shown"] == 3
    assert {n["id"] for n in capped["nodes"]} == {"huawei", "intel", "tsinghua"}  # strongest ties kept
    only_talent = ask(qgraph, "ego_network", org="清华大学", types=["SUPPLIES_TALENT"])[0]
    assert {n["id"] for n in only_talent["nodes"]} == {"tsinghua", "risong", "huawei"}


def test_shortest_path(qgraph: Graph) -> None:
    assert ask(qgraph, "shortest_path", source="清华大学", target="华为")[0]["hops"] == 1
    far = ask(qgraph, "shortest_path", source="奔驰", target="广汽本田")[0]
    assert far["hops"] == 4 and far["names"][0] == "奔驰" and far["names"][-1] == "广汽本田"
    assert ask(qgraph, "shortest_path", source="奔驰", target="广汽本田", max_hops=2) == []


def test_platform_brokers(qgraph: Graph) -> None:
    rows = ask(qgraph, "platform_brokers")
    assert pick(
        rows, "platform", "suppliers", "academic_suppliers", "receivers", "only_through_platform"
    ) == [("华为", 2, 1, 2, 1)]
    assert rows[0]["examples"] == ["合成企业-00001"] and rows[0]["domain"] == "基础软硬件"


def test_edition_comparison(qgraph: Graph) -> None:
    total = ask(qgraph, "edition_comparison", metric="samples")
    assert pick(total, "edition_2020", "edition_2021", "change", "change_pct") == [(2, 4, 2, 100.0)]
    tech_in = ask(qgraph, "edition_comparison", metric="tech_input")
    assert pick(tech_in, "edition_2020", "edition_2021") == [(1, 3)]
    by_prov = ask(qgraph, "edition_comparison", metric="samples", by="province")
    assert pick(by_prov, "breakdown", "edition_2020", "edition_2021") == [("广东省", 2, 4)]


def test_sample_questions(qgraph: Graph) -> None:
    assert pick(ask(qgraph, "sample_by_region"), "code", "enterprises", "share") == [("440000", 4, 100.0)]
    assert pick(ask(qgraph, "sample_by_region", level="city"), "code", "enterprises", "share") == [
        ("440100", 3, 75.0),
        ("440300", 1, 25.0),
    ]
    assert pick(ask(qgraph, "sample_by_region", level="metro"), "code", "enterprises") == [("PRD", 4)]
    assert pick(ask(qgraph, "sample_by_region", edition=2020), "code", "enterprises") == [("440000", 2)]
    assert pick(ask(qgraph, "founding_years"), "year", "enterprises", "share") == [
        (1987, 1, 25.0),
        (2008, 1, 25.0),
        (2012, 2, 50.0),
    ]
    assert pick(ask(qgraph, "application_field_shares"), "code", "enterprises", "share", "financing_cny") == [
        ("intelligent_manufacturing", 3, 75.0, 100000000.0),
        ("fintech", 1, 25.0, 300000000.0),
    ]
    assert pick(ask(qgraph, "tech_layer_shares"), "code", "share") == [
        ("application", 75.0),
        ("base", 25.0),
    ]
    assert pick(ask(qgraph, "core_technology_shares"), "code", "enterprises", "share") == [
        ("computer_vision", 2, 50.0)
    ]
    assert pick(ask(qgraph, "core_technology_shares", layer="base"), "share") == [(100.0,)]
    fin = ask(qgraph, "financing_by_province")
    assert pick(fin, "code", "enterprises", "total_cny", "average_cny") == [
        ("440000", 2, 400000000.0, 200000000.0)
    ]


def test_sample_attribute_bins_and_top(qgraph: Graph) -> None:
    fin = ask(qgraph, "sample_attribute_bins", attribute="financing_total_cny", edges="0,200000000")
    assert pick(fin, "lower", "upper", "enterprises", "share") == [
        (0.0, 200000000.0, 1, 50.0),
        (200000000.0, None, 1, 50.0),
    ]
    years = ask(qgraph, "sample_attribute_bins", attribute="founded_year", edges="2000,2010")
    assert pick(years, "lower", "enterprises") == [
        (None, 1),
        (2000.0, 1),
        (2010.0, 2),
    ]  # 1987 is below every edge
    top = ask(qgraph, "sample_attribute_top", attribute="financing_total_cny")
    assert pick(top, "name", "value", "province") == [
        ("华为", 300000000.0, "广东省"),
        ("瑞松科技", 100000000.0, "广东省"),
    ]


def test_platforms_and_exclude_kind(qgraph: Graph) -> None:
    assert pick(ask(qgraph, "platforms"), "platform", "domain", "empowers", "inputs", "investments") == [
        ("华为", "基础软硬件", 2, 2, 1)
    ]
    corporate = ask(qgraph, "top_by_degree", relation="invest_made", exclude_kind="Investor")
    assert pick(corporate, "name", "degree") == [("华为", 1)]


def test_core_sector_flows(qgraph: Graph) -> None:
    assert pick(ask(qgraph, "core_sector_flows"), "code", "relations", "share") == [
        ("secondary", 6, 85.71),
        ("tertiary", 1, 14.29),
    ]
    assert pick(ask(qgraph, "core_sector_flows", by="division"), "code", "relations") == [
        ("C36", 6),
        ("I", 1),
    ]
    assert pick(ask(qgraph, "core_sector_flows", direction="other_to_core"), "code", "relations") == [
        ("secondary", 2)
    ]


def test_choices_come_from_the_graph(qgraph: Graph) -> None:
    places = questions.choices(qgraph, "who_empowers_industry_in_place", "place")
    assert {"value": "440100", "label": "广州市", "group": "广东省"} in places
    industries = questions.choices(qgraph, "who_empowers_industry_in_place", "industry")
    assert {"value": "C36", "label": "C36 汽车制造业", "group": "C"} in industries
    assert questions.choices(qgraph, "top_by_degree", "relation")[0] == {
        "value": "tech",
        "label": "tech",
    }


def test_cli_ask_json_and_questions_list(engine_settings: Settings, qgraph: Graph) -> None:
    db = str(qgraph.info.database)
    ask_args = ["ask", "who_empowers_industry_in_place", "-p", "industry=C36", "--format", "json"]
    res = run_cli([*ask_args, "-p", "city=440100"], engine_settings, database=db)
    assert res.returncode == 2 and "has no parameter 'city'" in res.stderr and res.stdout == ""
    res = run_cli([*ask_args, "-p", "place=440100"], engine_settings, database=db)
    assert res.returncode == 0, res.stderr
    assert {r["provider"] for r in json.loads(res.stdout)} == {"瑞松科技", "明珞装备", "广州科腾", "华为"}
    listing = run_cli(["questions", "--format", "json"], engine_settings, database=db)
    assert listing.returncode == 0, listing.stderr
    assert "who_empowers_industry_in_place" in {q["id"] for q in json.loads(listing.stdout)}
