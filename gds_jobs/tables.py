"""Check the degree jobs' properties against the report's Tables 5-9 (figures.csv rows of R21 §IV.3).

Each table row names an organisation and its count; the check finds the organisation by `name_zh` (or an
alias) and compares the job property exactly. Table groups whose population is the label `:Sample` (Tables
5-7: sample nodes vs relation nodes) are also checked for rank order: the organisations the table lists
must be the graph's top-k of that population (ties at the cut-off allowed).
"""

from __future__ import annotations

import csv
import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from valuenet import queries
from valuenet.db import Graph

FIGURES = Path(__file__).resolve().parent.parent / "loader" / "reference" / "data" / "figures.csv"
ENTITIES = FIGURES.with_name("entities.csv")

# metric id prefix -> (job property, population: True = :Sample, False = relation nodes, None = mixed)
GROUPS: dict[str, tuple[str, bool | None]] = {
    "tech_degree_top30_sample": ("degree_tech", True),
    "tech_degree_top30_relation": ("degree_tech", False),
    "tech_input_top30_sample": ("degree_tech_in", True),
    "tech_input_top20_relation": ("degree_tech_in", False),
    "tech_empowerment_top30_sample": ("degree_tech_out", True),
    "tech_empowerment_top20_relation": ("degree_tech_out", False),
    "hc_study_top20_domestic": ("degree_talent_study", None),
    "hc_study_top20_foreign": ("degree_talent_study", None),
    "hc_work_top20_domestic": ("degree_talent_work", None),
    "hc_work_top20_foreign": ("degree_talent_work", None),
    "invest_top20_institution": ("degree_invest_out", None),
    "invest_top20_noninstitution": ("degree_invest_out", None),
}
_METRIC = re.compile(r"^(?P<group>[a-z0-9_]+?)_r(?P<rank>\d+)_")


@dataclass(frozen=True)
class Row:
    group: str
    rank: int
    name: str
    expected: int
    prop: str
    sample: bool | None
    metric_id: str


@dataclass(frozen=True)
class Finding:
    metric_id: str
    name: str
    prop: str
    expected: int | None
    actual: int | float | None
    problem: str  # "" when the row is reproduced


def table_rows(figures: Path = FIGURES, entities: Path = ENTITIES) -> list[Row]:
    """The Tables 5-9 rows of figures.csv (2021 edition), with the organisation's Chinese name."""
    names: list[str] = []
    if entities.exists():
        with entities.open(encoding="utf-8", newline="") as f:
            names = sorted(
                {r["name_zh"] for r in csv.DictReader(f) if r.get("name_zh")}, key=len, reverse=True
            )
    out: list[Row] = []
    with figures.open(encoding="utf-8", newline="") as f:
        for r in csv.DictReader(f):
            m = _METRIC.match(r["metric_id"])
            if r["edition"] != "2021" or not m or m.group("group") not in GROUPS:
                continue
            text = r["description_en"].rsplit("): ", 1)[-1].strip()
            name = _resolve(text, names)
            prop, sample = GROUPS[m.group("group")]
            out.append(
                Row(
                    m.group("group"),
                    int(m.group("rank")),
                    name,
                    int(float(r["value"])),
                    prop,
                    sample,
                    r["metric_id"],
                )
            )
    return out


def report_figures(figures: Path = FIGURES) -> dict[str, float]:
    """metric_id -> value of the 2021 edition's figures (numeric ones)."""
    out: dict[str, float] = {}
    if not figures.exists():
        return out
    with figures.open(encoding="utf-8", newline="") as f:
        for r in csv.DictReader(f):
            if r["edition"] == "2021":
                try:
                    out[r["metric_id"]] = float(r["value"])
                except ValueError:
                    continue
    return out


def _resolve(text: str, names: list[str]) -> str:
    """The entity whose Chinese name starts the row text ("华为 Huawei", "IDG 资本 IDG Capital" -> IDG资本),
    longest first, spaces ignored; else the first word."""
    compact = text.replace(" ", "")
    for n in names:  # longest first
        if text == n or text.startswith(n + " ") or compact.startswith(n.replace(" ", "")):
            return n
    return text.split(" ")[0]


def check(graph: Graph, rows: Iterable[Row]) -> list[Finding]:
    """One finding per table row (problem "" = reproduced), plus rank-order findings for Tables 5-7."""
    rows = list(rows)
    found = {
        r["name"]: r
        for r in graph.read(queries.text("jobs/tables_lookup"), {"names": sorted({x.name for x in rows})})
    }
    findings: list[Finding] = []
    for row in rows:
        hit = found.get(row.name)
        actual = hit["scores"].get(row.prop) if hit else None
        if hit is None:
            problem = "organisation not in the graph"
        elif actual is None:
            problem = f"no {row.prop} property (run the job)"
        elif actual != row.expected:
            problem = f"{row.prop} = {actual}, table says {row.expected}"
        elif row.sample is not None and bool(hit["sample"]) != row.sample:
            problem = (
                "listed as a " + ("sample" if row.sample else "relation") + " node but labelled otherwise"
            )
        else:
            problem = ""
        findings.append(Finding(row.metric_id, row.name, row.prop, row.expected, actual, problem))
    groups: dict[str, list[Row]] = {}
    for row in rows:
        if row.sample is not None:
            groups.setdefault(row.group, []).append(row)
    for group, members in groups.items():
        prop, sample = members[0].prop, members[0].sample
        k = len(members)
        top = graph.read(queries.text("jobs/tables_topk"), {"property": prop, "sample": sample, "k": k + 5})
        cutoff = min(x.expected for x in members)
        listed = {x.name for x in members}
        for r in top:
            if r["score"] > cutoff and r["name"] not in listed:
                findings.append(
                    Finding(
                        group,
                        str(r["name"]),
                        prop,
                        None,
                        r["score"],
                        f"ranks above the table's last row ({cutoff}) but is not in the table",
                    )
                )
    return findings
