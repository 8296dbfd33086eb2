"""Names of the graph's own dimension nodes, on a real engine: the shipped dimensions, the cache keyed by the
graph, questions asked by name (in-process and through the CLI)."""

from __future__ import annotations

import json
from collections.abc import Callable

import pytest

from loader.dimensions import load_dimensions
from tests.cli_support import run_cli
from valuenet import questions, resolve
from valuenet.config import Settings
from valuenet.db import Graph
from valuenet.resolve import PLACES, NameNotResolved


@pytest.fixture(scope="module")
def dims(fresh_graph: Callable[..., Graph]) -> Graph:
    """A graph holding the shipped dimensions only."""
    g = fresh_graph("dims")
    load_dimensions(g)
    return g


@pytest.mark.parametrize(
    ("text", "labels", "code"),
    [
        ("金属制品业", ["Industry"], "C33"),
        ("C33", ["Industry"], "C33"),
        ("汽车制造", ["Industry"], "C36"),
        ("制造业", ["Industry"], "C"),
        ("人工智能核心产业", ["Industry"], "AI"),
        ("江苏省", PLACES, "320000"),
        ("江苏", PLACES, "320000"),
        ("Jiangsu", PLACES, "320000"),
        ("广州", PLACES, "440100"),
        ("Guangzhou", PLACES, "440100"),
        ("广州市", PLACES, "440100"),
        ("苏州", PLACES, "320500"),
        ("北京", PLACES, "110000"),
        ("上海市", PLACES, "310000"),
        ("长江三角洲", PLACES, "YRD"),
        ("美国", PLACES, "US"),
        ("United States of America", PLACES, "US"),
        ("德国", PLACES, "DE"),
        ("智慧商业", ["ApplicationField"], "smart_commerce_retail"),
        ("大数据", ["CoreTechnology"], "big_data_cloud"),
    ],
)
def test_shipped_dimension_names(dims: Graph, text: str, labels: list[str], code: str) -> None:
    assert resolve.names(dims).resolve(text, labels).code == code


def test_near_matches_on_the_shipped_dimensions(dims: Graph) -> None:
    names = resolve.names(dims)
    with pytest.raises(NameNotResolved) as e:
        names.resolve("金属", ["Industry"])
    assert e.value.ambiguous and "C33" in {m.code for m in e.value.found}
    assert {m.code for m in e.value.found} >= {"C31", "C32", "C33"}  # 黑色金属, 有色金属, 金属制品
    with pytest.raises(NameNotResolved) as e:
        names.resolve("Shenzen", PLACES)
    assert e.value.near[0].code == "440300"


def test_every_full_name_finds_its_node_or_says_what_else_it_names(dims: Graph) -> None:
    """Each shipped node's Chinese and English names resolve to it, to the wider node it is the only part of,
    or are reported ambiguous with it among the nodes listed."""
    names = resolve.names(dims)
    ambiguous: set[str] = set()
    for m in names.members:
        for text in filter(None, (m.name_zh, m.name_en)):
            try:
                got = names.resolve(text, [m.label])
            except NameNotResolved as e:
                assert m in e.found, (m, text)
                ambiguous.add(f"{m.label}:{text}")
                continue
            assert got == m or names.one_area([m, got]) == got, (m, text, got)
    # names the shipped tables really share (e.g. the English pinyin of two cities)
    assert len(ambiguous) < 20, sorted(ambiguous)


def test_the_cache_is_keyed_by_the_graph_and_sees_new_nodes(
    dims: Graph, fresh_graph: Callable[..., Graph]
) -> None:
    first = resolve.names(dims)
    assert resolve.names(dims) is first  # unchanged graph: the same names, no reload
    other = fresh_graph("dims_other")
    other.write("CREATE (:Industry {code: 'X01', name_zh: '测试业', name_en: 'Testing'})")
    assert [m.code for m in resolve.names(other).members] == ["X01"]
    assert resolve.names(dims) is first  # another graph has its own entry
    cached = resolve.names(other)
    other.write("CREATE (:Industry {code: 'X02', name_zh: '另一个测试业'})")
    assert resolve.names(other) is cached  # trusted until a text finds nothing
    assert resolve.names(other, refresh=True).resolve("另一个测试业", ["Industry"]).code == "X02"
    assert resolve.names(other, refresh=True) is resolve.names(other)  # unchanged since: not read again
    # a question refreshes by itself when a name finds nothing in the cached names
    other.write("CREATE (:City {code: '999901', name_zh: '新城市'})")
    q = questions.get("top_by_degree")
    assert questions.validated(other, q, {"place": "新城市"})["place"] == "999901"


def test_questions_take_names_on_the_hand_built_graph(question_graph: Graph) -> None:
    by_code = questions.ask(
        question_graph, "who_empowers_industry_in_place", {"industry": "C36", "place": "440100"}
    )
    by_name = questions.ask(
        question_graph, "who_empowers_industry_in_place", {"industry": "汽车制造业", "place": "Guangzhou"}
    )
    assert by_name[1]["industry"] == "C36" and by_name[1]["place"] == "440100"
    assert by_name[2].rows == by_code[2].rows and by_code[2].rows
    assert questions.ask(question_graph, "top_by_degree", {"place": "珠江三角洲"})[1]["place"] == "PRD"


def test_cli_ask_by_name_and_candidates(
    engine_settings: Settings, dims: Graph, question_graph: Graph
) -> None:
    db = str(question_graph.info.database)
    args = ["ask", "who_empowers_industry_in_place", "--format", "json"]
    res = run_cli([*args, "-p", "industry=汽车制造业", "-p", "place=广州"], engine_settings, database=db)
    assert res.returncode == 0, res.stderr
    assert {r["provider"] for r in json.loads(res.stdout)} == {"瑞松科技", "明珞装备", "广州科腾", "华为"}
    assert "industry=汽车制造业 -> C36 汽车制造业（行业）" in res.stderr
    assert "place=广州 -> 440100 广州市（城市）" in res.stderr
    # on the shipped dimensions: 金属制品业 is C33; 金属 lists the candidates, in Chinese, exit 2
    dims_db = str(dims.info.database)
    res = run_cli([*args, "-p", "industry=金属制品业", "-p", "place=广州"], engine_settings, database=dims_db)
    assert res.returncode == 0 and json.loads(res.stdout) == [], res.stderr
    res = run_cli([*args, "-p", "industry=金属", "-p", "place=广州"], engine_settings, database=dims_db)
    assert res.returncode == 2 and res.stdout == ""
    assert (
        "参数 industry：“金属”可指多个行业，请用代码指明" in res.stderr
        and "C33 金属制品业（行业）" in res.stderr
    )


@pytest.mark.parametrize(
    ("text", "org_id"),
    [
        ("huawei", "huawei"),  # its id first: also the English name of nobody here
        ("华为", "huawei"),
        ("Huawei", "huawei"),
        ("华为技术有限公司", "huawei"),  # an alias: the scan, once nothing else matched
        ("Mercedes-Benz", "benz"),
        ("不存在的机构", "不存在的机构"),  # names nobody: passed on as it is (the question finds no rows)
    ],
)
def test_an_organisation_parameter_becomes_its_id(question_graph: Graph, text: str, org_id: str) -> None:
    q = questions.get("org_empowers_by_sector")
    assert questions.validated(question_graph, q, {"org": text})["org"] == org_id
