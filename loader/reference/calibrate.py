"""The reference dataset's calibration: every targets.csv row the generator targets, measured on the loaded
graph (the Cypher queries of cypher/calibration/) or on the generated tables (measure.py), and judged by
`valuenet.figures` (counts scale with --scale). Plus one check per ranking table of Tables 5-9: nobody
outside the published names reaches the table's last value. DECISIONS.md explains every row not targeted.
"""

from __future__ import annotations

import math
from typing import TYPE_CHECKING

from valuenet import figures, queries
from valuenet.figures import Judgement, Rule, Target

if TYPE_CHECKING:
    from valuenet.db import Graph

CHECK = "reference"
# The calibration queries, in order; each returns rows {k: key, v: number}.
QUERIES = (
    "calibration/network_totals",
    "calibration/technology_partners",
    "calibration/technology_sectors",
    "calibration/technology_degrees",
    "calibration/talent_sources",
    "calibration/talent_degrees",
    "calibration/investment_geography",
    "calibration/investment_totals",
    "calibration/investor_sample_counts",
    "calibration/sample_categories",
    "calibration/sample_numbers",
    "calibration/sample_named_values",
    "calibration/rankings",
)
NOT_TARGETED = ("skip", "emergent")


def measure_graph(graph: Graph) -> dict[str, float]:
    """Every calibration key measured from the loaded graph."""
    out: dict[str, float] = {}
    for name in QUERIES:
        for row in graph.read(queries.text(name)):
            if row["k"] is not None and row["v"] is not None:
                out[str(row["k"])] = out.get(str(row["k"]), 0.0) + float(row["v"])
    return out


def _sum(measured: dict[str, float], keys: str) -> float:
    return sum(measured.get(k, 0.0) for k in keys.split("+") if k)


def _expected_and_measured(t: Target, measured: dict[str, float], scale: int) -> tuple[float, float]:
    """What the graph should hold for target `t` at `scale`, and what it holds (NaN: not measured)."""
    kind = t.measured_kind
    value = figures.parse_number(t.published)
    if value is None:
        raise ValueError(f"targets.csv: {t.metric_id} has no number ({t.published!r})")
    if kind in ("count", "count+1", "amount", "count1", "count~0.1%"):
        expected = (value + (1 if kind == "count+1" else 0)) * (1 if kind == "count1" else scale)
        return expected, _sum(measured, t.num)
    if kind.startswith("share"):
        den = _sum(measured, t.den)
        return value, 100.0 * _sum(measured, t.num) / den if den else math.nan
    if kind == "value":
        return value, measured.get(t.num, math.nan)
    if kind == "rank":
        ranked = sorted(
            ((v, k) for k, v in measured.items() if k.startswith(t.den)), key=lambda x: (-x[0], x[1])
        )
        keys = [k for _, k in ranked]
        return value, float(keys.index(t.num) + 1) if t.num in keys else math.nan
    if kind == "argmax":
        years = {
            k[len(t.num) :]: v
            for k, v in measured.items()
            if k.startswith(t.num) and k[len(t.num) :].isdigit()
        }
        return value, float(max(sorted(years), key=lambda k: years[k])) if years else math.nan
    raise ValueError(f"targets.csv: unknown target kind {t.kind} ({t.metric_id})")


def compare(measured: dict[str, float], scale: int = 1) -> list[Judgement]:
    """Every target the generator aims at, judged (the report's self-contradictions, kinds `x-...`, are
    variants when missed)."""
    described = figures.figures()
    out: list[Judgement] = []
    for t in figures.targets().values():
        if t.measured_kind in NOT_TARGETED:
            continue
        expected, got = _expected_and_measured(t, measured, scale)
        rule = figures.rule_for("", t)
        verdict = figures.judge(
            expected, got, rule, printed_decimals=figures.decimals(t.published), variant=t.variant
        )
        fig = described.get(t.metric_id)
        out.append(
            Judgement(
                CHECK,
                t.metric_id,
                fig.description_en if fig else t.metric_id,
                expected,
                None if math.isnan(got) else got,
                verdict,
                rule,
                t.line,
                t.note,
            )
        )
    return out


def _ranked_name(key: str) -> str:
    """The organisation in a calibration key: techdeg:华为:deg, hcdeg:study:清华大学, invdeg:红杉资本中国."""
    parts = key.split(":")
    return parts[-2] if key.startswith("techdeg:") else parts[-1]


def rankings(measured: dict[str, float], scale: int = 1) -> list[Judgement]:
    """One check per ranking table: nobody outside the published names reaches the table's last value."""
    tables: dict[figures.RankingTable, list[Target]] = {}
    for t in figures.targets().values():
        found = figures.ranking_table(t.metric_id)
        if found and t.kind == "count":
            tables.setdefault(found[0], []).append(t)
    out: list[Judgement] = []
    for table, rows in tables.items():
        listed = {_ranked_name(t.num): float(t.published) * scale for t in rows}
        last = min(listed.values())
        prefix = f"rank:{table.family}:"
        ranking = [(k[len(prefix) :], v) for k, v in measured.items() if k.startswith(prefix)]
        intruders = figures.outsiders(listed, last, ranking)
        out.append(
            Judgement(
                CHECK,
                f"ranking:{table.family}",
                f"{table.prefix}: nobody outside the {len(listed)} published names reaches {last:,.0f}",
                0,
                len(intruders),
                figures.judge(0, len(intruders), Rule.exact),
                Rule.exact,
                rows[0].line,
                ", ".join(f"{n} {v:,.0f}" for n, v in intruders[:5]),
            )
        )
    return out
