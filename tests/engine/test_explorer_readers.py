"""The explorer for readers (issue 14) with AppTest on the hand-built question graph: the start page, plain
words, the URL that reopens an answer, checks in the reader's words, the print view, the organisation page's
"why central", the Jobs page for readers, read-only by default."""

from __future__ import annotations

from collections.abc import Callable
from urllib.parse import parse_qs

import pytest

from explorer import first_screen
from explorer.headlines import HEADLINES
from gds_jobs import catalogue, runner
from tests.explorer_support import (
    app,
    echarts,
    errors,
    figures,
    html_links,
    link_texts,
    load_fixture,
    point_app_at,
    texts,
)
from valuenet.config import Settings
from valuenet.db import Graph

pytestmark = pytest.mark.slow

GUANGZHOU_CARS = {"q": "who_empowers_industry_in_place", "industry": "C36", "place": "440100", "run": "1"}
PROVIDERS = {"瑞松科技", "明珞装备", "广州科腾"}


@pytest.fixture(scope="module")
def scored(fresh_graph: Callable[..., Graph]) -> Graph:
    """The fixture graph after degree, PageRank twice, betweenness and Louvain."""
    g = load_fixture(fresh_graph("explorer_readers"))
    for name in ("degree_tech", "pagerank", "pagerank", "betweenness", "louvain"):
        runner.run_job(g, catalogue.get(name))
    return g


@pytest.fixture(autouse=True)
def _env(monkeypatch: pytest.MonkeyPatch, engine_settings: Settings, scored: Graph) -> None:
    point_app_at(monkeypatch, engine_settings, scored)


def _links(at: object) -> list[dict[str, str]]:
    """The page links on the page: label and target (page and query string)."""
    out = []
    for e in at.get("page_link"):  # type: ignore[attr-defined]
        proto = e.proto
        out.append({"label": proto.label, "page": proto.page, "query": getattr(proto, "query_string", "")})
    return out


def test_start_page_says_what_valuenet_is_with_this_graphs_figures_and_headline_questions() -> None:
    at = app("start")
    assert not errors(at), errors(at)
    assert at.title[0].value == "中国人工智能产业价值网络"
    assert "知识图谱" in texts(at)
    metrics = figures(at)  # one block of figures (explorer.blocks), read as a reader sees it
    assert metrics["机构"] == "13" and metrics["样本企业"] == "4"
    assert metrics["国外机构占比"] == "23.1%"  # Intel, Mercedes-Benz, BMW
    assert metrics["其中合成数据占比"] == "7.7%"  # 1 of 13
    assert metrics["技术关系"] == "10" and "投资关系" in metrics
    links = html_links(at)  # one block of links: every headline question, the report's first
    assert [label for label, _ in links] == [zh for zh, *_ in HEADLINES]
    label, href = links[0]
    assert label == "谁在为广州汽车制造业赋能？"
    page, query = href.split("?", 1)
    assert page == "ask"  # the Ask page's url_path: relative, as st.page_link writes it
    assert parse_qs(query) == {
        "q": ["who_empowers_industry_in_place"],
        "industry": ["C36"],
        "place": ["440100"],
        "run": ["1"],
        "lang": ["zh"],
    }
    english = app("start", lang="en")
    assert [label for label, _ in html_links(english)] == [en for _, en, *_ in HEADLINES]
    assert all("lang=en" in href for _, href in html_links(english))
    assert "Sample enterprises" in figures(english)


def test_a_sentence_in_the_search_box_opens_its_answer() -> None:
    at = app("start")
    at.text_input(key="plain_text").input("谁在为广州汽车制造业赋能？")
    next(b for b in at.button if b.label == "提问").click().run()
    assert not errors(at), errors(at)
    assert at.query_params["q"] == ["who_empowers_industry_in_place"] or at.query_params["q"] == (
        "who_empowers_industry_in_place"
    )
    assert set(link_texts(at.dataframe[0].value["provider"])) >= PROVIDERS
    assert "读作" in texts(at)  # what the sentence was read as, above the editable form


def test_an_organisations_name_in_the_search_box_opens_its_page_in_the_same_session() -> None:
    at = app("start")
    at.text_input(key="plain_text").input("华为")
    next(b for b in at.button if b.label == "提问").click().run()
    assert not errors(at), errors(at)
    assert at.query_params["org"] in ("huawei", ["huawei"])
    assert at.header[0].value == "华为" and "华为共有" in texts(at)  # its page, "why central" first
    english = app("start", lang="en")
    english.text_input(key="plain_text").input("Huawei")
    next(b for b in english.button if b.label == "Ask").click().run()
    assert english.header[0].value == "Huawei"
    # a sentence that names an organisation and asks something is still a question
    asked = app("start")
    asked.text_input(key="plain_text").input("华为的伙伴")
    next(b for b in asked.button if b.label == "提问").click().run()
    assert asked.query_params["q"] in ("ego_network", ["ego_network"])


def test_a_sentence_that_names_no_question_says_so() -> None:
    at = app("start")
    at.text_input(key="plain_text").input("今天天气怎么样")
    next(b for b in at.button if b.label == "提问").click().run()
    assert "没能读懂" in texts(at)


def test_the_url_carries_the_question_its_parameters_and_the_language_and_reopens_the_answer() -> None:
    at = app(**GUANGZHOU_CARS)
    assert not errors(at), errors(at)
    first = at.dataframe[0].value
    assert set(link_texts(first["provider"])) >= PROVIDERS
    url = {k: at.query_params[k] for k in at.query_params}
    flat = {k: v[0] if isinstance(v, list) else v for k, v in url.items()}
    assert flat["q"] == "who_empowers_industry_in_place" and flat["lang"] == "zh" and flat["run"] == "1"
    assert flat["industry"] == "C36" and flat["place"] == "440100" and flat["side"] == "either"
    assert "limit" in flat  # every parameter, defaults too
    assert "按不同接受方的数量排名" in texts(at)  # the question's explanation in Chinese (answers_zh)
    again = app(**{k: v for k, v in flat.items() if k != "lang"}, lang="zh")
    assert again.dataframe[0].value.equals(first)
    # a changed parameter changes the URL; the answer is marked as not for it until Run
    at.selectbox(key="p_who_empowers_industry_in_place_place").set_value("110100").run()
    changed = {k: at.query_params[k] for k in at.query_params}
    assert "110100" in str(changed["place"]) and "run" not in changed
    # English from the URL: the page and the question in English
    english = app(**GUANGZHOU_CARS, lang="en")
    assert english.title[0].value == "Ask"
    assert "Ranked by the number of distinct receivers" in texts(english)
    assert "按不同接受方" not in texts(english)
    assert "Provider" in list(english.dataframe[0].value.columns) or english.dataframe


def test_checks_speak_the_readers_language_and_wait_for_the_reader() -> None:
    at = app(q="sample_attribute_bins")
    assert not [w for w in at.warning if w.icon != "⚗"] and not at.error  # nothing before the reader acts
    at.text_input(key="p_sample_attribute_bins_edges").input("abc,xyz").run()
    assert "应为用逗号分隔的数字" in texts(at) and "abc" not in texts(at)
    at.text_input(key="p_sample_attribute_bins_edges").input("1000,5,-3").run()
    assert "数字应从小到大排列" in texts(at)
    at.button(key="ask_run").click().run()
    assert not at.dataframe  # nothing ran
    at.text_input(key="p_sample_attribute_bins_edges").input("0,100000000").run()
    at.button(key="ask_run").click().run()
    assert at.dataframe and not errors(at)
    # a value of the wrong form (one letter A-T): the reader's words, not the question's English message
    flows = app(q="core_sector_flows")
    flows.text_input(key="p_core_sector_flows_section").input("xyz").run()
    assert "写法不对" in texts(flows) and "xyz" not in texts(flows) and "no industry" not in texts(flows)
    # a required value: asked for only once the reader pressed Run
    org = app(q="ego_network")
    org.text_input(key="p_ego_network_org_search").input("").run()
    assert "请填写" not in texts(org)
    org.button(key="ask_run").click().run()
    assert "请填写：机构" in texts(org)
    # limits are shown with the number
    limit = app(q="top_by_degree").number_input(key="p_top_by_degree_limit")
    assert "1" in str(limit.help) and "之间" in str(limit.help)


def test_the_print_view_is_the_answer_alone() -> None:
    at = app(**GUANGZHOU_CARS, print="1")
    assert not errors(at), errors(at)
    assert at.title[0].value == "谁赋能某地的某行业？" or "赋能" in at.title[0].value
    assert not at.selectbox and not at.button  # no widgets
    assert set(link_texts(at.dataframe[0].value["provider"])) >= PROVIDERS
    assert "数据来源" in texts(at) and "合成重建" in texts(at)  # provenance and the synthetic note


def test_timings_are_of_this_run() -> None:
    at = app(**GUANGZHOU_CARS)
    assert "本次用时" in texts(at)
    at.run()  # the same answer again: from the cache, and said so
    assert "已缓存的结果" in texts(at)


def test_why_central_reads_in_plain_chinese_with_links() -> None:
    at = app("organization", org="huawei")
    assert not errors(at), errors(at)
    page = texts(at)
    assert "为何处于中心" in page
    assert "华为共有" in page and "多于" in page and "的机构" in page  # degree against everyone's
    assert "最主要的伙伴是" in page and "**英特尔**" in page  # its main partners, named
    # ... and linked inside the app (a page link: the same session, no new start in the browser)
    partners = [link for link in _links(at) if link["label"] == "英特尔"]
    assert partners and partners[0]["page"].endswith("organization") and "org=intel" in partners[0]["query"]
    assert "社区" in page  # the communities it bridges (betweenness ran)
    assert "排第 1 位" in page and "与上次运行相同" in page  # PageRank ran twice
    labels = [link["label"] for link in _links(at)]
    assert "华为" not in labels and any("赋能" in label for label in labels)  # questions about it


def test_a_link_to_another_organisation_in_the_same_session_shows_that_one() -> None:
    """Following a partner's link (or the back button) in the same session: the URL's organisation is shown,
    not the one the search box held."""
    at = app("organization", org="huawei")
    assert at.header[0].value == "华为"
    at.query_params["org"] = "intel"
    at.run()
    assert not errors(at), errors(at)
    assert at.header[0].value == "英特尔" and "英特尔共有" in texts(at)
    at.query_params["org"] = "huawei"  # back
    at.run()
    assert at.header[0].value == "华为"
    # the reader's own search on the page still works, and the URL follows it
    at.text_input(key="org_search").input("intel").run()
    assert at.header[0].value == "英特尔" and at.query_params["org"] in ("intel", ["intel"])


def test_a_new_tab_draws_its_first_screen_before_the_grid_and_the_charts() -> None:
    """In a new session the organisation page's "why central" and the start page's figures come first;
    the network, the tables and the start page's hidden answer code once the browser drew that (the
    fragment's rerun sets the state; AppTest runs no timers, so the test sets it)."""
    at = app("organization", org="huawei", drawn=False)
    assert not errors(at), errors(at)
    assert "华为共有" in texts(at) and not echarts(at) and not at.dataframe
    at.session_state[first_screen.FIRST_SCREEN] = True
    at.run()
    assert echarts(at) and at.dataframe  # the network and the strongest partners
    start = app("start", drawn=False)
    assert "样本企业" in figures(start) and not start.dataframe
    start.session_state[first_screen.FIRST_SCREEN] = True
    start.run()
    assert len(start.dataframe) == 1  # the hidden, empty grid whose code the browser now loads


def test_networks_are_readable_top_partners_labelled_legend_in_the_page_language() -> None:
    at = app("organization", org="huawei")
    graph = echarts(at)[0]["options"]
    assert graph["legend"]["data"][0] in ("样本企业", "企业")  # kinds in Chinese
    assert all("formatter" in d["label"] for d in graph["series"][0]["data"])
    assert "lone" in {d["id"] for d in graph["series"][0]["data"]}
    at.toggle(key="org_hide_synthetic").set_value(True).run()
    assert "lone" not in {d["id"] for d in echarts(at)[0]["options"]["series"][0]["data"]}
    english = app("organization", lang="en", org="huawei")
    nodes = {d["id"]: d["name"] for d in echarts(english)[0]["options"]["series"][0]["data"]}
    assert nodes["intel"] == "Intel" and nodes["tsinghua"] == "Tsinghua University"


def test_jobs_page_for_readers_and_read_only() -> None:
    at = app("jobs")
    assert not errors(at), errors(at)
    page = texts(at)
    assert "分数更新于" in page
    scores = at.dataframe[0].value
    assert "影响力" in " ".join(scores["含义"] if "含义" in scores else scores["means"])
    assert "只读模式" in page and not [b for b in at.button if b.key == "jobs_run"]
    assert "升降" in page  # PageRank ran twice: who rose and fell, without typing a job id
    assert set(at.dataframe[2].value["status"]) == {"成功"}
