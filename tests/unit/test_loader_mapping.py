"""The mapping format and the per-row decisions that need no engine: `values:` as a list or a map, format
versions, value transforms, error policies (a dry run without a graph validates against the shipped
dimensions), places from legal names, spreadsheet-safe problem files."""

from __future__ import annotations

import csv
from pathlib import Path
from typing import Any

import pytest

from loader import load_mapping
from loader.load_report import LoadReport, Outcome, spreadsheet_safe
from loader.mapping import MappingError, from_dict
from loader.places import PlaceResolver

HEADER = ["名称", "类型", "成立", "城市", "代码"]


def dry_run(tmp: Path, rows: list[list[str]], nodes: dict[str, Any], **top: Any) -> LoadReport:
    with (tmp / "t.csv").open("w", encoding="utf-8", newline="") as f:
        csv.writer(f).writerows([HEADER, *rows])
    doc = {
        "dataset": "unit",
        "edition": 2024,
        "licence": "test",
        **top,
        "files": [{"path": "t.csv", "nodes": nodes}],
    }
    return load_mapping(None, from_dict(doc, base_dir=tmp), allow_rejects=True, rejects_path=tmp / "p.csv")


def problems(report: LoadReport) -> list[tuple[str, str]]:
    return [(p.where, p.outcome) for p in report.problems]


def test_values_as_a_list_or_a_map(tmp_path: Path) -> None:
    rows = [["甲", "University", "", "", ""], ["乙", "大学", "", "", ""], ["丙", "Planet", "", "", ""]]
    for values in (["University", "Enterprise"], {"University": "University", "大学": "University"}):
        report = dry_run(tmp_path, rows, {"name": "名称", "kind": {"column": "类型", "values": values}})
        unknown = ["t.csv:3:类型", "t.csv:4:类型"] if isinstance(values, list) else ["t.csv:4:类型"]
        assert [p.where for p in report.warnings] == unknown  # an unknown kind drops the value by default
        assert report.rows_loaded == 3
    prop = {"column": "类型", "values": ["University"]}
    report = dry_run(tmp_path, rows, {"name": "名称", "properties": {"kind_text": prop}})
    assert [p.where for p in report.warnings] == ["t.csv:3:类型", "t.csv:4:类型"]


def test_format_versions() -> None:
    base = {
        "dataset": "d",
        "edition": 2024,
        "licence": "x",
        "files": [{"path": "a.csv", "nodes": {"name": "n"}}],
    }
    assert from_dict(base, base_dir=Path(".")).version == 1  # files written before `version` stay valid
    assert from_dict({**base, "version": 2}, base_dir=Path(".")).version == 2
    with pytest.raises(MappingError, match="mapping format version 9 is not one this valuenet reads"):
        from_dict({**base, "version": 9}, base_dir=Path("."))


def test_a_mapping_names_the_focal_set(tmp_path: Path) -> None:
    base = {
        "dataset": "d",
        "edition": 2024,
        "licence": "x",
        "files": [{"path": "a.csv", "nodes": {"name": "n"}}],
    }
    assert from_dict(base, base_dir=Path(".")).focal is None  # the graph keeps its own
    assert from_dict({**base, "focal": "Enterprise"}, base_dir=Path(".")).focal == "Enterprise"
    with pytest.raises(MappingError, match=r"focal.*'Planet' is not an organisation label \(.*Enterprise"):
        from_dict({**base, "focal": "Planet"}, base_dir=Path("."))
    report = dry_run(tmp_path, [["甲", "", "", "", ""]], {"name": "名称"}, focal="all")
    assert "focal set: this mapping would make every organisation this graph's focal set" in report.notes


def test_transforms_run_before_parsing(tmp_path: Path) -> None:
    (tmp_path / "names.csv").write_text("简称,全称\n甲,甲科技股份有限公司\n", encoding="utf-8")
    nodes = {
        "id": {"column": "代码", "transform": [{"strip_suffix": [".SH", ".SZ"]}]},
        "name": {
            "column": "名称",
            "transform": [{"lookup": {"path": "names.csv", "key": "简称", "value": "全称"}}],
        },
        "properties": {
            "founded_year": {"column": "成立", "type": "year", "transform": [{"regex": r"成立于(\d{4})"}]},
        },
    }
    rows = [["甲", "", "成立于2015年", "", "600519.SH"], ["乙", "", "不详", "", "000001.SZ"]]
    report = dry_run(tmp_path, rows, nodes)
    assert problems(report) == [("t.csv:3:成立", Outcome.value_dropped)]
    assert "does not match the pattern" in report.warnings[0].reason
    assert report.rows_loaded == 2


@pytest.mark.parametrize(
    ("policy", "outcome", "loaded"),
    [
        (None, Outcome.value_dropped, 2),
        ("reject_row", Outcome.rejected, 1),
        ("drop_value", Outcome.value_dropped, 2),
    ],
)
def test_error_policy(tmp_path: Path, policy: str | None, outcome: Outcome, loaded: int) -> None:
    year: dict[str, Any] = {"column": "成立", "type": "year"}
    if policy:
        year["on_error"] = policy
    rows = [["甲", "", "2021-02-30", "", ""], ["乙", "", "2015", "", ""]]
    report = dry_run(tmp_path, rows, {"name": "名称", "properties": {"founded_year": year}})
    assert problems(report) == [("t.csv:2:成立", outcome)]
    assert (report.rows_read, report.rows_loaded) == (2, loaded)


def test_the_mappings_default_policy_and_required_columns(tmp_path: Path) -> None:
    nodes = {
        "name": "名称",
        "properties": {"founded_year": {"column": "成立", "type": "year", "required": True}},
    }
    rows = [["甲", "", "二〇一五", "", ""], ["乙", "", "", "", ""], ["丙", "", "2015", "", ""]]
    report = dry_run(tmp_path, rows, nodes, on_error="drop_value")
    # The mapping's default applies to the bad value; an empty required cell rejects its row regardless.
    assert problems(report) == [("t.csv:2:成立", Outcome.value_dropped), ("t.csv:3:成立", Outcome.rejected)]


def test_invisible_names_reject_the_row(tmp_path: Path) -> None:
    report = dry_run(tmp_path, [["\u200b\u2060", "", "", "", ""], ["可见", "", "", "", ""]], {"name": "名称"})
    assert [(p.where, p.reason) for p in report.rejects] == [
        ("t.csv:2:名称", "not a name: only invisible characters")
    ]


@pytest.mark.parametrize(
    ("name", "city"),
    [
        ("纽威数控装备（苏州）股份有限公司", "320500"),
        ("联精微电子(合肥)股份有限公司", "340100"),
        ("深圳市汇川技术股份有限公司", "440300"),
        ("苏州汇川技术有限公司", "320500"),
        ("中山大学", None),
        ("华为技术有限公司", None),
    ],
)
def test_places_from_legal_names(name: str, city: str | None) -> None:
    place = PlaceResolver.default().from_name(name)
    assert (place.code if place is not None and place.label == "City" else None) == city


def test_problem_files_are_safe_to_open_in_a_spreadsheet() -> None:
    for cell in ("=cmd|' /C calc'!A0", "+1", "-5万", "@SUM(A1)", "\tx", "\rx", "＝1"):
        assert spreadsheet_safe(cell) == "'" + cell
    for cell in ("1e400", "甲科技", ""):
        assert spreadsheet_safe(cell) == cell
