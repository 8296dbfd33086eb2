"""Explorer building blocks without Streamlit or an engine: chart options, tables, map data, strings."""

from __future__ import annotations

from typing import Any

from explorer import blocks, charts, display, geo, i18n, progress
from valuenet import org_names, questions
from valuenet.model import MODEL


def test_map_data_ships_every_province_and_city_points() -> None:
    provinces = geo.provinces_geojson()["features"]
    codes = {f["properties"]["adcode"] for f in provinces}
    assert len(codes) == 34 and {"440000", "110000", "710000", "810000", "820000"} <= codes
    assert all(f["geometry"]["type"] in ("Polygon", "MultiPolygon") for f in provinces)
    assert geo.province_names()["440000"] == "广东省"
    lon, lat = geo.point_of("440100") or (0, 0)
    assert 112 < lon < 115 and 22 < lat < 24.5  # Guangzhou
    assert geo.point_of("110100") == geo.point_of("110000")  # a municipality's city = the province
    assert geo.point_of("999999") is None


def test_province_rows_become_a_choropleth() -> None:
    rows = [
        {"code": "440000", "province": "广东省", "relations": 5, "share": 83.3},
        {"code": "110000", "province": "北京市", "relations": 1, "share": 16.7},
    ]
    assert charts.region_rows(rows) == "province"
    options, geojson = charts.china_map(rows, list(rows[0])) or ({}, {})
    series = options["series"][0]
    assert series["type"] == "map" and series["map"] == geo.MAP_NAME and series["nameProperty"] == "adcode"
    assert series["data"][0] == {"name": "440000", "value": 5, "label_text": "广东省"}
    assert options["visualMap"]["max"] == 5
    assert geojson is geo.provinces_geojson()


def test_city_rows_become_bubbles_with_coordinates_or_centroids() -> None:
    rows = [
        {"code": "440100", "city": "广州市", "lat": 23.13, "lon": 113.26, "relations": 4},
        {"code": "440300", "city": "深圳市", "relations": 1},  # no coordinates: the shipped centroid
    ]
    assert charts.region_rows(rows) == "city"
    options, _ = charts.china_map(rows, ["code", "city", "lat", "lon", "relations"]) or ({}, {})
    points = {p["name"]: p for p in options["series"][0]["data"]}
    assert points["广州市"]["value"] == [113.26, 23.13, 4]
    assert (
        points["深圳市"]["value"][2] == 1 and points["深圳市"]["symbolSize"] < points["广州市"]["symbolSize"]
    )
    assert charts.china_map([{"code": "PRD", "relations": 3}], ["code", "relations"]) is None
    # the cities of one province fill the map, the smaller bubbles on top; cities all over: all of China
    assert [p["name"] for p in options["series"][0]["data"]] == ["广州市", "深圳市"]
    assert options["geo"]["zoom"] > 3 and 112 < options["geo"]["center"][0] < 115
    rows.append({"code": "230100", "city": "哈尔滨市", "lat": 45.8, "lon": 126.6, "relations": 2})
    rows.append({"code": "650100", "city": "乌鲁木齐市", "lat": 43.8, "lon": 87.6, "relations": 1})
    country, _ = charts.china_map(rows, ["code", "city", "lat", "lon", "relations"]) or ({}, {})
    assert country["geo"]["zoom"] == 1.25 and country["geo"]["center"] == [105, 36]


def test_rankings_are_bars_with_the_count_column() -> None:
    rows = [
        {"id": "a", "provider": "明珞装备", "provider_en": None, "receivers": 2, "share": 40.0},
        {"id": "b", "provider": "华为", "provider_en": "Huawei", "receivers": 1, "share": 20.0},
    ]
    cols = list(rows[0])
    assert charts.label_column(rows, cols) == "provider"
    assert charts.value_columns(rows, cols) == ["receivers"]
    options = charts.bar(rows, cols) or {}
    assert options["yAxis"]["data"] == ["华为", "明珞装备"]  # biggest on top
    assert options["series"][0]["data"] == [1, 2]
    english = charts.bar(rows, cols, english=True) or {}
    assert english["yAxis"]["data"] == ["Huawei", "明珞装备"]
    editions = [{"breakdown": "全部", "edition_2020": 3, "edition_2021": 5, "change": 2}]
    assert charts.value_columns(editions, list(editions[0])) == ["edition_2020", "edition_2021"]


def test_shares_stack_domestic_and_foreign_or_form_one_bar() -> None:
    rows = [{"relation": "tech_input", "relations": 3, "domestic": 1, "foreign": 2, "unknown": 0}]
    options = charts.stacked(rows, list(rows[0]), names=i18n.data_labels("zh")) or {}
    assert [s["name"] for s in options["series"]] == ["国内", "国外", "未知"]
    assert options["yAxis"]["data"] == ["技术输入"]
    flows = [{"code": "secondary", "name": "secondary", "relations": 6, "share": 85.71}]
    one = charts.stacked(flows, list(flows[0]), names=i18n.data_labels("en")) or {}
    assert one["yAxis"]["data"] == ["share %"] and one["series"][0]["name"] == "secondary sector"


def test_network_options_and_graph_values_from_console_results() -> None:
    node_a = {"_id": "1", "_labels": ["Enterprise", "Organization"], "name_zh": "甲", "synthetic": True}
    node_b = {"_id": "2", "_labels": ["University", "Organization"], "name_zh": "乙"}
    rel = {"_id": "r", "_type": "EMPOWERS", "_start": "2", "_end": "1"}
    nodes, edges = charts.graph_from_values(
        [{"a": node_a, "r": rel, "p": {"_nodes": [node_b], "_relationships": []}}]
    )
    assert {n["id"] for n in nodes} == {"1", "2"} and edges == [
        {"source": "2", "target": "1", "type": "EMPOWERS"}
    ]
    options = charts.network(nodes, edges, center="2") or {}
    data = {d["id"]: d for d in options["series"][0]["data"]}
    assert data["1"]["name"] == "甲 ⚗"  # synthetic marked
    assert data["2"]["symbolSize"] == 36
    assert options["series"][0]["links"][0]["lineStyle"]["color"] == charts.RELATION_COLORS["EMPOWERS"]
    assert charts.network([], []) is None


def test_tables_show_graph_values_as_cypher_text() -> None:
    node = {"_id": "#1:0", "_labels": ["Enterprise", "Organization"], "name_zh": "华为", "id": "huawei"}
    rel = {"_id": "#2:0", "_type": "EMPOWERS", "_start": "a", "_end": "b", "editions": [2021]}
    assert display.cell(node) == "(:Enterprise:Organization 华为 {huawei})"
    assert display.cell(rel) == '[:EMPOWERS {"editions": [2021]}]'
    assert display.cell(["a", "b"]) == "a, b" and display.cell(True) is True
    df = display.frame([{"x": 1, "y": [1, 2]}], ["y", "x"])
    assert list(df.columns) == ["y", "x"] and df.iloc[0]["y"] == "1, 2"


def test_a_column_of_text_and_numbers_reaches_arrow_as_text() -> None:
    """The network page's methods table (and a console query's CASE ... THEN 1 ELSE 'x'): Streamlit sends a
    table as Arrow, which refuses a column of text and numbers (it then logs a traceback and converts it)."""
    import pyarrow as pa
    import pytest

    rows: list[dict[str, Any]] = [
        {"figure": "modularity", "value": 0.7138},
        {"figure": "method", "value": "louvain"},
        {"figure": "communities", "value": 16},
        {"figure": "missing", "value": None},
    ]
    df = display.frame(rows, ["figure", "value"])
    with pytest.raises(pa.ArrowException):
        pa.Table.from_pandas(df)
    ready = display.arrow_ready(df)
    table = pa.Table.from_pandas(ready)
    assert table.column("value").to_pylist() == ["0.7138", "louvain", "16", None]
    assert ready["figure"].tolist() == df["figure"].tolist()  # a column of one type is left as it is
    numbers = display.frame([{"n": 1}, {"n": 2.5}], ["n"])
    assert display.arrow_ready(numbers) is numbers


def test_every_string_has_both_languages() -> None:
    for key, (zh, en) in i18n.STRINGS.items():
        assert zh.strip() and en.strip(), key
        assert ("{" in zh) == ("{" in en), key  # same placeholders
    assert i18n.param_label("industry", "zh") == "行业"
    assert i18n.param_label("industry", "en") == "Industry"
    assert i18n.group("who", "en") == "Who"


def test_every_parameter_of_the_library_is_named_and_explained_in_both_languages() -> None:
    for q in questions.library().values():
        for name in q.params:
            zh, en = i18n.PARAM_LABELS[name]
            assert zh.strip() and en.strip() and zh != name, f"{q.id}.{name}"
            assert i18n.param_help(name, language="zh"), f"{q.id}.{name}: no Chinese help"
    for table in (i18n.PARAM_HELP, i18n.COLUMN_LABELS, i18n.STATUS_NAMES, i18n.SCORE_SENTENCES):
        assert all(zh.strip() and en.strip() for zh, en in table.values())


def test_numbers_read_as_readers_write_them() -> None:
    assert display.readable(99850000, "zh") == "9,985万"
    assert display.readable(123000000, "zh") == "1.23亿"
    assert display.readable(99850000, "en") == "99.85 M"
    assert display.readable(1234, "zh") == "1,234" and display.readable(0.000123456, "en") == "0.0001235"
    assert display.readable(None) == "" and display.percent(0.9987) == "99.9%"
    # "more than x% of organisations": the top one is more than 99.9%, never more than 100.0%
    assert display.percent(43741 / 43742, at_most=True) == "99.9%"
    assert display.percent(43741 / 43742) == "100.0%" and display.percent(0.29, at_most=True) == "29.0%"


def test_kinds_and_relation_types_are_named_as_the_graph_model_names_them() -> None:
    for label, names in {**MODEL.organization.kinds, **MODEL.organization.roles}.items():
        assert i18n.VALUE_LABELS[label] == (names.zh, names.en)
    assert i18n.relation_type("PART_OF", "zh") == "隶属 · PART_OF"
    assert i18n.relation_type("INVESTS_IN", "en") == "invests in · INVESTS_IN"
    term = MODEL.relationships["EMPOWERS"].terms["incoming"]
    assert i18n.data_labels("en")["tech_input"] == term.en
    assert i18n.value_labels("zh")["tech_input"] == term.zh


def test_every_relationship_type_has_an_edge_colour_and_a_legend_entry() -> None:
    assert list(charts.RELATION_COLORS) == list(MODEL.org_relationship_types)
    assert len(set(charts.RELATION_COLORS.values())) == len(charts.RELATION_COLORS)
    # the legend in the page's language, in the graph model's words
    assert i18n.edge_colours("en").split(", ")[0] == f"blue = {MODEL.relationships['EMPOWERS'].en}"
    assert i18n.edge_colours("zh").startswith(f"蓝 = {MODEL.relationships['EMPOWERS'].zh}，")
    assert "EMPOWERS" not in i18n.edge_colours("zh")
    assert charts.KIND_ORDER[0] == MODEL.focal_set.label  # a sample enterprise is shown as one first


def test_english_names_leave_the_other_names_in_brackets_out() -> None:
    huawei = "Huawei (Huawei Technologies Co., Ltd., 华为技术有限公司)"
    assert org_names.short_english(huawei) == "Huawei"
    assert org_names.other_english(huawei) == "Huawei Technologies Co., Ltd."
    assert org_names.short_english("Ping An Insurance (Group) Company of China (aka 平安集团)") == (
        "Ping An Insurance (Group) Company of China"
    )
    nested = "Mininglamp Technology (Shanghai Mininglamp Artificial Intelligence (Group) Co., Ltd.)"
    assert org_names.short_english(nested) == "Mininglamp Technology"
    assert org_names.other_english("Cambricon Technologies (English text: 'Cambrian')") == ""
    # brackets that are part of the name stay: the 15 platforms differ only by theirs
    for name in (
        "National New Generation AI Open Innovation Platform (city brain)",
        "Guangdong Laboratory of Artificial Intelligence and Digital Economy (Shenzhen)",
        "Ministry of Education (MOE)",
        "Tsinghua University",
    ):
        assert org_names.short_english(name) == name and org_names.other_english(name) == ""
    assert org_names.is_chinese("华为技术有限公司") and not org_names.is_chinese("Huawei")


def test_english_network_labels_and_bars_use_the_short_english_name() -> None:
    huawei = {
        "id": "huawei",
        "name_zh": "华为",
        "name_en": "Huawei (Huawei Technologies Co., Ltd., 华为技术有限公司)",
    }
    options = charts.network([huawei], [], center="huawei", english=True) or {}
    node = options["series"][0]["data"][0]
    assert node["label"]["formatter"] == "Huawei" and node["name"] == huawei["name_en"]  # whole on hover
    rows = [{"name": "华为", "name_en": huawei["name_en"], "relations": 3}]
    bars = charts.bar(rows, ["name", "name_en", "relations"], english=True) or {}
    assert bars["yAxis"]["data"] == ["Huawei"]


def test_the_elapsed_time_reads_in_the_page_language() -> None:
    assert progress.elapsed("正在回答：谁赋能？", 2.84, "zh") == "正在回答：谁赋能？（已用 2.8 秒）"
    assert progress.elapsed("Answering: Who?", 2.84, "en") == "Answering: Who? (2.8 s so far)"


def test_blocks_are_text_and_links_whatever_the_names_hold() -> None:
    """A name with markup in it stays text in the start page's blocks; links are anchors, the arrow is
    hidden from screen readers, in-app links are marked for the click handler; figures are terms and
    values."""
    html = blocks.links("从这里开始", [("<b>A&B</b>", "ask?q=x&lang=zh"), ("二", "ask?q=y")], columns=2)
    assert "<b>A" not in html and "&lt;b&gt;A&amp;B&lt;/b&gt;" in html
    assert html.count('data-in-app="1"') == 2 and 'href="ask?q=x&amp;lang=zh"' in html
    assert html.count('aria-hidden="true"') == 2 and "repeat(2, minmax(0, 1fr))" in html
    assert "<script>" in html and "popstate" in html
    assert blocks.links("h", [], css=".x {display: none;}").count("<style>") == 2
    figures = blocks.figures("规模", [[("机构", "13"), ("<i>", "7.7%")], [("技术关系", "10")]])
    assert figures.count("<dl") == 2 and "<dt>机构</dt><dd>13</dd>" in figures and "&lt;i&gt;" in figures
    assert "repeat(2, minmax(0, 1fr))" in figures and "repeat(1, minmax(0, 1fr))" in figures
