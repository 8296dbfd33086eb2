"""The calibration report: every targeted figures.csv row, its published value, the value measured from
the graph (by the Cypher queries in cypher/calibration/) or from the tables (measure.py), and the difference.

A target fails when a count differs (counts scale with --scale), a share is off by more than 0.1
percentage point, or a value differs at the printed precision. data/targets.csv lists the targets and the
keys that measure them; DECISIONS.md explains every row that is not targeted.
"""

from __future__ import annotations

import csv
import math
import re
from dataclasses import dataclass
from pathlib import Path

from valuenet import queries
from valuenet.db import Graph

DATA = Path(__file__).resolve().parent / "data"
SHARE_TOLERANCE = 0.1  # percentage points
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
# Ranking tables: metric id prefix -> the family of rank:* keys (cypher/calibration/rankings.cypher).
RANKINGS = {
    "tech_degree_top30_sample": "tech_deg_sample",
    "tech_degree_top30_relation": "tech_deg_relation",
    "tech_input_top30_sample": "tech_in_sample",
    "tech_empowerment_top30_sample": "tech_out_sample",
    "tech_input_top20_relation": "tech_in_relation",
    "tech_empowerment_top20_relation": "tech_out_relation",
    "hc_study_top20_domestic": "study_domestic",
    "hc_study_top20_foreign": "study_foreign",
    "hc_work_top20_domestic": "work_domestic",
    "hc_work_top20_foreign": "work_foreign",
    "invest_top20_institution": "invest_institution",
    "invest_top20_noninstitution": "invest_other",
}


@dataclass(frozen=True)
class Target:
    metric_id: str
    published: str
    kind: str
    num: str
    den: str
    note: str
    line: str


@dataclass(frozen=True)
class Result:
    target: Target
    expected: float | None
    measured: float | None
    difference: float | None
    ok: bool
    unit: str


def targets() -> list[Target]:
    with (DATA / "targets.csv").open(encoding="utf-8", newline="") as f:
        return [Target(**row) for row in csv.DictReader(f)]


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


def _decimals(text: str) -> int:
    return len(text.split(".")[1]) if "." in text else 0


def compare(measured: dict[str, float], scale: int = 1) -> list[Result]:
    out: list[Result] = []
    for t0 in targets():
        if t0.kind == "skip":
            continue
        contradicted = t0.kind.startswith("x-")
        t = Target(**{**t0.__dict__, "kind": t0.kind.removeprefix("x-")})
        before = len(out)
        pub = t.published.lstrip(">")
        value = float(pub) if re.fullmatch(r"-?[\d.]+", pub) else math.nan
        if t.kind in ("count", "count+1", "amount", "count1", "count~0.1%"):
            expected = (value + (1 if t.kind == "count+1" else 0)) * (1 if t.kind == "count1" else scale)
            got = round(_sum(measured, t.num), 2)
            diff = got - expected
            tol = 0.001 * expected if t.kind == "count~0.1%" else 0.005
            out.append(Result(t, expected, got, diff, abs(diff) <= tol, "count"))
        elif t.kind.startswith("share"):
            den = _sum(measured, t.den)
            got = 100.0 * _sum(measured, t.num) / den if den else math.nan
            if t.kind == "share>":
                out.append(Result(t, value, got, got - value, got > value, "share>"))
            else:
                diff = got - value
                out.append(Result(t, value, got, diff, abs(diff) <= SHARE_TOLERANCE + 1e-9, "pt"))
        elif t.kind == "value":
            got = measured.get(t.num, math.nan)
            diff = got - value
            ok = round(got, _decimals(t.published)) == round(value, _decimals(t.published))
            out.append(Result(t, value, got, diff, ok, "value"))
        elif t.kind == "rank":
            ranked = sorted(
                ((v, k) for k, v in measured.items() if k.startswith(t.den)), key=lambda x: (-x[0], x[1])
            )
            keys = [k for _, k in ranked]
            got = float(keys.index(t.num) + 1) if t.num in keys else math.nan
            out.append(Result(t, value, got, got - value, got == value, "rank"))
        elif t.kind == "argmax":
            cand = {
                k[len(t.num) :]: v
                for k, v in measured.items()
                if k.startswith(t.num) and k[len(t.num) :].isdigit()
            }
            best = max(sorted(cand), key=lambda k: cand[k]) if cand else "nan"
            got = float(best)
            out.append(Result(t, value, got, got - value, got == value, "year"))
        else:
            raise ValueError(f"unknown target kind {t.kind} ({t.metric_id})")
        if contradicted and len(out) > before:
            r = out[-1]
            out[-1] = Result(t0, r.expected, r.measured, r.difference, True, r.unit + " (contradiction)")
    return out


def rankings(measured: dict[str, float], scale: int = 1) -> list[Result]:
    """One check per ranking table: nobody outside the published names reaches the table's last value."""
    out: list[Result] = []
    published: dict[str, list[tuple[str, float]]] = {}
    rows: dict[str, Target] = {}
    for t in targets():
        for prefix, family in RANKINGS.items():
            if t.metric_id.startswith(prefix + "_r") and t.kind == "count":
                name = t.num.split(":")[-2] if t.num.startswith("techdeg:") else t.num.split(":")[-1]
                published.setdefault(family, []).append((name, float(t.published) * scale))
                rows.setdefault(family, t)
    for family, names in sorted(published.items()):
        last = min(v for _, v in names)
        known = {n for n, _ in names}
        prefix = f"rank:{family}:"
        intruders = sorted(
            (k[len(prefix) :], v)
            for k, v in measured.items()
            if k.startswith(prefix) and k[len(prefix) :] not in known and v >= last
        )
        t0 = rows[family]
        t = Target(f"ranking:{family}", f"{len(names)} names", "ranking", prefix, "", "", t0.line)
        best = max((v for _, v in intruders), default=math.nan)
        out.append(Result(t, last, best, len(intruders), not intruders, "first unnamed"))
    return out


def summary(results: list[Result]) -> tuple[int, int]:
    return len(results), sum(1 for r in results if r.ok)
