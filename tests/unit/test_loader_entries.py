"""Mapping entries validated and resolved without an engine (stages 1-3 against the shipped dimensions):
counts per entry when two entries read one file, `drop_link`, and taxonomies, crosswalks and chains
written badly (what an analyst's own tables get wrong)."""

from __future__ import annotations

import csv
from pathlib import Path
from typing import Any

import pytest

from loader.load_report import Outcome
from loader.mapping import MappingError, from_dict
from loader.pipeline import Prepared, prepare


def write(tmp: Path, name: str, rows: list[list[str]]) -> str:
    with (tmp / name).open("w", encoding="utf-8", newline="") as f:
        csv.writer(f).writerows(rows)
    return name


def prepared(tmp: Path, files: list[dict[str, Any]]) -> Prepared:
    doc = {"version": 2, "dataset": "unit", "edition": 2024, "licence": "test", "files": files}
    return prepare(None, from_dict(doc, base_dir=tmp), mapping_name="unit")


def lines(p: Prepared) -> list[tuple[str, str, str]]:
    return [(x.where, x.outcome, x.reason) for x in p.report.problems]


def test_a_file_read_by_two_entries_is_counted_per_entry(tmp_path: Path) -> None:
    path = write(
        tmp_path, "firms.csv", [["名称", "成立", "城市"], ["甲", "2015", "火星"], ["乙", "二〇", "深圳"]]
    )
    p = prepared(
        tmp_path,
        [
            {
                "path": path,
                "nodes": {"name": "名称", "properties": {"founded_year": {"column": "成立", "type": "year"}}},
            },
            {"path": path, "nodes": {"name": "名称", "location": {"city": "城市", "required": True}}},
        ],
    )
    counts = [(f.entry, f.rows_read, f.rows_loaded, f.rows_rejected, f.warnings) for f in p.report.files]
    assert counts == [(0, 2, 2, 0, 1), (1, 2, 1, 1, 0)]
    assert (p.report.rows_read, p.report.rows_loaded, p.report.rows_rejected) == (4, 3, 1)
    assert [(x.entry, x.where) for x in p.report.problems] == [
        (0, "firms.csv:3:成立"),
        (1, "firms.csv:2:城市"),
    ]


def test_drop_link_keeps_the_organisations(tmp_path: Path) -> None:
    path = write(tmp_path, "rel.csv", [["样本", "伙伴", "类型"], ["甲", "乙", "投资"], ["甲", "丙", "合作"]])
    relations = {
        "sample": {"name": "样本"},
        "partner": {"name": "伙伴"},
        "type": {
            "column": "类型",
            "values": {"投资": {"type": "INVESTS_IN", "direction": "sample_to_partner"}},
            "on_error": "drop_link",
        },
    }
    p = prepared(tmp_path, [{"path": path, "relations": relations}])
    assert [(w, o) for w, o, _ in lines(p)] == [("rel.csv:3:类型", Outcome.link_dropped)]
    assert (p.report.rows_loaded, p.report.rows_rejected) == (2, 0)
    assert sorted(n.name for n in p.resolved.nodes.values()) == ["丙", "乙", "甲"]
    assert [(r.type, r.target) for r in p.resolved.rels.values()] == [("INVESTS_IN", "org:乙")]


def test_taxonomy_problems_are_named(tmp_path: Path) -> None:
    members = write(
        tmp_path,
        "tax.csv",
        [
            ["代码", "名称", "上级"],
            ["A", "甲类", ""],
            ["A1", "甲一", "A"],
            ["A1", "重复", "A"],  # a duplicate code: rejected
            ["B", "", ""],  # no name: rejected
            ["C1", "丙一", "C"],  # an unknown parent: kept at the top
            ["X", "循环一", "Y"],
            ["Y", "循环二", "X"],  # a parent cycle: cut where it closes
        ],
    )
    walk = write(
        tmp_path,
        "walk.csv",
        [
            ["代码", "国标", "权重"],
            ["A1", "C39", "0.6"],
            ["A1", "C99", "0.4"],
            ["Z", "I65", "1"],
            ["A", "I65", "0"],
        ],
    )
    chain = write(tmp_path, "chain.csv", [["上", "下"], ["A", "A1"], ["A1", "A1"], ["A", "无此"]])
    p = prepared(
        tmp_path,
        [
            {
                "path": members,
                "taxonomy": {"id": "t", "of": "industry", "code": "代码", "name": "名称", "parent": "上级"},
            },
            {
                "path": walk,
                "crosswalk": {"taxonomy": "t", "code": "代码", "industry": "国标", "weight": "权重"},
            },
            {
                "path": chain,
                "chain": {
                    "upstream": {"column": "上", "taxonomy": "t"},
                    "downstream": {"column": "下", "taxonomy": "t"},
                },
            },
        ],
    )
    got = [(w, o) for w, o, _ in lines(p)]
    assert got == [
        ("tax.csv:4:代码", Outcome.rejected),
        ("tax.csv:5:名称", Outcome.rejected),
        ("tax.csv:6:上级", Outcome.value_dropped),
        ("tax.csv:7:上级", Outcome.value_dropped),
        ("walk.csv:3:国标", Outcome.rejected),
        ("walk.csv:4:代码", Outcome.rejected),
        ("walk.csv:5:权重", Outcome.value_dropped),
        ("chain.csv:3:下", Outcome.rejected),
        ("chain.csv:4:下", Outcome.rejected),
    ]
    members_by_code = {m.code: m for m in p.resolved.taxonomies["t"].members.values()}
    assert {c: (m.parent, m.level) for c, m in members_by_code.items()} == {
        "A": (None, 1),
        "A1": ("A", 2),
        "C1": (None, 1),
        "X": (None, 1),
        "Y": ("X", 2),
    }
    maps = sorted(
        (d.from_key, d.to_key, d.props["weight"])
        for d in p.resolved.dim_links.values()
        if d.type == "MAPS_TO"
    )
    assert maps == [("t:A", "I65", 1.0), ("t:A1", "C39", 0.6)]  # a bad weight falls back to 1


def test_a_products_column_must_name_a_product_taxonomy(tmp_path: Path) -> None:
    with pytest.raises(MappingError, match="names taxonomy 't', which classifies industries"):
        prepared(
            tmp_path,
            [
                {"path": "t.csv", "taxonomy": {"id": "t", "of": "industry", "code": "c", "name": "n"}},
                {"path": "f.csv", "nodes": {"name": "n", "products": {"column": "p", "taxonomy": "t"}}},
            ],
        )


def test_a_row_repeated_word_for_word_is_noted_not_rejected(tmp_path: Path) -> None:
    rows = [["代码", "名称", "市值"], ["300586", "美联新材", "26.96亿"], ["300586", "美联新材", "26.96亿"]]
    rows.append(["300586", "美联新材", "30亿"])  # the same id with another value: still a duplicate
    path = write(tmp_path, "firms.csv", rows)
    nodes = {
        "id": "代码",
        "name": "名称",
        "properties": {"market_value_cny": {"column": "市值", "type": "money"}},
    }
    p = prepared(tmp_path, [{"path": path, "nodes": nodes}])
    assert (p.report.rows_read, p.report.rows_loaded, p.report.rows_rejected) == (3, 2, 1)
    assert lines(p) == [
        ("firms.csv:3:代码", Outcome.noted, "repeats row 2 word for word: one organisation"),
        ("firms.csv:4:代码", Outcome.rejected, "duplicate id '300586' (first at row 2)"),
    ]
    assert [o.props["market_value_cny"] for o in p.resolved.nodes.values()] == [2_696_000_000]
