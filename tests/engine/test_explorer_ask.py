"""Explorer, Ask page: the question library as widgets, run against the hand-built question graph on the
real embedded engine (AppTest, no browser)."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from tests.explorer_support import app, echarts, errors, link_texts, load_fixture, point_app_at, texts
from valuenet import questions
from valuenet.config import Settings
from valuenet.db import Graph

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def xgraph(fresh_graph: Callable[..., Graph]) -> Graph:
    return load_fixture(fresh_graph("explorer_ask"))


@pytest.fixture(autouse=True)
def _env(monkeypatch: pytest.MonkeyPatch, engine_settings: Settings, xgraph: Graph) -> None:
    point_app_at(monkeypatch, engine_settings, xgraph)


def test_first_render_lists_questions_grouped_and_shows_the_synthetic_banner() -> None:
    at = app()
    assert not errors(at)
    picker = at.selectbox(key="ask_qid")
    lib = questions.library().values()
    assert set(picker.options) == {f"{_group_zh(q.group)} › {q.title_zh}" for q in lib}
    # options are ordered by group
    groups = [o.split(" › ")[0] for o in picker.options]
    assert groups == sorted(groups, key=groups.index)
    assert "合成重建数据" in texts(at)  # the fixture holds a synthetic organisation


def _group_zh(name: str) -> str:
    from explorer.i18n import GROUPS

    return GROUPS.get(name, (name, name))[0]


def test_search_narrows_the_questions() -> None:
    at = app()
    at.text_input(key="ask_search").input("投资").run()
    titles = at.selectbox(key="ask_qid").options
    assert len(titles) < len(questions.library())
    assert any("共同投资" in t for t in titles)
    at.text_input(key="ask_search").input("no-such-question-xyz").run()
    assert "没有匹配的问题" in texts(at)


def test_parameter_widgets_take_their_choices_from_the_graph() -> None:
    at = app(q="who_empowers_industry_in_place")
    industry = at.selectbox(key="p_who_empowers_industry_in_place_industry")
    place = at.selectbox(key="p_who_empowers_industry_in_place_place")
    # GB/T 4754 divisions grouped by section, cities grouped by province, with their codes
    assert "C › C36 汽车制造业" in industry.options
    assert "广东省 › 广州市 · 440100" in place.options
    assert "省份 › 广东省 · 440000" in place.options
    assert "都市圈 › 珠江三角洲 · PRD" in place.options
    # required parameters are prefilled from the question's example
    assert industry.value == "C36" and place.value == "440100"
    side = at.selectbox(key="p_who_empowers_industry_in_place_side")
    assert side.options == ["either · 任一端", "receiver · 接受方", "provider · 提供方"]
    assert side.value == "either"
    edition = at.selectbox(key="p_who_empowers_industry_in_place_edition")
    assert edition.options == ["（不限）", "2020", "2021"]


def test_guangzhou_automobile_question_returns_the_reported_providers() -> None:
    at = app(q="who_empowers_industry_in_place")
    at.selectbox(key="p_who_empowers_industry_in_place_industry").set_value("C36")
    at.selectbox(key="p_who_empowers_industry_in_place_place").set_value("440100")
    at.run()
    assert not at.dataframe  # nothing runs before the button
    at.button(key="ask_run").click().run()
    assert not errors(at)
    df = at.dataframe[0].value
    providers = set(link_texts(df["provider"]))  # each links to its organisation page
    assert {"瑞松科技", "明珞装备", "广州科腾"} <= providers
    assert df.iloc[0]["provider"].startswith("/organization?org=")
    assert df.iloc[0]["receivers"] == 2
    # a bar chart of the ranking, the CSV download and the Cypher with its parameters
    bars = [p["options"] for p in echarts(at) if p["options"]["series"][0]["type"] == "bar"]
    assert bars and "瑞松科技" in bars[0]["yAxis"]["data"]
    assert at.get("download_button")
    assert not at.code  # the Cypher only on request (highlighting it delays the answer in the browser)
    at.toggle(key="ask_show_cypher").set_value(True).run()
    code = [c.value for c in at.code]
    assert any('"industry": "C36"' in c for c in code)
    assert any("MATCH (p)-[e:EMPOWERS]->(t)" in c and ":params" in c for c in code)  # the query as run
    # changing a parameter keeps the previous answer, marked as such, until Run
    at.selectbox(key="p_who_empowers_industry_in_place_place").set_value("110100").run()
    assert "参数已更改" in texts(at)
    assert {"瑞松科技", "明珞装备", "广州科腾"} <= set(link_texts(at.dataframe[0].value["provider"]))
    at.button(key="ask_run").click().run()
    assert "参数已更改" not in texts(at)


def test_regional_results_are_drawn_on_the_china_map(xgraph: Graph) -> None:
    expected = questions.ask(xgraph, "provinces_ranked", {})[2].rows  # the question's own answer
    assert expected
    at = app(q="provinces_ranked")
    at.button(key="ask_run").click().run()
    assert not errors(at)
    maps = [p for p in echarts(at) if p.get("map")]
    assert maps, "no map component"
    payload = maps[0]
    assert payload["map"]["mapName"] == "valuenet_china"
    assert len(payload["map"]["geoJson"]["features"]) == 34
    series = payload["options"]["series"][0]
    assert series["type"] == "map" and series["nameProperty"] == "adcode"
    assert {d["name"]: d["value"] for d in series["data"]} == {r["code"]: r["relations"] for r in expected}
    assert "440000" in {d["name"] for d in series["data"]}
    assert list(at.dataframe[0].value["province"]) == [r["province"] for r in expected]


def test_city_results_become_bubbles_on_the_map(xgraph: Graph) -> None:
    expected = questions.ask(xgraph, "cities_ranked", {})[2].rows
    assert any(r["city"] == "广州市" for r in expected)
    at = app(q="cities_ranked")
    at.button(key="ask_run").click().run()
    maps = [p for p in echarts(at) if p.get("map")]
    assert maps
    series = maps[0]["options"]["series"][0]
    assert series["type"] == "scatter" and series["coordinateSystem"] == "geo"
    names = {d["name"]: d["value"] for d in series["data"]}
    assert names == {r["city"]: [r["lon"], r["lat"], r["relations"]] for r in expected}
    assert names["广州市"][:2] == [113.26, 23.13]


def test_shares_are_a_stacked_bar() -> None:
    at = app(q="relation_types_domestic_foreign")
    at.button(key="ask_run").click().run()
    assert not errors(at)
    options = echarts(at)[0]["options"]
    assert [s["name"] for s in options["series"]] == ["国内", "国外", "未知"]
    assert "技术输入" in options["yAxis"]["data"]
    assert all(s["stack"] == "total" for s in options["series"])


def test_ego_network_is_a_graph_view_with_the_cap_noted() -> None:
    at = app(q="ego_network")
    assert at.text_input(key="p_ego_network_org_search").value == "华为"  # from the question's example
    assert at.selectbox(key="p_ego_network_org_pick").value == "huawei"
    at.number_input(key="p_ego_network_max_nodes").set_value(3).run()
    at.button(key="ask_run").click().run()
    assert not errors(at)
    assert "网络已截断" in texts(at)
    graph = echarts(at)[0]["options"]["series"][0]
    assert graph["type"] == "graph" and len(graph["data"]) == 3
    assert any(d["id"] == "huawei" and d["symbolSize"] == 36 for d in graph["data"])
    nodes = at.dataframe[0].value  # the nodes as a table (and CSV), the edges below
    assert nodes.iloc[0]["id"] == "huawei" and len(nodes) == 3


def test_organisation_search_matches_aliases_and_english_names() -> None:
    at = app(q="ego_network")
    at.text_input(key="p_ego_network_org_search").input("华为技术有限公司").run()
    assert at.selectbox(key="p_ego_network_org_pick").value == "huawei"
    at.text_input(key="p_ego_network_org_search").input("tsinghua").run()
    assert at.selectbox(key="p_ego_network_org_pick").value == "tsinghua"
    at.text_input(key="p_ego_network_org_search").input("不存在的机构").run()
    assert "没有找到机构" in texts(at)
    assert "请填写" not in texts(at)  # org is required: asked for once the reader presses Run
    at.button(key="ask_run").click().run()
    assert "请填写：机构" in texts(at) and not at.dataframe


def test_shortest_path_draws_the_chain() -> None:
    at = app(q="shortest_path")
    at.button(key="ask_run").click().run()
    assert not errors(at)
    graph = echarts(at)[0]["options"]["series"][0]
    assert {d["id"] for d in graph["data"]} >= {"tsinghua", "huawei"}


def test_score_names_are_labelled_with_their_jobs() -> None:
    at = app(q="top_by_score")
    assert "pagerank · PageRank 影响力" in at.selectbox(key="p_top_by_score_score").options
    at.button(key="ask_run").click().run()  # the fixture carries degree_tech scores
    assert link_texts(at.dataframe[0].value["name"])[0] == "华为"


def test_invalid_parameters_are_shown_not_run() -> None:
    at = app(q="core_sector_flows")
    at.text_input(key="p_core_sector_flows_section").input("ZZ").run()
    assert "「门类」的值不合适：写法不对" in texts(at) and "ZZ" not in texts(at)  # the reader's words
    at.button(key="ask_run").click().run()
    assert not at.dataframe  # nothing runs while the parameters are invalid


def test_a_dimension_parameter_takes_a_name() -> None:
    at = app(q="core_sector_flows")
    at.text_input(key="p_core_sector_flows_section").input("制造业").run()
    at.button(key="ask_run").click().run()
    at.toggle(key="ask_show_cypher").set_value(True).run()
    assert not errors(at) and any('"section": "C"' in block.value for block in at.code)


def test_english_interface_keeps_the_question_and_parameters() -> None:
    at = app(q="who_empowers_industry_in_place")
    at.selectbox(key="p_who_empowers_industry_in_place_side").set_value("receiver").run()
    at.session_state["lang"] = "en"
    at.run()
    assert at.title[0].value == "Ask"
    # one widget per language (Streamlit keeps a keyed widget's labels), values carried over
    picker = at.selectbox(key="ask_qid__en")
    assert picker.value == "who_empowers_industry_in_place"
    assert "Who › Who empowers industry X in place Y?" in picker.options
    side = at.selectbox(key="p_who_empowers_industry_in_place_side__en")
    assert side.value == "receiver" and "receiver" in side.options
    assert at.selectbox(key="p_who_empowers_industry_in_place_edition__en").options[0] == "(any)"
    at.button(key="ask_run").click().run()
    assert "this run took" in texts(at)
    at.session_state["lang"] = "zh"
    at.run()
    assert at.selectbox(key="p_who_empowers_industry_in_place_side").value == "receiver"
    assert "receiver · 接受方" in at.selectbox(key="p_who_empowers_industry_in_place_side").options


@pytest.mark.parametrize("qid", list(questions.library()))
def test_every_question_runs_from_its_widgets(qid: str) -> None:
    at = app(q=qid)
    assert not errors(at), errors(at)
    at.button(key="ask_run").click().run()
    assert not errors(at), errors(at)
    assert at.dataframe or "没有结果" in texts(at) or "不相连" in texts(at)


def test_a_question_that_meets_a_limit_says_what_to_do(
    monkeypatch: pytest.MonkeyPatch, xgraph: Graph
) -> None:
    """Counted live (its aggregate is not fresh) and ended by a limit: the reader is told, in their
    language, that refreshing the aggregates lets the question read it. A timeout too short for any
    answer stands in for the limit (at scale 10 it was ArcadeDB's query heap budget)."""
    import streamlit as st

    from valuenet import aggregates

    assert not aggregates.freshness(xgraph, "co_investors").fresh
    monkeypatch.setenv("VALUENET_QUERY_TIMEOUT", "0.0001")
    # a connection with this timeout, and not the answer an earlier test left in the cache; after it, none
    # of the two for the tests that come next
    st.cache_resource.clear()
    st.cache_data.clear()
    try:
        at = app(q="co_investment_pairs")
        at.button(key="ask_run").click().run()
    finally:
        st.cache_resource.clear()
        st.cache_data.clear()
    assert [e.value.split(":")[0] for e in at.error] == ["超时"]
    assert [i.value for i in at.info if "co_investors" in i.value] == [
        "这个问题是现场计数的，因为它本可读取的维护汇总 co_investors 已过期或尚未计算。运行 "
        "`valuenet aggregates refresh` 重新计算后，这个问题会直接读取汇总。"
    ]
    assert not at.exception


@pytest.mark.parametrize(
    ("typed", "why"), [("abc", "应为数字"), ("-3", "应在 1 到 1000 之间")], ids=["not a number", "below"]
)
def test_a_number_in_the_url_that_is_none_is_named_not_raised(typed: str, why: str) -> None:
    """A shared or edited URL with `limit=abc` or `limit=-3` once ended the page in Streamlit's exception
    box (number_input takes no text, nor a value below its minimum): the value shows as typed, the page
    says what is wrong with it, and once it is mended the answer comes."""
    at = app(q="top_by_degree", limit=typed, run="1")
    assert not at.exception
    assert f"「显示条数」的值不合适：{why}" in [w.value for w in at.warning]
    assert not at.dataframe, "nothing runs with a bad value"
    box = next(b for b in at.text_input if b.value == typed)
    box.input("5").run()
    at.button(key="ask_run").click().run()
    assert not at.exception and len(at.dataframe) == 1 and len(at.dataframe[0].value) == 5
    assert not at.run().exception, "the number box again, once the value is one"
