"""Explorer pages other than Ask — Organisation, Network overview, Jobs, Cypher console — with AppTest on the
hand-built question graph, before and after jobs have run (real embedded engine, local job backend)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from explorer import data
from explorer.i18n import relation_name
from gds_jobs import catalogue, runner
from tests.conftest import free_port
from tests.explorer_support import (
    app,
    echarts,
    errors,
    figures,
    link_texts,
    load_fixture,
    open_tab,
    point_app_at,
    texts,
)
from valuenet import aggregates, queries
from valuenet.config import Settings
from valuenet.db import Graph

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def plain(fresh_graph: Callable[..., Graph]) -> Graph:
    """The fixture graph, no job has run (the fixture carries degree_tech for top_by_score: removed)."""
    g = load_fixture(fresh_graph("explorer_plain"))
    g.write("MATCH (o:Organization) REMOVE o.degree_tech")
    return g


@pytest.fixture(scope="module")
def scored(fresh_graph: Callable[..., Graph]) -> Graph:
    """The fixture graph after degree, PageRank (twice), Louvain and the Table 3 statistics."""
    g = load_fixture(fresh_graph("explorer_scored"))
    for name in ("degree_tech", "pagerank", "pagerank", "louvain", "network_stats"):
        runner.run_job(g, catalogue.get(name))
    return g


@pytest.fixture
def on_plain(monkeypatch: pytest.MonkeyPatch, engine_settings: Settings, plain: Graph) -> Graph:
    point_app_at(monkeypatch, engine_settings, plain)
    return plain


@pytest.fixture
def on_scored(monkeypatch: pytest.MonkeyPatch, engine_settings: Settings, scored: Graph) -> Graph:
    point_app_at(monkeypatch, engine_settings, scored)
    return scored


# -- Organisation ----
def test_organisation_page_before_jobs(on_plain: Graph) -> None:
    at = app("organization", org="华为")
    assert not errors(at)
    assert at.selectbox(key="org_pick").value == "huawei"
    assert at.header[0].value == "华为"
    page = texts(at)
    assert (
        "开放创新平台" in page and "样本企业" in page and "深圳市" in page
    )  # kinds in the graph model's words
    assert "华为技术有限公司" in page  # aliases
    assert "— 表示没有数值" in page  # the partners' PageRank, not computed yet: "—", not Streamlit's None
    # ego network as a graph view centred on the organisation
    graph = echarts(at)[0]["options"]["series"][0]
    assert graph["type"] == "graph"
    assert {d["id"] for d in graph["data"]} == {"huawei", "intel", "tsinghua", "gac-honda", "keteng", "lone"}
    # why central: strongest partners per relation type
    partners = at.dataframe[0].value
    assert set(partners["type"]) == {
        relation_name(t, "zh") for t in ("EMPOWERS", "INVESTS_IN", "SUPPLIES_TALENT")
    }
    assert link_texts(partners[partners["type"] == relation_name("EMPOWERS", "zh")]["partner"])[0] == "英特尔"
    # only the open tab is drawn: the others' tables and metrics once opened
    assert len(at.dataframe) == 1 and not at.metric
    assert "尚无分数" in texts(open_tab(at, "作业分数"))  # no job has run: say how to get scores
    # provenance
    open_tab(at, "属性")
    metrics = {m.label: m.value for m in at.metric}
    assert metrics["报告版本"] == "2020, 2021" and metrics["合成"] == "观测数据"
    relations = at.dataframe[1].value
    assert set(relations["type"]) == {
        relation_name(t, "zh") for t in ("EMPOWERS", "INVESTS_IN", "SUPPLIES_TALENT")
    }
    assert relations[relations["direction"] == "流出"]["synthetic"].sum() == 1


def test_organisation_search_by_alias_and_synthetic_badge(on_plain: Graph) -> None:
    at = app("organization")
    assert "例如 华为" in texts(at)
    at.text_input(key="org_search").input("tsinghua").run()  # an id, and an English name
    assert at.selectbox(key="org_pick").value == "tsinghua"
    at.text_input(key="org_search").input("华为技术有限公司").run()
    assert at.selectbox(key="org_pick").value == "huawei"
    at.text_input(key="org_search").input("合成企业").run()
    assert at.selectbox(key="org_pick").value == "lone"
    assert "合成重建" in texts(at)


def test_organisation_ego_cap_is_noted(on_plain: Graph) -> None:
    at = app("organization", org="华为")
    at.number_input(key="org_cap").set_value(3).run()
    assert "网络已截断：显示 3 / 6" in texts(at)
    assert len(echarts(at)[0]["options"]["series"][0]["data"]) == 3
    at.selectbox(key="org_depth").set_value(2).run()
    assert not errors(at)


def test_organisation_scores_and_history_after_jobs(on_scored: Graph) -> None:
    at = open_tab(app("organization", org="华为"), "作业分数")
    assert not errors(at)
    metrics = {m.label: m.value for m in at.metric}
    assert metrics["技术关系度数中心度"] == "4"
    assert "PageRank 影响力" in metrics
    history = at.dataframe[0].value
    assert list(history["job"]) == ["degree_tech", "pagerank", "pagerank"]
    assert list(history["rank"]) == [1, 1, 1]


def test_organisation_in_english(on_plain: Graph) -> None:
    at = app("organization", lang="en", org="huawei")
    assert at.header[0].value == "Huawei"
    assert "No scores yet" in texts(open_tab(at, "Scores from jobs", key="org_tab__en"))
    assert "Guangdong / Shenzhen" in texts(at) and "深圳市" not in texts(at)  # the graph's English names
    assert "华为技术有限公司" not in texts(at)  # other names in English only (the Chinese name is beside)


@pytest.fixture(scope="module")
def degrees_stored(fresh_graph: Callable[..., Graph]) -> Graph:
    """The fixture graph with the per-organisation degrees (org_degrees) computed, no job run."""
    g = load_fixture(fresh_graph("explorer_degrees"))
    g.write("MATCH (o:Organization) REMOVE o.degree_tech")
    aggregates.refresh(g, names=["org_degrees"])
    return g


def test_organisation_page_reads_the_stored_degrees(
    monkeypatch: pytest.MonkeyPatch, engine_settings: Settings, degrees_stored: Graph, plain: Graph
) -> None:
    """With org_degrees fresh, the partners' degrees and everyone's come from it: the same rows as counted
    live (the plain graph: none stored), the same page, and its counts are not listed as attributes."""
    cases = [("explorer/org_partners", {"id": "huawei", "k": 5}), ("explorer/degree_distribution", {})]
    for name, params in cases:
        counted = plain.read(queries.text(name), params)
        stored = data._read("stored", "1", name, data._plain(params), degrees_stored)
        assert stored == counted and stored, name
    assert "x.links_value" in queries.load("explorer/org_partners").render(stored=True)
    pages = []
    for g in (plain, degrees_stored):
        data._read.clear()
        point_app_at(monkeypatch, engine_settings, g)
        at = app("organization", org="华为")
        shown = (texts(at).replace(str(g.info.database), "-"), at.dataframe[0].value.to_dict())
        pages.append((*shown, open_tab(at, "属性").dataframe[0].value.to_dict()))
    assert pages[0] == pages[1]


# -- Network overview ----
def test_network_overview_before_jobs(on_plain: Graph) -> None:
    at = app("network")
    assert not errors(at)
    page = texts(at)
    assert "valuenet jobs run network_stats" in page and "valuenet jobs run louvain" in page
    assert not echarts(at)  # the summary section runs no graph scan
    section = at.segmented_control(key="net_section")
    section.set_value("degrees").run()
    loglog = echarts(at)[0]["options"]
    assert loglog["xAxis"]["type"] == "log"
    assert sorted(loglog["series"][0]["data"]) == [[1, 4], [2, 1], [3, 4], [4, 1], [5, 1], [6, 1], [7, 1]]
    at.segmented_control(key="net_section").set_value("domestic_foreign").run()
    table4 = echarts(at)[0]["options"]
    assert [s["name"] for s in table4["series"]][:2] == ["国内", "国外"]
    at.segmented_control(key="net_section").set_value("sectors").run()
    sectors = echarts(at)[0]["options"]
    assert {s["name"] for s in sectors["series"]} == {"第二产业", "第三产业"}
    assert not errors(at)


def test_network_overview_after_jobs(on_scored: Graph) -> None:
    at = app("network")
    assert not errors(at)
    metrics = {m.label: m.value for m in at.metric}
    assert metrics["节点数"] == "13" and metrics["边数"] == "20" and metrics["网络直径"] == "4"
    communities = at.dataframe[-1].value
    assert communities["size"].sum() == 13
    at.radio(key="net_comm_prop").set_value("community_leiden").run()
    assert "valuenet jobs run louvain" in texts(at)  # Leiden has not run


# -- Freshness ----
def test_a_load_refreshes_the_answers_without_a_job_run(
    monkeypatch: pytest.MonkeyPatch, engine_settings: Settings, fresh_graph: Callable[..., Graph]
) -> None:
    g = load_fixture(fresh_graph("explorer_reloaded"))
    point_app_at(monkeypatch, engine_settings, g)
    before = figures(app("start"))["机构"]
    aggregates.mark_stale(g)  # what every load does before it writes
    g.write("CREATE (:Organization:Enterprise {id: 'late_arrival', name_zh: '新来企业', name_en: 'Late'})")
    data.clear_epoch()  # the epoch's own few seconds of cache, not what is tested here
    after = figures(app("start"))["机构"]
    assert int(after) == int(before) + 1  # the cached figure of before the load is not served


# -- Jobs ----
def test_jobs_page_without_runs_and_without_the_run_button(on_plain: Graph) -> None:
    at = app("jobs")
    assert not errors(at)
    assert "尚无运行记录" in texts(at)
    assert "valuenet explore --operator" in texts(at)
    assert not [b for b in at.button if b.key == "jobs_run"]


def test_jobs_history_and_movers(on_scored: Graph) -> None:
    at = app("jobs")
    history = _history(at)
    assert list(history["job"]) == ["network_stats", "louvain", "pagerank", "pagerank", "degree_tech"]
    assert set(history["status"]) == {"成功"}
    assert (history["duration_s"] >= 0).all()
    at.selectbox(key="jobs_filter").set_value("pagerank").run()
    assert list(_history(at)["job"]) == ["pagerank", "pagerank"]
    assert "升降" in texts(at)
    movers = at.dataframe[1].value  # PageRank ran twice: chosen without typing a job id
    assert link_texts(movers["name"])[0] == "华为" and movers.iloc[0]["change"] == "="


def test_jobs_can_be_run_when_the_operator_enables_it(
    monkeypatch: pytest.MonkeyPatch, engine_settings: Settings, fresh_graph: Callable[..., Graph]
) -> None:
    g = load_fixture(fresh_graph("explorer_jobs"))
    point_app_at(monkeypatch, engine_settings, g, VALUENET_EXPLORER_JOBS="1")
    at = app("jobs")
    assert "尚无运行记录" in texts(at)
    at.multiselect(key="jobs_pick").set_value(["degree_tech"]).run()
    at.button(key="jobs_run").click().run()
    assert not errors(at)
    assert "作业 degree_tech 完成：成功" in texts(at)
    history = _history(at)  # refreshed: the epoch changed
    assert list(history["job"]) == ["degree_tech"]
    assert g.read("MATCH (o:Organization {id: 'huawei'}) RETURN o.degree_tech AS d")[0]["d"] == 4


def _history(at: object) -> object:
    """The run history table of the Jobs page."""
    return next(d.value for d in at.dataframe if "duration_s" in d.value.columns)  # type: ignore[attr-defined]


# -- Cypher console ----
def test_console_schema_browser(on_plain: Graph) -> None:
    at = app("console")
    assert not errors(at)
    assert not at.dataframe  # the schema is read on demand only
    at.toggle(key="con_schema").set_value(True).run()
    labels = at.dataframe[0].value
    assert dict(zip(labels["label"], labels["nodes"], strict=True))["Organization"] == 13
    types = at.dataframe[1].value
    assert dict(zip(types["type"], types["relationships"], strict=True))["EMPOWERS"] == 10
    keys = at.dataframe[2].value
    org_keys = keys[keys["label"] == "Sample"]["keys"].iloc[0]
    assert "sample_editions" in org_keys and "name_zh" in org_keys


def test_console_runs_a_read_query_with_parameters_and_shows_a_graph(on_plain: Graph) -> None:
    at = app("console")
    at.button(key="con_run").click().run()
    assert not errors(at)
    result = at.dataframe[-1].value
    assert len(result) == 6 and list(result.columns) == ["o", "e", "s"]
    graph = echarts(at)[0]["options"]["series"][0]
    names = {d["name"] for d in graph["data"]}
    assert names == {"瑞松科技", "明珞装备", "广州科腾", "英特尔", "广汽本田", "广汽丰田", "奔驰", "宝马"}
    assert len(graph["links"]) == 6


@pytest.mark.parametrize(
    "query",
    [
        "CREATE (n:Intruder {id: 'x'}) RETURN n",
        "MATCH (o:Organization {id: 'huawei'}) SET o.name_zh = 'hacked' RETURN o",
        "MATCH (n) DETACH DELETE n",
        "MATCH (o:Organization) WITH o LIMIT 1 CALL (o) { MERGE (o)-[:EMPOWERS]->(:Organization {id: 'y'}) }"
        " RETURN 1",
    ],
)
def test_console_refuses_writes(on_plain: Graph, query: str) -> None:
    before = on_plain.counts()
    at = app("console")
    at.text_area(key="con_query").input(query)
    at.text_area(key="con_params").input("{}")
    at.button(key="con_run").click().run()
    messages = [e.value for e in at.error]
    assert messages and messages[0].startswith("已拒绝: Writes are not allowed here")
    assert on_plain.read("MATCH (n:Intruder) RETURN count(n) AS n")[0]["n"] == 0
    assert on_plain.read("MATCH (o:Organization {id: 'huawei'}) RETURN o.name_zh AS n")[0]["n"] == "华为"
    assert on_plain.counts() == before


def test_console_errors_are_shown(on_plain: Graph) -> None:
    at = app("console")
    at.text_area(key="con_params").input("{not json")
    at.button(key="con_run").click().run()
    assert [e.value for e in at.error] == ["参数不是有效的 JSON 对象"]
    at.text_area(key="con_params").input("{}")
    at.text_area(key="con_query").input("MATCH (n RETURN n")
    at.button(key="con_run").click().run()
    assert at.error and at.error[0].value.startswith("查询失败")


def test_console_says_what_to_do_when_the_engine_refuses_a_query_for_memory(on_plain: Graph) -> None:
    at = app("console")
    at.text_area(key="con_query").input(
        "UNWIND range(1, 500000) AS x WITH collect(range(1, 300)) AS c RETURN size(c) AS n"
    )
    at.button(key="con_run").click().run(timeout=60)
    assert [e.value for e in at.error] == [
        "数据库引擎拒绝了这个查询：它需要的内存超过了引擎允许单个查询占用的上限。"
    ]
    assert at.info and "VALUENET_HEAP" in at.info[0].value
    assert not at.exception


def test_console_row_cap(monkeypatch: pytest.MonkeyPatch, on_plain: Graph) -> None:
    monkeypatch.setenv("VALUENET_ROW_CAP", "5")
    at = app("console")
    assert "最多 5 行" in texts(at)
    at.text_area(key="con_query").input("UNWIND range(1, 20) AS i RETURN i")
    at.text_area(key="con_params").input("{}")
    at.button(key="con_run").click().run()
    assert len(at.dataframe[-1].value) == 5
    assert "已达行数上限" in texts(at)


# -- No engine ----
def test_no_engine_configured_says_how_to_start_one(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("NEO4J_URI", "")
    monkeypatch.setenv("VALUENET_HOME", str(tmp_path / "nothing-here"))
    at = app()
    assert "无法连接图数据库" in texts(at) and "valuenet server start" in texts(at)
    assert not at.exception


def test_engine_down_fails_fast(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NEO4J_URI", f"bolt://127.0.0.1:{free_port()}")
    monkeypatch.setenv("NEO4J_PASSWORD", "x")
    reads: list[str] = []
    monkeypatch.setattr(Graph, "read", lambda self, query, params=None: reads.append(query) or [])
    at = app("console")
    assert "无法连接图数据库" in texts(at)
    assert reads == []  # the connectivity check failed first: no read waits out the driver's 30 s of retries
    assert not at.exception


def test_console_row_cap_out_of_bounds_is_a_message(monkeypatch: pytest.MonkeyPatch, on_plain: Graph) -> None:
    monkeypatch.setenv("VALUENET_ROW_CAP", "200000")  # over MAX_ROW_CAP
    at = app("console")
    at.text_area(key="con_params").input("{}")
    at.button(key="con_run").click().run()
    assert not at.exception
    assert [e.value for e in at.error] == [
        "设置超出范围: row cap 200000: choose from 1 to 100,000 rows"
        " (VALUENET_ROW_CAP / VALUENET_QUERY_TIMEOUT)"
    ]
