"""The report's degree tables (Tables 5-9, R21 §IV.3) checked against the degree jobs' properties.

Each printed row names an organisation and its count. The organisation is found by the figures module's name
matcher among the organisations the report names (entities.csv), then in the graph by `name_zh` or an alias;
its job property is judged like any figure (a count: equal). Tables whose population is sample nodes or
relation nodes (Tables 5-7) are also checked for rank order: nobody outside the listed organisations of that
population reaches the table's last value.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING

from valuenet import figures, queries
from valuenet.figures import Figure, Judgement, RankingTable, Rule, Verdict

if TYPE_CHECKING:
    from valuenet.db import Graph

CHECK = "degrees"


@dataclass(frozen=True)
class TableRow:
    table: RankingTable
    rank: int
    name: str | None  # the organisation's Chinese name; None when no organisation the report names matches
    figure: Figure


def table_rows(published: Mapping[str, Figure] | None = None) -> list[TableRow]:
    """The printed rows of Tables 5-9 (figures.csv, 2021 edition), with the organisation's Chinese name."""
    out: list[TableRow] = []
    for fig in (figures.figures() if published is None else published).values():
        found = figures.ranking_table(fig.metric_id)
        if found is None:
            continue
        named = figures.match_name(fig.name, figures.printed_names(), ["name_zh", "name_en"])
        out.append(TableRow(found[0], found[1], named["name_zh"] if named else None, fig))
    return out


def check(graph: Graph, rows: Iterable[TableRow]) -> list[Judgement]:
    """One judgement per printed row, then one rank-order judgement per table of Tables 5-7."""
    rows = list(rows)
    names = sorted({r.name for r in rows if r.name})
    found = {r["name"]: r for r in graph.read(queries.text("jobs/degree_tables_lookup"), {"names": names})}
    targets = figures.targets()
    out: list[Judgement] = []
    for row in rows:
        prop = row.table.job_property
        hit = found.get(row.name or "")
        actual = hit["scores"].get(prop) if hit else None
        if row.name is None:
            note = "the printed name matches no organisation the report names (entities.csv)"
        elif hit is None:
            note = f"{row.name} is not in the graph"
        elif actual is None:
            note = f"{row.name} has no {prop} property (run the job)"
        else:
            note = ""
        judged = figures.judge_figure(
            CHECK, row.figure, actual, targets.get(row.figure.metric_id), note or f"{row.name}: {prop}"
        )
        population = row.table.sample
        if hit is not None and population is not None and bool(hit["sample"]) != population:
            side = "a sample" if population else "a relation"
            judged = dataclasses.replace(
                judged,
                verdict=Verdict.off,
                note=f"{row.name} is listed as {side} node but labelled otherwise",
            )
        out.append(judged)
    return out + _rank_order(graph, rows)


def _rank_order(graph: Graph, rows: list[TableRow]) -> list[Judgement]:
    tables: dict[RankingTable, list[TableRow]] = {}
    for row in rows:
        if row.table.sample is not None:
            tables.setdefault(row.table, []).append(row)
    out: list[Judgement] = []
    for table, members in tables.items():
        listed = {r.name for r in members if r.name}
        last = min(r.figure.number or 0.0 for r in members)
        top = graph.read(
            queries.text("jobs/degree_tables_topk"),
            {"property": table.job_property, "sample": table.sample, "k": len(members) + 5},
        )
        intruders = figures.outsiders(listed, last, ((str(r["name"]), float(r["score"])) for r in top))
        population = "sample" if table.sample else "relation"
        out.append(
            Judgement(
                CHECK,
                f"rank_order:{table.prefix}",
                f"{table.prefix}: no {population} node outside the {len(members)} listed reaches {last:,.0f}",
                0,
                len(intruders),
                figures.judge(0, len(intruders), Rule.exact),
                Rule.exact,
                members[0].figure.line,
                ", ".join(f"{n} ({table.job_property} {v:,.0f})" for n, v in intruders[:5]),
            )
        )
    return out
