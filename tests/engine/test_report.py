"""`valuenet report` on the hand-built question graph, against a small set of figures of known answers."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from valuenet import report
from valuenet.db import Graph
from valuenet.figures import Figure, Target, Verdict

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
def figures() -> dict[str, Figure]:
    return {row[2]: Figure(*row) for row in FIGURES}


@pytest.fixture
def rgraph(question_graph: Graph) -> Graph:
    """The shared hand-built graph (tests/conftest.py)."""
    return question_graph


def test_figures_are_measured_and_judged(rgraph: Graph, figures: dict[str, Figure]) -> None:
    rep = report.build(rgraph, figures, {})
    judged = {j.metric_id: j for j in rep.judgements}

    def seen(mid: str) -> tuple[float | None, Verdict]:
        return judged[mid].measured, judged[mid].verdict

    assert seen("tech_degree_top30_sample_r01_huawei") == (4, Verdict.equal)
    assert seen("tech_degree_top30_sample_r02_risong") == (3, Verdict.off)
    assert seen("tech_degree_top30_sample_r03_nobody") == (None, Verdict.not_measured)
    assert (
        judged["tech_degree_top30_sample_r03_nobody"].note == "no row in the graph matches this figure's name"
    )
    assert seen("rel_tech_input_total") == (3, Verdict.equal)
    assert seen("rel_tech_input_foreign_share") == (66.67, Verdict.within)  # printed 66.6: within 0.1 pt
    assert judged["rel_tech_empowerment_domestic"].measured == 5
    assert judged["tech_coop_intl_usa_count"].measured == 2
    assert judged["tech_coop_intl_usa_share"].measured == 50.0  # row found through the _count sibling's 美国
    assert judged["tech_input_foreign_usa_share"].measured == 66.67  # share of measured rel_tech_input_total
    assert judged["tech_coop_prov_guangdong_count"].measured == 5
    assert seen("network_nodes_total") == (None, Verdict.not_measured)  # no network_stats job has run
    assert rep.synthetic and rep.synthetic_organizations == 1
    assert rep.counts()[Verdict.off] == 1 and len(rep.judgements) == len(FIGURES)


def test_markdown_and_self_contained_html(rgraph: Graph, figures: dict[str, Figure], tmp_path: Path) -> None:
    md, page = report.write(report.build(rgraph, figures, {}), tmp_path / "out")
    text = md.read_text(encoding="utf-8")
    assert (
        "synthetic reconstruction" in text
        and "| Tech degree, sample node rank 1 (Table 5): 华为 Huawei | 4 | 4 | 0 | ✅ |" in text
    )
    assert "1 within tolerance" in text and "| 66.60 | 66.67 | 0.07 | ✅ within tolerance |" in text
    doc = page.read_text(encoding="utf-8")
    assert "<svg" in doc and "合成重建 synthetic reconstruction" in doc
    assert '<tr class="not-measured">' in doc and ".not-measured {" in doc
    assert not re.search(r"<script|<link|src=|https?://", doc), "the page must not load anything from outside"


def test_contradicted_figure_is_a_variant_not_off(rgraph: Graph, figures: dict[str, Figure]) -> None:
    mid = "tech_degree_top30_sample_r02_risong"
    targets = {mid: Target(mid, "5", "skip", "", "", "variant: Table 6 implies 3", "734")}
    rep = report.build(rgraph, figures, targets)
    judged = next(j for j in rep.judgements if j.metric_id == mid)
    assert judged.verdict is Verdict.variant and judged.note.startswith("variant: Table 6")
    assert rep.counts()[Verdict.variant] == 1 and "⚠ variant" in report.to_markdown(rep)
