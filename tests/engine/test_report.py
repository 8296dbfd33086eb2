"""`valuenet report` on the hand-built question graph, against a small figures file of known answers."""

from __future__ import annotations

import csv
import re
from pathlib import Path

import pytest

from valuenet import report
from valuenet.db import Graph

HEADER = ["edition", "section", "metric_id", "description_en", "value", "unit", "population", "line"]
FIGURES = [
    # Table 5: 华为 has degree 4 in the fixture; 瑞松科技 3; a wrong published value must be flagged
    [
        "2021",
        "IV.3.1",
        "tech_degree_top30_sample_r01_huawei",
        "Tech degree, sample node rank 1 (Table 5): 华为 Huawei",
        "4",
        "degree",
        "",
        "733",
    ],
    [
        "2021",
        "IV.3.1",
        "tech_degree_top30_sample_r02_risong",
        "Tech degree, sample node rank 2 (Table 5): 瑞松科技 Risong",
        "5",
        "degree",
        "",
        "734",
    ],
    [
        "2021",
        "IV.3.1",
        "tech_degree_top30_sample_r03_nobody",
        "Tech degree, sample node rank 3 (Table 5): 不存在 Nobody",
        "2",
        "degree",
        "",
        "735",
    ],
    # Table 4 rows
    ["2021", "IV.2", "rel_tech_input_total", "Technology input relations", "3", "relations", "", "700"],
    ["2021", "IV.2", "rel_tech_input_foreign_share", "Share foreign", "66.6", "percent", "", "700"],
    ["2021", "IV.2", "rel_tech_empowerment_domestic", "Empowerment domestic", "5", "relations", "", "701"],
    # countries: count names 美国; the share sibling only says USA
    [
        "2021",
        "V.1.1",
        "tech_coop_intl_usa_count",
        "International technology cooperation relations with 美国 USA",
        "2",
        "relations",
        "",
        "915",
    ],
    [
        "2021",
        "V.1.1",
        "tech_coop_intl_usa_share",
        "Share of international technology cooperation relations with USA",
        "50",
        "percent",
        "",
        "915",
    ],
    [
        "2021",
        "V.1.1",
        "tech_input_foreign_usa_share",
        "Share of technology input relations from USA",
        "66.67",
        "percent",
        "",
        "922",
    ],
    [
        "2021",
        "V.1.1",
        "tech_input_foreign_usa_count",
        "Technology input relations from 美国 USA",
        "2",
        "relations",
        "",
        "922",
    ],
    [
        "2021",
        "V.1.2",
        "tech_coop_prov_guangdong_count",
        "domestic technology cooperation relations in province 广东省 Guangdong",
        "5",
        "relations",
        "",
        "940",
    ],
    ["2021", "IV.1", "network_nodes_total", "Value network: total nodes", "43742", "nodes", "", "679"],
]


@pytest.fixture
def figures(tmp_path: Path) -> Path:
    path = tmp_path / "figures.csv"
    with open(path, "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f)
        w.writerow(HEADER)
        w.writerows(FIGURES)
    return path


@pytest.fixture
def rgraph(question_graph: Graph) -> Graph:
    """The shared hand-built graph (tests/conftest.py)."""
    return question_graph


def test_figures_are_measured_and_compared(rgraph: Graph, figures: Path) -> None:
    rep = report.build(rgraph, figures)
    checks = {c.metric_id: c for c in rep.checks}
    assert (
        checks["tech_degree_top30_sample_r01_huawei"].measured == 4
        and checks["tech_degree_top30_sample_r01_huawei"].status == "ok"
    )
    assert (
        checks["tech_degree_top30_sample_r02_risong"].measured == 3
        and checks["tech_degree_top30_sample_r02_risong"].status == "off"
    )
    assert checks["tech_degree_top30_sample_r03_nobody"].status == "missing"
    assert checks["rel_tech_input_total"].measured == 3 and checks["rel_tech_input_total"].status == "ok"
    assert (
        checks["rel_tech_input_foreign_share"].measured == 66.67
        and checks["rel_tech_input_foreign_share"].status == "ok"
    )
    assert checks["rel_tech_empowerment_domestic"].measured == 5
    assert checks["tech_coop_intl_usa_count"].measured == 2
    assert checks["tech_coop_intl_usa_share"].measured == 50.0  # row found through the _count sibling's 美国
    assert checks["tech_input_foreign_usa_share"].measured == 66.67  # share of measured rel_tech_input_total
    assert checks["tech_coop_prov_guangdong_count"].measured == 5
    assert checks["network_nodes_total"].status == "missing"  # no network_stats job has run on this graph
    assert rep.synthetic and rep.synthetic_organizations == 1


def test_markdown_and_self_contained_html(rgraph: Graph, figures: Path, tmp_path: Path) -> None:
    md, page = report.write(report.build(rgraph, figures), tmp_path / "out")
    text = md.read_text(encoding="utf-8")
    assert (
        "synthetic reconstruction" in text
        and "| Tech degree, sample node rank 1 (Table 5): 华为 Huawei | 4 | 4 | 0 | ✅" in text
    )
    doc = page.read_text(encoding="utf-8")
    assert "<svg" in doc and "合成重建 synthetic reconstruction" in doc
    assert not re.search(r"<script|<link|src=|https?://", doc), "the page must not load anything from outside"


def test_contradicted_figure_is_a_variant_not_off(rgraph: Graph, figures: Path, tmp_path: Path) -> None:
    targets = tmp_path / "targets.csv"
    targets.write_text(
        "metric_id,published,kind,num,den,note,line\n"
        'tech_degree_top30_sample_r02_risong,5,skip,,,"variant: Table 6 implies 3",734\n',
        encoding="utf-8",
    )
    rep = report.build(rgraph, figures, targets)
    check = next(c for c in rep.checks if c.metric_id == "tech_degree_top30_sample_r02_risong")
    assert check.status == "variant" and check.note.startswith("variant: Table 6")
    assert rep.counts()["variant"] == 1 and "⚠ variant" in report.to_markdown(rep)


def test_chinese_names_are_matched_before_english_ones() -> None:
    rows = [
        {"name": "中国银行", "name_en": "Bank of China"},
        {"name": "中国工商银行", "name_en": "ICBC (Industrial and Commercial Bank of China Ltd.)"},
    ]
    text = (
        "Tech degree, relation node rank 30 (Table 5): 中国工商银行 Industrial and Commercial Bank of China"
    )
    assert report._match_by_name(text, rows, ["name", "name_en"]) == rows[1]
    assert (
        report._match_by_name("Share with USA", [{"country": "美国"}], ["country"], {"USA": "美国"})
        is not None
    )
