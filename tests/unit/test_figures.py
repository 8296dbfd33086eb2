"""The figures judge without an engine: tolerance edges, variants, name matching, and the shipped data."""

from __future__ import annotations

import math

import pytest

from valuenet import figures
from valuenet.figures import Figure, Rule, Target, Verdict, judge


def target(kind: str, note: str = "") -> Target:
    return Target("m", "1", kind, "", "", note, "1")


@pytest.mark.parametrize(
    ("published", "measured", "rule", "printed_decimals", "expected"),
    [
        # counts: equal or off, nothing in between
        (4125, 4125, Rule.exact, 0, Verdict.equal),
        (4125, 4126, Rule.exact, 0, Verdict.off),
        # values: equal at the printed precision
        (45.21, 45.214, Rule.exact, 2, Verdict.equal),
        (45.21, 45.216, Rule.exact, 2, Verdict.off),
        # shares: within 0.1 percentage point, the edge included
        (66.6, 66.6, Rule.share, 1, Verdict.equal),
        (66.6, 66.67, Rule.share, 1, Verdict.within),
        (50.0, 50.1, Rule.share, 2, Verdict.within),
        (50.0, 49.9, Rule.share, 2, Verdict.within),
        (50.0, 50.11, Rule.share, 2, Verdict.off),
        # emergent statistics: within ±20 %, the edge included
        (14, 12, Rule.emergent, 0, Verdict.within),
        (0.657, 0.7884, Rule.emergent, 3, Verdict.within),
        (0.657, 0.789, Rule.emergent, 3, Verdict.off),
        (4.53, 3.6, Rule.emergent, 2, Verdict.off),
        # printed as 0.000: anything that rounds to it is equal, anything else is off (no relative room)
        (0.0, 0.00005, Rule.emergent, 3, Verdict.equal),
        (0.0, 0.0006, Rule.emergent, 3, Verdict.off),
        # the edge total the report contradicts: within 0.1 %
        (97980, 98007, Rule.approximate, 0, Verdict.within),
        (97980, 98080, Rule.approximate, 0, Verdict.off),
        # printed as ">5"
        (5, 5.2, Rule.above, 0, Verdict.within),
        (5, 5, Rule.above, 0, Verdict.off),
        # nothing measured
        (5, None, Rule.exact, 0, Verdict.not_measured),
        (5, math.nan, Rule.share, 0, Verdict.not_measured),
    ],
)
def test_tolerance_edges(
    published: float, measured: float | None, rule: Rule, printed_decimals: int, expected: Verdict
) -> None:
    assert judge(published, measured, rule, printed_decimals=printed_decimals) is expected


def test_a_variant_turns_off_into_variant_and_nothing_else() -> None:
    note = "variant: Table 4 prints 15,491; targeted as 15,493"
    assert judge(15491, 15493, Rule.exact, variant=note) is Verdict.variant
    assert judge(15491, 15491, Rule.exact, variant=note) is Verdict.equal
    assert judge(15491, None, Rule.exact, variant=note) is Verdict.not_measured
    assert Verdict.variant.met and Verdict.within.met and not Verdict.off.met and not Verdict.not_measured.met


def test_variant_notes_come_from_targets() -> None:
    assert target("skip", "variant: Table 4 prints 1,710").variant.startswith("variant")
    assert target("skip", "contradiction: 26.39% vs 579 firms").variant.startswith("contradiction")
    assert target("x-share", "contradiction, shown but not checked: ...").variant
    assert target("skip", "not a property of the value network graph (context figure)").variant == ""
    assert target("count").variant == ""


def test_rule_from_target_kind_then_unit() -> None:
    assert figures.rule_for("degree", target("count")) is Rule.exact
    assert figures.rule_for("percent", target("share")) is Rule.share
    assert figures.rule_for("percent", target("share~0.1")) is Rule.share
    assert figures.rule_for("percent", target("x-share")) is Rule.share
    assert figures.rule_for("percent", target("share>")) is Rule.above
    assert figures.rule_for("edges", target("count~0.1%")) is Rule.approximate
    assert figures.rule_for("hops", target("emergent")) is Rule.emergent
    assert figures.rule_for("percent", target("skip")) is Rule.share
    assert figures.rule_for("relations", None) is Rule.exact


def test_judge_figure_uses_the_printed_precision_and_the_variant_note() -> None:
    fig = Figure(
        "2021", "IV.2", "rel_tech_input_total", "Technology input relations", "15,491", "relations", "", "693"
    )
    judged = figures.judge_figure("report", fig, 15493, target("skip", "variant: Table 4 prints 15,491"))
    assert (judged.verdict, judged.published, judged.difference) == (Verdict.variant, 15491, 2)
    assert judged.note.startswith("variant")
    share = Figure("2021", "V.1.1", "s", "Share", "50.02", "percent", "", "915")
    assert figures.judge_figure("report", share, 50.024).verdict is Verdict.equal
    assert figures.judge_figure("report", share, 50.1).verdict is Verdict.within


ROWS = [
    {"name": "中国银行", "name_en": "Bank of China"},
    {"name": "中国工商银行", "name_en": "ICBC (Industrial and Commercial Bank of China Ltd.)"},
    {"name": "华为", "name_en": "Huawei"},
    {"name": "华为云", "name_en": "Huawei Cloud"},
    {"name": "奇虎360", "name_en": "Qihoo 360"},
    {"name": "IBM", "name_en": "IBM"},
]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("中国工商银行 Industrial and Commercial Bank of China", "中国工商银行"),  # Chinese names first
        ("中国银行 Bank of China", "中国银行"),
        ("华为云 Huawei Cloud", "华为云"),  # the longest name wins
        ("华为 Huawei", "华为"),
        ("奇虎 360 Qihoo", "奇虎360"),  # spaces ignored
        ("Bank of China", "中国银行"),  # only an English name printed
        ("IBMX Corp", None),  # not inside a longer Latin word
    ],
)
def test_name_matching(text: str, expected: str | None) -> None:
    found = figures.match_name(text, ROWS, ["name", "name_en"])
    assert (found or {}).get("name") == expected


def test_aliases_rewrite_the_reports_short_forms() -> None:
    countries = [{"country": "美国", "country_en": "United States"}, {"country": "英国"}]
    assert figures.match_name("Share with USA", countries, ["country", "country_en"]) == countries[0]
    assert figures.match_name("Share with UK", countries, ["country"]) == countries[1]
    assert figures.match_name("Share with USA", countries, ["country"], aliases={}) is None


def test_outsiders_reach_the_last_value() -> None:
    ranking = [("甲", 10.0), ("乙", 8.0), ("丙", 7.0), ("丁", 6.0)]
    assert figures.outsiders({"甲", "乙"}, 8, ranking) == []
    assert figures.outsiders({"甲", "丙"}, 7, ranking) == [("乙", 8.0)]
    assert figures.outsiders({"甲", "乙"}, 7, ranking) == [("丙", 7.0)]  # a tie at the cut-off is not listed


def test_shipped_figures_and_targets_agree_with_the_declarations() -> None:
    published = figures.figures()
    targets = figures.targets()
    assert published["network_nodes_total"].number == 43742
    assert published["tech_degree_top30_sample_r01_huawei"].name == "华为 Huawei"
    for stat in figures.TABLE3:
        assert stat.metric_id in published, stat
    assert {targets[s.metric_id].kind for s in figures.TABLE3} == {"count", "count~0.1%", "emergent"}
    ranked = [figures.ranking_table(m) for m in published]
    prefixes = {r[0].prefix for r in ranked if r}
    assert prefixes == {t.prefix for t in figures.RANKING_TABLES}
    assert figures.ranking_table("hc_study_top20_domestic_r01_tsinghua_university") == (
        figures.RANKING_TABLES[6],
        1,
    )
    assert figures.ranking_table("network_nodes_total") is None
    assert len(figures.printed_names()) > 250


def test_summary_counts_every_verdict() -> None:
    fig = Figure("2021", "IV", "x", "x", "3", "relations", "", "1")
    judged = [figures.judge_figure("report", fig, v) for v in (3, 4, None)]
    counts = figures.summary(judged)
    assert (counts[Verdict.equal], counts[Verdict.off], counts[Verdict.not_measured]) == (1, 1, 1)
    assert figures.summary_line(judged) == (
        "3 figures: 1 equal, 0 within tolerance, 0 variants, 1 off, 1 not measured"
    )


@pytest.mark.parametrize(
    ("value", "shown"),
    [(4125.0, "4,125"), (66.666, "66.67"), (0.028374, "0.02837"), (-3.0, "-3"), (None, "—")],
)
def test_numbers_for_people(value: float | None, shown: str) -> None:
    assert figures.format_number(value) == shown
