"""The shipped examples loaded into the real embedded engine: counts, properties, provenance, aliases,
PART_OF, dimension links; a second load changes nothing; export round-trips the counts."""

from __future__ import annotations

import csv
from collections import Counter
from pathlib import Path
from typing import Any

import pytest

from loader import load_mapping
from loader.dimensions import load_dimensions
from loader.export import export_graph
from loader.load_report import LoadReport
from loader.mapping import MappingError, from_dict
from tests.loader_support import EXAMPLES, dump, org, rels
from valuenet.db import Graph

ALL_ORGS = {
    "华为", "阿里云", "华为云", "科大讯飞", "小马智行", "明珞装备", "商汤科技",  # samples (explicit ids)
    "清华大学", "中国科学院", "红杉资本中国", "五源资本", "重庆市政府", "中国人工智能产业发展联盟",
    "斯坦福大学",
    "英特尔", "长安汽车", "深圳市某某视觉", "广汽本田", "某某智能终端",  # partners
    "阿里巴巴",  # group from the alias table
}  # fmt: skip


@pytest.fixture(scope="module")
def loaded(fresh_graph: Any) -> tuple[Graph, list[LoadReport]]:
    g: Graph = fresh_graph("examples")
    load_dimensions(g)
    reports = [load_mapping(g, EXAMPLES / "mapping.yaml"), load_mapping(g, EXAMPLES / "mapping_2020.yaml")]
    return g, reports


def test_reports_count_every_row(loaded: tuple[Graph, list[LoadReport]]) -> None:
    _, (r21, r20) = loaded
    assert [(f.file, f.encoding, f.rows_read, f.rows_loaded, f.rows_rejected) for f in r21.files] == [
        ("data/samples_2021.csv", "utf-8", 7, 7, 0),
        ("data/institutions_gbk.csv", "gb18030", 7, 7, 0),
        ("data/relations_2021.xlsx", "xlsx", 12, 12, 0),
    ]
    assert [(f.file, f.encoding, f.rows_read, f.rows_loaded) for f in r20.files] == [
        ("data/samples_2020.csv", "utf-8-sig", 2, 2),
        ("data/relations_2020.csv", "utf-8", 2, 2),
    ]
    assert r21.ok and r20.ok and not r21.rejects
    assert r21.files[0].ignored_columns == ["备注"]
    assert r21.nodes_created == 20 and r21.nodes_updated == 0
    assert r20.nodes_created == 0  # the 2020 edition only meets organisations the 2021 load created
    # Nothing new either: 清华大学's "中国" (2020) is coarser than its city (2021), so no Country link.
    assert r20.relationships_created == 0
    assert r21.rows_read == r21.rows_loaded == 26


def test_one_node_per_organisation(loaded: tuple[Graph, list[LoadReport]]) -> None:
    g, _ = loaded
    names = [r["n"] for r in g.run("MATCH (o:Organization) RETURN o.name_zh AS n")]
    assert sorted(names) == sorted(ALL_ORGS)
    for spelling in ("华为技术有限公司", "晨兴资本", "Alibaba Cloud", "Intel"):
        assert not g.run("MATCH (o:Organization {name_zh: $n}) RETURN o", {"n": spelling})


def test_sample_properties_and_labels(loaded: tuple[Graph, list[LoadReport]]) -> None:
    g, _ = loaded
    hw = org(g, "华为")
    assert hw["id"] == "E0001"
    assert hw["_labels"] == ["Enterprise", "Organization", "Sample"]
    assert hw["name_en"] == "Huawei"
    assert hw["founded_year"] == 1987
    assert hw["staff"] == 197000
    assert hw["rd_intensity"] == pytest.approx(0.224)
    assert hw["listed"] is False
    assert hw["country"] == "CN"
    assert hw["sample_editions"] == [2020, 2021]
    assert hw["sources"] == ["example-2020", "example-2021"]
    assert hw["aliases"] == ["华为技术有限公司"]
    assert hw["synthetic"] is False
    assert org(g, "小马智行")["financing_total_cny"] == 120_000_000  # "1.2亿"
    assert org(g, "科大讯飞")["financing_total_cny"] == 30_000_000  # "3000万元"
    assert org(g, "明珞装备")["financing_total_cny"] == 50_000_000  # "5,000万"
    assert org(g, "小马智行")["staff"] == 1200  # "1,200"
    assert org(g, "商汤科技")["financing_total_cny"] == 5_220_000_000  # "52.2亿元"
    assert org(g, "商汤科技")["country"] == "HK"
    assert org(g, "阿里云")["sample_editions"] == [2021]
    assert org(g, "阿里云")["name_en"] == "Alibaba Cloud"
    kinds = {
        "清华大学": "University",
        "斯坦福大学": "University",
        "中国科学院": "ResearchInstitute",
        "红杉资本中国": "Investor",
        "五源资本": "Investor",
        "重庆市政府": "Government",
        "中国人工智能产业发展联盟": "Linker",
        "英特尔": "Enterprise",
        "长安汽车": "Enterprise",
    }
    for name, kind in kinds.items():
        assert org(g, name)["_labels"] == sorted(["Organization", kind]), name
    assert org(g, "阿里巴巴")["_labels"] == ["Organization"]
    assert "sample_editions" not in org(g, "清华大学")


def test_aliases_merge_spellings(loaded: tuple[Graph, list[LoadReport]]) -> None:
    g, _ = loaded
    assert org(g, "五源资本")["aliases"] == ["晨兴资本"]
    intel = org(g, "英特尔")
    assert intel["name_en"] == "Intel"
    assert intel["sources"] == ["example-2020", "example-2021"]
    assert intel["country"] == "US"


def test_relationships_and_provenance(loaded: tuple[Graph, list[LoadReport]]) -> None:
    g, _ = loaded
    got = rels(g)
    assert Counter(t for _, t, _, _ in got) == {
        "EMPOWERS": 5,
        "SUPPLIES_TALENT": 3,
        "INVESTS_IN": 3,
        "ACQUIRES": 1,
        "PART_OF": 2,
    }
    p21 = {"editions": [2021], "sources": ["example-2021"], "synthetic": False}
    both = {"editions": [2020, 2021], "sources": ["example-2020", "example-2021"], "synthetic": False}
    assert got == [
        ("五源资本", "INVESTS_IN", "小马智行", {**p21, "amount_cny": 120_000_000, "round": "A轮"}),
        ("华为", "EMPOWERS", "重庆市政府", p21),  # 技术赋能: the sample provides
        ("华为", "EMPOWERS", "长安汽车", p21),
        ("华为", "INVESTS_IN", "某某智能终端", {**p21, "amount_cny": 50_000_000}),  # 投资
        ("华为云", "PART_OF", "华为", p21),  # the 母公司 column
        ("商汤科技", "ACQUIRES", "深圳市某某视觉", p21),
        ("斯坦福大学", "SUPPLIES_TALENT", "小马智行", {**p21, "experience": "study"}),
        ("明珞装备", "EMPOWERS", "广汽本田", p21),
        ("清华大学", "SUPPLIES_TALENT", "科大讯飞", {**both, "experience": "study"}),  # repeated in 2020
        ("清华大学", "SUPPLIES_TALENT", "科大讯飞", {**p21, "experience": "work"}),
        ("红杉资本中国", "INVESTS_IN", "科大讯飞", {**p21, "amount_cny": 30_000_000, "round": "B轮"}),  # 获投
        ("英特尔", "EMPOWERS", "华为", both),  # 技术输入 (the sample receives), 2021 and 2020 ("Intel")
        ("阿里云", "EMPOWERS", "华为", p21),  # "Alibaba Cloud" in the relation table
        ("阿里云", "PART_OF", "阿里巴巴", p21),  # the alias table's part_of row
    ]


def test_dimension_links(loaded: tuple[Graph, list[LoadReport]]) -> None:
    g, _ = loaded
    rows = g.run(
        "MATCH (o:Organization)-[r]->(d) WHERE NOT d:Organization "
        "RETURN o.name_zh AS o, type(r) AS t, labels(d)[0] AS label, d.code AS code, r.editions AS eds"
    )
    links = {(r["o"], r["t"], r["label"], r["code"]) for r in rows}
    assert {x for x in links if x[0] == "华为"} == {
        ("华为", "LOCATED_IN", "City", "440300"),  # 深圳市龙岗区 -> Shenzhen
        ("华为", "IN_INDUSTRY", "Industry", "C39"),
        ("华为", "APPLIES_IN", "ApplicationField", "intelligent_manufacturing"),
        ("华为", "APPLIES_IN", "ApplicationField", "intelligent_vehicles"),
        ("华为", "AT_LAYER", "TechLayer", "base"),
        ("华为", "USES_TECH", "CoreTechnology", "ai_chips"),
        ("华为", "USES_TECH", "CoreTechnology", "big_data_cloud"),
    }
    assert ("商汤科技", "LOCATED_IN", "City", "810100") in links  # 香港
    assert ("英特尔", "LOCATED_IN", "Country", "US") in links
    assert ("斯坦福大学", "LOCATED_IN", "Country", "US") in links
    assert ("长安汽车", "IN_INDUSTRY", "Industry", "C36") in links  # "汽车制造业"
    assert ("深圳市某某视觉", "LOCATED_IN", "City", "440300") in links  # 深圳市南山区
    assert ("华为云", "APPLIES_IN", "ApplicationField", "smart_city") in links  # ；-separated
    eds = {(r["o"], r["t"]): r["eds"] for r in rows if r["t"] in ("AT_LAYER", "LOCATED_IN")}
    assert eds[("华为", "AT_LAYER")] == [2020, 2021]
    assert eds[("华为", "LOCATED_IN")] == [2020, 2021]
    assert eds[("阿里云", "LOCATED_IN")] == [2021]


def test_second_load_changes_nothing(fresh_graph: Any) -> None:
    g: Graph = fresh_graph("twice")
    load_dimensions(g)
    for m in ("mapping.yaml", "mapping_2020.yaml"):
        load_mapping(g, EXAMPLES / m)
    first = dump(g)
    again = [load_mapping(g, EXAMPLES / m) for m in ("mapping.yaml", "mapping_2020.yaml")]
    assert dump(g) == first
    # Every row is already in the graph: nothing is written, and the report says "unchanged".
    assert [(r.changed, r.transactions, r.nodes_written, r.relationships_written) for r in again] == [
        (False, 0, 0, 0),
        (False, 0, 0, 0),
    ]
    assert (again[0].nodes_unchanged, again[0].relationships_unchanged) == (20, 72)


def test_dry_run_writes_nothing(fresh_graph: Any) -> None:
    g: Graph = fresh_graph("dry")
    load_dimensions(g)
    before = dump(g)
    r = load_mapping(g, EXAMPLES / "mapping.yaml", dry_run=True)
    assert r.dry_run and r.rows_loaded == 26 and r.nodes_created == 0
    assert dump(g) == before


def test_missing_dimensions_stop_before_writing(graph: Graph) -> None:
    from loader import LoadError

    with pytest.raises(
        LoadError, match=r"dimensions that are not in the graph: .*City.*valuenet load --dimensions"
    ):
        load_mapping(graph, EXAMPLES / "mapping.yaml")
    assert graph.counts()[0] == len(graph.run("MATCH (n:SchemaMigration) RETURN n"))


def test_export_admin_and_parquet(loaded: tuple[Graph, list[LoadReport]], tmp_path: Path) -> None:
    import pyarrow.parquet as pq

    g, _ = loaded
    res = export_graph(g, tmp_path)
    n_nodes = g.run("MATCH (n) WHERE NOT n:SchemaMigration RETURN count(n) AS n")[0]["n"]
    n_rels = g.counts()[1]
    assert (res.nodes, res.relationships) == (n_nodes, n_rels)
    with (tmp_path / "nodes_Organization.csv").open(encoding="utf-8", newline="") as f:
        orgs = list(csv.reader(f))
    header = orgs[0]
    assert header[:2] == ["id:ID(Organization)", ":LABEL"]
    for col in ("founded_year:int", "financing_total_cny:long", "rd_intensity:double", "listed:boolean",
                "sample_editions:int[]", "sources:string[]", "aliases:string[]", "name_zh"):  # fmt: skip
        assert col in header, col
    assert len(orgs) - 1 == len(ALL_ORGS)
    hw = next(dict(zip(header, r, strict=True)) for r in orgs[1:] if r[0] == "E0001")
    assert hw[":LABEL"] == "Enterprise;Organization;Sample"
    assert hw["sample_editions:int[]"] == "2020;2021"
    assert hw["financing_total_cny:long"] == ""
    with (tmp_path / "relationships_EMPOWERS_Organization_Organization.csv").open(encoding="utf-8") as f:
        emp = list(csv.reader(f))
    assert emp[0][:3] == [":START_ID(Organization)", ":END_ID(Organization)", ":TYPE"]
    assert "editions:int[]" in emp[0] and "synthetic:boolean" in emp[0]
    assert len(emp) - 1 == 5
    with (tmp_path / "relationships_LOCATED_IN_Organization_City.csv").open(encoding="utf-8") as f:
        assert next(csv.reader(f))[:2] == [":START_ID(Organization)", ":END_ID(City)"]
    with (tmp_path / "nodes_City.csv").open(encoding="utf-8") as f:
        assert next(csv.reader(f))[0] == "code:ID(City)"
    total = 0
    for p in tmp_path.glob("relationships_*.parquet"):
        total += pq.read_table(p).num_rows
    assert total == n_rels
    t = pq.read_table(tmp_path / "nodes_Organization.parquet").to_pylist()
    assert next(r for r in t if r["id"] == "E0001")["sample_editions"] == [2020, 2021]
    assert res.admin_command and "--nodes=" in res.admin_command


@pytest.mark.parametrize(
    ("patch", "message"),
    [
        ({"edition": "x"}, "edition: Input should be a valid integer"),
        ({"dataset": "has space"}, "dataset: String should match pattern"),
        ({"extra_key": 1}, "extra_key: Extra inputs are not permitted"),
        ({"files": []}, "files: List should have at least 1 item"),
        (
            {
                "files": [
                    {
                        "path": "a.csv",
                        "relations": {
                            "sample": {"name": "a"},
                            "partner": {"name": "b"},
                            "type": {"value": {"type": "SUPPLIES_TALENT", "direction": "partner_to_sample"}},
                        },
                    }
                ]
            },
            "SUPPLIES_TALENT needs properties: {experience: study} or {experience: work}",
        ),
        (
            {"files": [{"path": "a.csv"}]},
            "a.csv: give exactly one of `taxonomy`, `crosswalk`, `chain`, `nodes`, `relations`",
        ),
        (
            {"files": [{"path": "a.csv", "nodes": {"name": "n", "properties": {"id": {"column": "x"}}}}]},
            "properties ['id'] are set by the loader itself",
        ),
        (
            {"files": [{"path": "a.csv", "nodes": {"name": "n", "kind": "Company"}}]},
            "files.0.nodes.kind",
        ),
    ],
)
def test_invalid_mappings_are_explained(patch: dict[str, Any], message: str) -> None:
    base = {
        "dataset": "d",
        "edition": 2021,
        "licence": "x",
        "files": [{"path": "a.csv", "nodes": {"name": "n"}}],
    }
    base.update(patch)
    with pytest.raises(MappingError) as e:
        from_dict(base, base_dir=EXAMPLES)
    assert message in str(e.value)


def test_schema_file_is_current() -> None:
    from loader.mapping import SCHEMA_PATH, json_schema_text

    assert SCHEMA_PATH.read_text(encoding="utf-8") == json_schema_text(), (
        "regenerate: valuenet load --print-schema > loader/mapping.schema.json"
    )


def test_one_location_link_at_the_finest_known_level(fresh_graph: Any, tmp_path: Path) -> None:
    g: Graph = fresh_graph("places")
    load_dimensions(g)
    (tmp_path / "coarse.csv").write_text(
        "名称,国家,省份,城市\n甲大学,中国,,\n乙大学,中国,广东,\n", encoding="utf-8"
    )
    (tmp_path / "fine.csv").write_text(
        "名称,国家,省份,城市\n甲大学,中国,广东,广州\n乙大学,中国,,\n", encoding="utf-8"
    )

    def mapping(name: str, edition: int) -> Any:
        spec = {
            "name": "名称",
            "kind": "University",
            "location": {"country": "国家", "province": "省份", "city": "城市"},
        }
        doc = {
            "dataset": name,
            "edition": edition,
            "licence": "t",
            "files": [{"path": f"{name}.csv", "nodes": spec}],
        }
        return from_dict(doc, base_dir=tmp_path)

    def places() -> set[tuple[str, str, str]]:
        q = "MATCH (o:Organization)-[:LOCATED_IN]->(d) RETURN o.name_zh AS o, labels(d)[0] AS l, d.code AS c"
        return {(r["o"], r["l"], r["c"]) for r in g.run(q)}

    load_mapping(g, mapping("coarse", 2020))
    assert places() == {("甲大学", "Country", "CN"), ("乙大学", "Province", "440000")}
    load_mapping(g, mapping("fine", 2021))
    # 甲: the city replaces the country; 乙: "中国" is coarser than the province it has.
    assert places() == {("甲大学", "City", "440100"), ("乙大学", "Province", "440000")}
    load_mapping(g, mapping("coarse", 2020))
    assert places() == {("甲大学", "City", "440100"), ("乙大学", "Province", "440000")}


def test_explicit_ids_after_names_are_reported_and_prefixed(fresh_graph: Any) -> None:
    g: Graph = fresh_graph("order")
    load_dimensions(g)
    load_mapping(g, EXAMPLES / "mapping_2020.yaml")  # 华为 known by name only: id org:华为
    r = load_mapping(g, EXAMPLES / "mapping.yaml")  # 华为 with the explicit id E0001: a second node
    assert any(
        "share their name with an organisation the graph holds under another id" in n
        and "'华为': id E0001 here, org:华为 in the graph" in n
        for n in r.notes
    ), r.notes
    assert len(g.run("MATCH (o:Organization {name_key: '华为'}) RETURN o.id AS id")) == 2
    # id_prefix keeps two datasets' explicit ids apart.
    from loader import mapping as mapping_mod

    m = mapping_mod.load(EXAMPLES / "mapping.yaml")
    m2 = m.model_copy(update={"id_prefix": "x:", "dataset": "prefixed"})
    m2._base_dir = m.base_dir
    load_mapping(g, m2)
    assert g.run("MATCH (o:Organization {id: 'x:E0001'}) RETURN o.name_zh AS n")[0]["n"] == "华为"


def test_per_file_editions_merge_within_one_load(fresh_graph: Any, tmp_path: Path) -> None:
    g: Graph = fresh_graph("editions")
    load_dimensions(g)
    (tmp_path / "s.csv").write_text("名称\n甲公司\n", encoding="utf-8")
    (tmp_path / "r.csv").write_text("样本,伙伴,类型\n甲公司,乙大学,学习\n", encoding="utf-8")
    study = {
        "type": "SUPPLIES_TALENT",
        "direction": "partner_to_sample",
        "properties": {"experience": "study"},
    }
    rel = {
        "sample": {"name": "样本", "create": False},
        "partner": {"name": "伙伴", "kind": "University"},
        "type": {"column": "类型", "values": {"学习": study}},
    }
    doc = {
        "dataset": "ed",
        "edition": 2021,
        "licence": "t",
        "files": [
            {"path": "s.csv", "nodes": {"name": "名称", "kind": "Enterprise", "roles": ["Sample"]}},
            {"path": "s.csv", "edition": 2019, "nodes": {"name": "名称", "roles": ["Sample"]}},
            {"path": "r.csv", "relations": rel},
            {"path": "r.csv", "edition": 2020, "relations": rel},
        ],
    }
    r = load_mapping(g, from_dict(doc, base_dir=tmp_path))
    assert r.rows_read == 4 and r.ok
    assert org(g, "甲公司")["sample_editions"] == [2019, 2021]
    assert rels(g) == [
        ("乙大学", "SUPPLIES_TALENT", "甲公司",
         {"experience": "study", "editions": [2020, 2021], "sources": ["ed"], "synthetic": False}),
    ]  # fmt: skip


def test_schema_must_be_applied(fresh_graph: Any) -> None:
    from loader import LoadError

    g: Graph = fresh_graph("noschema", apply_schema=False)
    with pytest.raises(LoadError, match="run valuenet schema apply"):
        load_mapping(g, EXAMPLES / "mapping.yaml")
    assert g.counts() == (0, 0)


def test_alias_column_merges_spellings_within_the_load(fresh_graph: Any, tmp_path: Path) -> None:
    g: Graph = fresh_graph("aliascol")
    load_dimensions(g)
    (tmp_path / "n.csv").write_text(
        '名称,别名\n甲集团,"甲集团有限公司|Jia Group, Ltd."\n乙公司,\n丙公司,乙公司\n', encoding="utf-8"
    )
    (tmp_path / "r.csv").write_text(
        '样本,伙伴,类型\n乙公司,"Jia Group, Ltd.",输入\n乙公司,甲集团有限公司,输入\n', encoding="utf-8"
    )
    empowers = {"type": "EMPOWERS", "direction": "partner_to_sample"}
    doc = {
        "dataset": "ac",
        "edition": 2021,
        "licence": "t",
        "files": [
            {"path": "n.csv", "nodes": {"name": "名称", "aliases": {"column": "别名", "separator": "|"}}},
            {
                "path": "r.csv",
                "relations": {
                    "sample": {"name": "样本", "create": False},
                    "partner": {"name": "伙伴"},
                    "type": {"column": "类型", "values": {"输入": empowers}},
                },
            },
        ],
    }
    r = load_mapping(g, from_dict(doc, base_dir=tmp_path))
    assert r.ok and r.rows_loaded == 5
    jia = org(g, "甲集团")
    assert jia["name_en"] == "Jia Group, Ltd."
    assert jia["aliases"] == ["甲集团有限公司"]
    # Both spellings in the relation table are 甲集团: one relationship. 乙公司 stays its own
    # organisation although 丙公司 lists it as an alias (a name in a node table wins).
    assert [(a, t, b) for a, t, b, _ in rels(g)] == [("甲集团", "EMPOWERS", "乙公司")]
    assert org(g, "丙公司")["aliases"] == ["乙公司"]
