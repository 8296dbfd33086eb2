"""The reports' published figures and the one judge that compares a measured value with them.

Three checks measure figures and ask this module for a verdict: the report's tables (`valuenet.report`,
Tables 3-9, §V, §VI), the reference dataset's calibration targets (`loader.reference.calibrate`, §II-VI)
and the degree jobs' properties against Tables 5-9 (`gds_jobs.degree_tables`). `valuenet figures` runs them.

Data (package data of the reference dataset, loader/reference/data/):
- `figures.csv`: every figure the reports print (edition, section, metric id, description, the value as
  printed, unit, population, report line);
- `targets.csv`: for each 2021 figure of §II-VI, how it is measured and judged (`kind`: count, share, value,
  emergent, ...; the calibration keys) or why the reference dataset does not target it (`skip`, with the
  reason). A `variant:` / `contradiction:` note, or a kind prefixed `x-`, marks a figure the report itself
  contradicts: a miss there is a *variant*, not *off*.

One set of tolerances: counts, ranks and values equal at the printed precision; shares within 0.1 percentage
point; the network's emergent statistics (not fitted by the generator) within ±20 %; the edge total, which the
report contradicts itself on, within 0.1 %.
"""

from __future__ import annotations

import csv
import functools
import io
import math
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from enum import StrEnum
from importlib import resources
from typing import Any, TypeVar

SHARE_TOLERANCE_PT = 0.1
EMERGENT_TOLERANCE = 0.20
APPROXIMATE_TOLERANCE = 0.001
EDITION = "2021"

# The reports name some countries only by English short forms; the graph holds the Chinese names.
ALIASES: Mapping[str, str] = {"USA": "美国", "UK": "英国", "US": "美国"}


class Verdict(StrEnum):
    equal = "equal"
    within = "within tolerance"
    variant = "variant"  # off, but the report prints another value elsewhere (targets.csv note)
    off = "off"
    not_measured = "not measured"

    @property
    def met(self) -> bool:
        return self in (Verdict.equal, Verdict.within, Verdict.variant)


class Rule(StrEnum):
    """How close a measured value must come to the published one."""

    exact = "exact"  # counts, ranks, values: equal at the printed precision
    share = "share"  # within SHARE_TOLERANCE_PT percentage point
    emergent = "emergent"  # within EMERGENT_TOLERANCE (relative)
    approximate = "approximate"  # within APPROXIMATE_TOLERANCE (relative)
    above = "above"  # printed as ">5": the measured value must exceed it

    @property
    def tolerance(self) -> str:
        return {
            Rule.exact: "equal",
            Rule.share: f"within {SHARE_TOLERANCE_PT} pt",
            Rule.emergent: f"emergent: within ±{EMERGENT_TOLERANCE:.0%}",
            Rule.approximate: f"within {APPROXIMATE_TOLERANCE:.1%}",
            Rule.above: "above",
        }[self]


@dataclass(frozen=True)
class Figure:
    """One row of figures.csv."""

    edition: str
    section: str
    metric_id: str
    description_en: str
    value: str  # as printed: "4125", "66.6", "0.000", ">5"
    unit: str
    population: str
    line: str

    @property
    def number(self) -> float | None:
        """The printed value as a number (None for dates, ranges and other text)."""
        return parse_number(self.value)

    @property
    def name(self) -> str:
        """The part of the description that names the row's organisation or place ("华为 Huawei")."""
        return self.description_en.rsplit("): ", 1)[-1]


@dataclass(frozen=True)
class Target:
    """One row of targets.csv."""

    metric_id: str
    published: str
    kind: str
    num: str
    den: str
    note: str
    line: str

    @property
    def variant(self) -> str:
        """The reason the report contradicts this figure elsewhere, or ""."""
        if self.kind.startswith("x-") or (
            self.kind == "skip" and self.note.startswith(("variant", "contradiction"))
        ):
            return self.note
        return ""

    @property
    def measured_kind(self) -> str:
        return self.kind.removeprefix("x-")


@dataclass(frozen=True)
class Judgement:
    """A published figure, the value measured for it, and the verdict."""

    check: str  # report | reference | degrees
    metric_id: str
    description: str
    published: float  # as printed; for the reference dataset's counts, times its scale
    measured: float | None
    verdict: Verdict
    rule: Rule
    line: str
    note: str = ""

    @property
    def difference(self) -> float | None:
        return None if self.measured is None else round(self.measured - self.published, 6)

    def row(self) -> dict[str, Any]:
        """The judgement as one output row, keyed by COLUMNS."""
        values = (
            self.check,
            self.metric_id,
            self.description,
            self.published,
            self.measured,
            self.difference,
            self.verdict.value,
            self.rule.tolerance,
            self.note,
            self.line,
        )
        return dict(zip(COLUMNS, values, strict=True))


# The columns of `valuenet figures` (table format: without description, and without check for one check).
COLUMNS = (
    "check",
    "figure",
    "description",
    "published",
    "measured",
    "difference",
    "verdict",
    "tolerance",
    "note",
    "line",
)


def parse_number(text: str) -> float | None:
    try:
        return float(text.replace(",", "").lstrip(">"))
    except ValueError:
        return None


def format_number(v: float | None) -> str:
    """A number for people: 4,125 / 66.67 / 0.02837; "—" when there is none."""
    if v is None:
        return "—"
    return f"{int(v):,}" if float(v).is_integer() else f"{v:,.4g}" if abs(v) < 1 else f"{v:,.2f}"


def decimals(text: str) -> int:
    """Digits after the point as printed ("66.60" -> 2, "4125" -> 0)."""
    return len(text.split(".", 1)[1]) if "." in text else 0


def judge(
    published: float,
    measured: float | None,
    rule: Rule,
    *,
    printed_decimals: int = 0,
    variant: str = "",
) -> Verdict:
    """The verdict on a measured value. `printed_decimals`: the precision the figure is printed at (equal
    means equal at that precision); `variant`: a reason the report contradicts the figure, which turns
    `off` into `variant`."""
    if measured is None or math.isnan(measured):
        return Verdict.not_measured
    gap = abs(measured - published)
    if rule is Rule.above:
        verdict = Verdict.within if measured > published else Verdict.off
    elif gap <= 0.5 * 10.0**-printed_decimals + 1e-9:
        verdict = Verdict.equal
    elif rule is Rule.share:
        verdict = Verdict.within if gap <= SHARE_TOLERANCE_PT + 1e-9 else Verdict.off
    elif rule in (Rule.emergent, Rule.approximate):
        share = EMERGENT_TOLERANCE if rule is Rule.emergent else APPROXIMATE_TOLERANCE
        verdict = Verdict.within if gap <= share * abs(published) + 1e-9 else Verdict.off
    else:
        verdict = Verdict.off
    return Verdict.variant if verdict is Verdict.off and variant else verdict


def rule_for(unit: str, target: Target | None) -> Rule:
    """The tolerance of a figure: from its targets.csv kind where it has one, else from its unit."""
    kind = target.measured_kind if target else ""
    if kind == "emergent":
        return Rule.emergent
    if kind == "count~0.1%":
        return Rule.approximate
    if kind == "share>":
        return Rule.above
    if kind.startswith("share") or (kind in ("", "skip") and unit == "percent"):
        return Rule.share
    return Rule.exact


def judge_figure(
    check: str,
    figure: Figure,
    measured: float | None,
    target: Target | None = None,
    note: str = "",
) -> Judgement:
    """A figures.csv row judged as printed, with its tolerance and variant note from targets.csv."""
    published = figure.number
    if published is None:
        raise ValueError(f"figures.csv: {figure.metric_id} has no number ({figure.value!r})")
    rule = rule_for(figure.unit, target)
    variant = target.variant if target else ""
    verdict = judge(published, measured, rule, printed_decimals=decimals(figure.value), variant=variant)
    if verdict is Verdict.variant:
        note = variant
    return Judgement(
        check, figure.metric_id, figure.description_en, published, measured, verdict, rule, figure.line, note
    )


# -- data -----------------------------------------------------------------------------------------------
def _read(name: str) -> list[dict[str, str]]:
    text = resources.files("loader.reference").joinpath("data", name).read_text(encoding="utf-8")
    return list(csv.DictReader(io.StringIO(text)))


@functools.cache
def figures(edition: str = EDITION) -> dict[str, Figure]:
    """The figures.csv rows of one edition, by metric id."""
    return {r["metric_id"]: Figure(**r) for r in _read("figures.csv") if r["edition"] == edition}


@functools.cache
def targets() -> dict[str, Target]:
    """The targets.csv rows (2021 edition), by metric id, in file order."""
    return {r["metric_id"]: Target(**r) for r in _read("targets.csv")}


@functools.cache
def printed_names() -> tuple[dict[str, str], ...]:
    """The organisations the reports name (entities.csv): name_zh and name_en."""
    return tuple({"name_zh": r["name_zh"], "name_en": r["name_en"]} for r in _read("entities.csv"))


# -- Table 3 ----------------------------------------------------------------------------------------------
@dataclass(frozen=True)
class StatisticFigure:
    field: str  # the (:NetworkStats) property the network_stats job writes
    metric_id: str  # figures.csv
    label_zh: str
    label_en: str


# The report's Table 3, in its order: the network_stats job's fields beside the published figures.
TABLE3: tuple[StatisticFigure, ...] = (
    StatisticFigure("nodes", "network_nodes_total", "节点数", "nodes"),
    StatisticFigure("edges", "network_edges_total", "边数", "edges"),
    StatisticFigure("avg_degree", "network_avg_degree", "平均度", "average degree"),
    StatisticFigure("diameter", "network_diameter", "网络直径", "diameter"),
    StatisticFigure("density", "network_density", "图密度", "density"),
    StatisticFigure("modularity", "network_modularity", "模块度", "modularity"),
    StatisticFigure(
        "avg_clustering", "network_avg_clustering_coefficient", "平均聚类系数", "average clustering"
    ),
    StatisticFigure("avg_path_length", "network_avg_path_length", "平均路径长度", "average path length"),
)


# -- Tables 5-9 -------------------------------------------------------------------------------------------
@dataclass(frozen=True)
class RankingTable:
    prefix: str  # figures.csv metric ids `<prefix>_rNN_<name>`, one per printed row
    job_property: str  # the degree job's property that measures it
    sample: bool | None  # the table's population: sample nodes, relation nodes, or mixed (None)
    family: str  # its rank:<family>:<name> keys in cypher/calibration/rankings.cypher


# The report's ranking tables (R21 §IV.3).
RANKING_TABLES: tuple[RankingTable, ...] = (
    RankingTable("tech_degree_top30_sample", "degree_tech", True, "tech_deg_sample"),
    RankingTable("tech_degree_top30_relation", "degree_tech", False, "tech_deg_relation"),
    RankingTable("tech_input_top30_sample", "degree_tech_in", True, "tech_in_sample"),
    RankingTable("tech_input_top20_relation", "degree_tech_in", False, "tech_in_relation"),
    RankingTable("tech_empowerment_top30_sample", "degree_tech_out", True, "tech_out_sample"),
    RankingTable("tech_empowerment_top20_relation", "degree_tech_out", False, "tech_out_relation"),
    RankingTable("hc_study_top20_domestic", "degree_talent_study", None, "study_domestic"),
    RankingTable("hc_study_top20_foreign", "degree_talent_study", None, "study_foreign"),
    RankingTable("hc_work_top20_domestic", "degree_talent_work", None, "work_domestic"),
    RankingTable("hc_work_top20_foreign", "degree_talent_work", None, "work_foreign"),
    RankingTable("invest_top20_institution", "degree_invest_out", None, "invest_institution"),
    RankingTable("invest_top20_noninstitution", "degree_invest_out", None, "invest_other"),
)
_RANKED_ROW = re.compile(r"^(?P<prefix>[a-z0-9_]+?)_r(?P<rank>\d+)_")


def ranking_table(metric_id: str) -> tuple[RankingTable, int] | None:
    """The ranking table a figure is a row of, and its printed rank."""
    m = _RANKED_ROW.match(metric_id)
    table = next((t for t in RANKING_TABLES if m and t.prefix == m.group("prefix")), None)
    return None if table is None or m is None else (table, int(m.group("rank")))


# -- names ------------------------------------------------------------------------------------------------
@functools.cache
def _name_pattern(name: str) -> re.Pattern[str]:
    """`name` anywhere in a text, spaces between its characters optional (奇虎360 finds 奇虎 360), not
    inside a longer Latin word (IBM is not in IBMX)."""
    chars = [re.escape(c) for c in re.sub(r"\s+", "", name)]
    before = r"(?<![A-Za-z0-9])" if name[:1].isascii() and name[:1].isalnum() else ""
    after = r"(?![A-Za-z0-9])" if name[-1:].isascii() and name[-1:].isalnum() else ""
    return re.compile(before + r"\s*".join(chars) + after)


Row = TypeVar("Row", bound=Mapping[str, Any])


def match_name(
    text: str, rows: Sequence[Row], columns: Sequence[str], aliases: Mapping[str, str] = ALIASES
) -> Row | None:
    """The row whose name occurs in `text` (a figure's name part; spaces ignored: 奇虎 360 = 奇虎360).
    Columns are tried in order, Chinese names first, so 中国工商银行 is not taken for "Bank of China"; within
    a column the longest name wins (华为云 over 华为). `aliases` rewrite the reports' short forms (USA ->
    美国) first."""
    for short, full in aliases.items():
        text = _name_pattern(short).sub(f"{short} {full}", text)
    for col in columns:
        best: tuple[int, Row] | None = None
        for row in rows:
            name = row.get(col)
            if (
                isinstance(name, str)
                and len(name) >= 2
                and (best is None or len(name) > best[0])
                and _name_pattern(name).search(text)
            ):
                best = (len(name), row)
        if best:
            return best[1]
    return None


def outsiders(
    listed: Iterable[str], last: float, ranking: Iterable[tuple[str, float]]
) -> list[tuple[str, float]]:
    """Who reaches a published ranking's last value without being listed in it (a top-k table is
    reproduced when nobody does), sorted by name."""
    names = set(listed)
    return sorted((n, v) for n, v in ranking if n not in names and v >= last)


def summary(judgements: Sequence[Judgement]) -> dict[Verdict, int]:
    counts = dict.fromkeys(Verdict, 0)
    for j in judgements:
        counts[j.verdict] += 1
    return counts


def summary_line(judgements: Sequence[Judgement]) -> str:
    counts = summary(judgements)
    parts = ", ".join(f"{counts[v]:,} {'variants' if v is Verdict.variant else v.value}" for v in Verdict)
    return f"{len(judgements):,} figures: {parts}"
