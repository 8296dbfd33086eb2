"""`valuenet report`: a report about THIS graph, as `report.md` and a self-contained `report.html` (inline SVG
charts, no scripts, no network).

- The graph (`describe`, always): its size, the focal set, the Table 3 statistics of the latest
  network_stats run, relations by type and domestic/foreign (Table 4's shape), the top organisations by
  value-network relations and by each job's score, the focal organisations by every dimension they link to
  (places, industries, an analyst's own taxonomy ...), how many report each attribute, the communities.
  Coverage-aware: every breakdown says how many focal organisations carry what it counts, of how many.
- The side by side with the 2021 report's published figures (figures.csv; sections declared in
  `valuenet/data/report_sections.yaml`): only when the graph holds the report's 2021 sample, or when asked.
"""

from __future__ import annotations

import html
import re
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass, field
from importlib import resources
from typing import TYPE_CHECKING, Any

import yaml

from valuenet import figures as figures_mod
from valuenet import focal as focal_mod
from valuenet import queries, questions
from valuenet.db import Neo4jError
from valuenet.figures import Figure, Judgement, Target, Verdict, format_number

if TYPE_CHECKING:
    from pathlib import Path

    from valuenet.db import Graph
    from valuenet.model import GraphModel

CHECK = "report"
TOP = 10  # rows of each top-N table


@dataclass
class Section:
    id: str
    title_zh: str
    title_en: str
    judgements: list[Judgement] = field(default_factory=list)
    chart: list[tuple[str, float]] = field(default_factory=list)
    note: str = ""


@dataclass
class Table:
    """One table about the graph: what it counts, its rows, and the denominator it counts them of."""

    id: str
    title_zh: str
    title_en: str
    columns: list[str]
    rows: list[dict[str, Any]]
    note: str = ""


@dataclass
class Report:
    sections: list[Section]  # the side by side with the 2021 report; [] when not compared
    synthetic: bool
    organizations: int
    synthetic_organizations: int
    graph: list[Table] = field(default_factory=list)  # about this graph
    focal: str = ""  # the focal set, described (and why, when not the model's)
    compared: bool = True

    @property
    def judgements(self) -> list[Judgement]:
        return [j for s in self.sections for j in s.judgements]

    def counts(self) -> dict[Verdict, int]:
        return figures_mod.summary(self.judgements)


def _data(name: str) -> str:
    return resources.files("valuenet").joinpath("data", name).read_text(encoding="utf-8")


def _stem(metric_id: str) -> str:
    return re.sub(r"_(count|share)$", "", metric_id)


def _section_from_question(
    graph: Graph,
    spec: dict[str, Any],
    figures: Mapping[str, Figure],
    targets: Mapping[str, Target],
    measured: dict[str, float],
    model: GraphModel,
) -> Section:
    sec = Section(spec["id"], spec["title_zh"], spec["title_en"])
    q, _, result = questions.ask(graph, spec["question"], spec.get("params", {}), model=model)
    rows = result.rows
    pattern = re.compile(spec["figures"])
    matched_rows: dict[str, dict[str, Any] | None] = {}
    for mid in sorted(m for m in figures if pattern.search(m)):
        fig = figures[mid]
        if fig.number is None:
            continue
        row: dict[str, Any] | None
        value: Any = None
        note = ""
        if spec.get("match") == "rows":
            key = next((k for k in spec["rows"] if mid == k or mid.startswith(k + "_")), None)
            selector = spec["rows"].get(key or "", {})
            row = (
                next((r for r in rows if all(r.get(c) == v for c, v in selector.items())), None)
                if selector
                else None
            )
            suffix = mid[len(key) + 1 :] if key and mid != key else mid.rsplit("_", 1)[-1]
            column = spec["columns"].get(suffix, "")
            value = None if row is None else row.get(column)
        else:
            stem = _stem(mid)
            if stem not in matched_rows:
                # the sibling figure may name it (the count has 美国, the share only USA)
                siblings = [mid] + [
                    s for s in (stem + "_count", stem + "_share", stem) if s in figures and s != mid
                ]
                matched_rows[stem] = next(
                    (
                        found
                        for s in siblings
                        if (found := figures_mod.match_name(figures[s].name, rows, spec["name_columns"]))
                        is not None
                    ),
                    None,
                )
            row = matched_rows[stem]
            if row is None:
                note = "no row in the graph matches this figure's name"
            elif fig.unit == "percent" and spec.get("share_of"):
                base = measured.get(spec["share_of"])
                count = row.get(spec["value"])
                value = round(100.0 * count / base, 2) if base and count is not None else None
                note = f"share of measured {spec['share_of']}"
            else:
                value = row.get("share" if fig.unit == "percent" else spec["value"])
        number = float(value) if isinstance(value, (int, float)) else None
        if number is not None:
            measured[mid] = number
        sec.judgements.append(figures_mod.judge_figure(CHECK, fig, number, targets.get(mid), note))
    chart = spec.get("chart") or {
        "label": spec.get("name_columns", ["name"])[0],
        "value": spec.get("value", "relations"),
    }
    sec.chart = [(str(r.get(chart["label"])), float(r.get(chart["value"]) or 0)) for r in rows[:15]]
    sec.note = f"question `{q.id}` with {spec.get('params', {})}"
    return sec


def _section_from_stats(
    graph: Graph, spec: dict[str, Any], figures: Mapping[str, Figure], targets: Mapping[str, Target]
) -> Section:
    sec = Section(spec["id"], spec["title_zh"], spec["title_en"])
    rows = _latest_stats(graph)
    stats = rows[0]["stats"] if rows else {}
    sec.note = (
        f"from job run {rows[0]['run_id']} ({rows[0]['backend']}, {rows[0]['started']})"
        if rows
        else "no network statistics yet: run `valuenet jobs run network_stats`"
    )
    for stat in figures_mod.TABLE3:
        fig = figures.get(stat.metric_id)
        if fig is None or fig.number is None:
            continue
        raw = stats.get(stat.field)
        value = float(raw) if isinstance(raw, (int, float)) else None
        sec.judgements.append(figures_mod.judge_figure(CHECK, fig, value, targets.get(stat.metric_id)))
        if value is not None:
            sec.chart.append((stat.field, value))
    return sec


def _latest_stats(graph: Graph) -> list[dict[str, Any]]:
    """The newest network_stats result, or [] when none has run (or the engine cannot answer the query)."""
    try:
        return graph.read(queries.text("jobs/stats_latest"))
    except Neo4jError:
        return []


def holds_report_data(graph: Graph) -> bool:
    """Whether the graph holds the 2021 report's sample (then the report compares with its figures)."""
    return bool(graph.read(queries.text("report/holds_report_data"))[0]["samples"])


def build(
    graph: Graph,
    figures: Mapping[str, Figure] | None = None,
    targets: Mapping[str, Target] | None = None,
    *,
    compare: bool | None = None,
    describe_graph: bool = True,
    focal: focal_mod.Focal | None = None,
) -> Report:
    """The report about `graph` (`describe_graph`) and, when `compare` (default: when the graph holds the
    2021 report's sample), every section of report_sections.yaml judged against the published figures
    (default: the 2021 edition of figures.csv and targets.csv). A figure that is off but that the report
    contradicts elsewhere (the reference dataset's decision) is a `variant`. `focal`: the focal set
    (default: valuenet.focal.for_graph)."""
    focal = focal or focal_mod.for_graph(graph)
    compare = holds_report_data(graph) if compare is None else compare
    sections: list[Section] = []
    if compare:
        figures = figures_mod.figures() if figures is None else figures
        targets = figures_mod.targets() if targets is None else targets
        spec = yaml.safe_load(_data("report_sections.yaml"))
        measured: dict[str, float] = {}
        for s in spec["sections"]:
            if s.get("source") == "network_stats":
                sections.append(_section_from_stats(graph, s, figures, targets))
            else:
                sections.append(_section_from_question(graph, s, figures, targets, measured, focal.model))
    syn = graph.read(queries.text("report/synthetic_share"))[0]
    note = f" ({focal.note})" if focal.note else ""
    return Report(
        sections,
        bool(syn["synthetic_organizations"]),
        int(syn["organizations"]),
        int(syn["synthetic_organizations"]),
        graph=describe(graph, focal) if describe_graph else [],
        focal=f"focal set: {focal.describe()}{note}",
        compared=compare,
    )


# -- the graph itself --------------------------------------------------------------------------------------
def _of(part: int, whole: int) -> str:
    """`172 of 2,205 (7.8 %)`."""
    share = f" ({100.0 * part / whole:.1f} %)" if whole else ""
    return f"{part:,} of {whole:,}{share}"


def _share(part: float, whole: float) -> float | None:
    return round(100.0 * part / whole, 2) if whole else None


def describe(graph: Graph, focal: focal_mod.Focal) -> list[Table]:
    """The tables about the graph itself, each stating what it counts of how many (coverage)."""
    model = focal.model
    size = graph.read(queries.load("report/graph_size").render(model))
    # a count over a type the graph has no node of yet is no row on ArcadeDB (measured, 26.10.2): 0 then
    count = Counter({(r["part"], r["key"]): int(r["n"]) for r in size})
    organizations, focal_n = count[("organizations", "")], count[("focal", "")]
    who = focal.describe() if focal.label else "organisations"  # "of the 239 organisations", not "all ..."
    tables = [_size_table(model, count, focal.describe())]
    tables.append(_stats_table(graph))
    tables.append(_relations_table(graph, model, who))
    tables.append(_top_degree_table(graph, model, who))
    tables += _score_tables(graph)
    tables += _dimension_tables(graph, model, focal_n, who)
    tables.append(_attribute_table(graph, model, focal_n, who))
    tables += _community_tables(graph, organizations)
    return tables


def _size_table(model: GraphModel, count: Mapping[tuple[str, str], int], who: str) -> Table:
    organizations, focal_n = count[("organizations", "")], count[("focal", "")]
    rows: list[dict[str, Any]] = [
        {"what": "organisations", "count": organizations, "share": None},
        {"what": f"focal set ({who})", "count": focal_n, "share": _share(focal_n, organizations)},
    ]
    rows += [
        {
            "what": f":{kind} ({model.organization.kinds[kind].en})",
            "count": n,
            "share": _share(n, organizations),
        }
        for (part, kind), n in count.items()
        if part == "kind" and n
    ]
    rows += [
        {"what": f"[:{rel}] ({model.relationships[rel].en})", "count": n, "share": None}
        for (part, rel), n in count.items()
        if part == "relationship" and n
    ]
    return Table(
        "size",
        "图的规模",
        "The graph",
        ["what", "count", "share"],
        rows,
        f"shares of the {organizations:,} organisations; relationships between organisations by type",
    )


def _stats_table(graph: Graph) -> Table:
    rows = _latest_stats(graph)
    stats = rows[0]["stats"] if rows else {}
    table_rows = [
        {"statistic": s.field, "value": stats.get(s.field), "method": stats.get(f"{s.field}_method", "")}
        for s in figures_mod.TABLE3
        if stats.get(s.field) is not None
    ]
    note = (
        f"the value network (graph model projection value_network), job run {rows[0]['run_id']} "
        f"({rows[0]['backend']}, {rows[0]['started']})"
        if rows
        else "no network statistics yet: run `valuenet jobs run network_stats`"
    )
    return Table(
        "structure",
        "网络统计指标（表3）",
        "Network structure (as Table 3)",
        ["statistic", "value", "method"],
        table_rows,
        note,
    )


def _relations_table(graph: Graph, model: GraphModel, who: str) -> Table:
    _, _, result = questions.ask(graph, "relation_types_domestic_foreign", {}, model=model)
    columns = ["dimension", "relation", "relations", "domestic", "foreign", "unknown", "foreign_share"]
    rows = [{c: r.get(c) for c in columns} for r in result.rows]
    unknown = sum(int(r["unknown"] or 0) for r in rows)
    total = sum(int(r["relations"] or 0) for r in rows)
    return Table(
        "relations",
        "关系类型及国内外构成（表4）",
        "Relations by type, domestic and foreign (as Table 4)",
        columns,
        rows,
        f"relations of the {who}, seen from the focal end; domestic/foreign by the other end's country, "
        f"known for {_of(total - unknown, total)} relations; foreign_share is of each type's relations",
    )


def _top_degree_table(graph: Graph, model: GraphModel, who: str) -> Table:
    rows = graph.read(queries.load("report/top_degree").render(model), {"limit": TOP})
    return Table(
        "top_degree",
        "关系最多的机构",
        "Most connected organisations",
        ["name_zh", "name_en", "labels", "relations"],
        rows,
        f"value relations ({'|'.join(model.projection('value_network').types)}) counted for the {who}",
    )


def _score_tables(graph: Graph) -> list[Table]:
    from gds_jobs import catalogue

    tables = []
    for job in catalogue.JOBS.values():
        if not job.ranked or job.write_property is None:
            continue
        rows = graph.read(queries.text("jobs/top_scores"), {"property": job.write_property, "k": TOP})
        if rows:
            tables.append(
                Table(
                    f"top_{job.name}",
                    f"得分最高：{job.title_zh}",
                    f"Top by score: {job.title_en}",
                    ["name_zh", "score"],
                    rows,
                    f"property `{job.write_property}` of the latest run of job {job.name}",
                )
            )
    if not tables:
        tables.append(
            Table(
                "scores", "作业得分", "Scores", [], [], "no job has written scores yet: `valuenet jobs run`"
            )
        )
    return tables


def _dimension_tables(graph: Graph, model: GraphModel, focal_n: int, who: str) -> list[Table]:
    """For every dimension organisations link to (places, industries, fields, a taxonomy ...): the nodes
    with the most focal organisations, and how many focal organisations carry such a link at all."""
    tables = []
    for target, link in model.links_from(model.organization.label).items():
        if target not in model.dimensions:
            continue
        names = {"link": link, "target": target}
        covered = int(graph.read(queries.load("report/linked_count").render(model, **names))[0]["covered"])
        noun = model.dimension_noun(target, "en")
        article = "an" if noun[0] in "aeiou" else "a"
        if not covered:
            continue
        rows = graph.read(queries.load("report/linked_top").render(model, **names), {"limit": TOP})
        for r in rows:
            r["share"] = _share(r["organizations"], covered)
        tables.append(
            Table(
                f"by_{target.lower()}",
                f"按{model.dimension_noun(target, 'zh')}",
                f"By {noun}",
                ["code", "name_zh", "name_en", "organizations", "share"],
                rows,
                f"{_of(covered, focal_n)} {who} have {article} {noun} ([:{link}]); "
                f"shares are of those {covered:,}",
            )
        )
    return tables


def _attribute_table(graph: Graph, model: GraphModel, focal_n: int, who: str) -> Table:
    rows = graph.read(queries.load("report/attribute_coverage").render(model))
    shown = [
        {**r, "reported": _of(int(r["reported"]), int(r["focal"]))} for r in rows if int(r["reported"] or 0)
    ]
    missing = [r["attribute"] for r in rows if not int(r["reported"] or 0)]
    note = f"of the {focal_n:,} {who}"
    if missing:
        note += f"; reported by none: {', '.join(missing)}"
    return Table(
        "attributes",
        "机构属性的覆盖率",
        "Attributes and how many report them",
        ["attribute", "reported", "min", "mean", "max"],
        shown,
        note,
    )


def _community_tables(graph: Graph, organizations: int) -> list[Table]:
    rows = graph.read(queries.text("explorer/communities"), {"property": "community", "k": 5, "limit": TOP})
    if not rows:
        return []
    scored = int(graph.read(queries.text("report/community_count"))[0]["scored"])
    return [
        Table(
            "communities",
            "社区（Louvain）",
            "Communities (Louvain)",
            ["community", "size", "top_members"],
            rows,
            f"{_of(scored, organizations)} organisations are in a community (the value network's nodes); "
            "largest first, members of highest PageRank",
        )
    ]


# -- rendering ---------------------------------------------------------------------------------------------
SYNTHETIC_NOTE = (
    "合成重建数据 · synthetic reconstruction — the graph holds generated organisations and relations "
    "calibrated to the report's published figures; the report's raw sample data is not public."
)


def _totals(report: Report) -> str:
    counts = report.counts()
    return (
        f"{len(report.judgements)} published figures compared: {counts[Verdict.equal]} equal, "
        f"{counts[Verdict.within]} within tolerance (shares within {figures_mod.SHARE_TOLERANCE_PT} pt, "
        f"structure statistics within ±{figures_mod.EMERGENT_TOLERANCE:.0%}), {counts[Verdict.variant]} "
        f"variants (the report prints another value elsewhere; see the note), {counts[Verdict.off]} off, "
        f"{counts[Verdict.not_measured]} not measured."
    )


FLAGS = {
    Verdict.equal: "✅",
    Verdict.within: "✅ within tolerance",
    Verdict.variant: "⚠ variant",
    Verdict.off: "❌ off",
    Verdict.not_measured: "— not measured",
}


REPORT_TITLE = (
    "中国新一代人工智能科技产业发展报告 2021 — 价值网络 / value network, regenerated from the graph"
)
GRAPH_TITLE = "价值网络报告 / Value network report — this graph"
COMPARISON = "与2021年报告的对比 / Side by side with the 2021 report"


def cell(v: Any) -> str:
    """A table cell for people: numbers as format_number, lists joined, nothing as a dash."""
    if isinstance(v, bool) or v is None or not isinstance(v, (int, float, list)):
        return "—" if v is None or v == "" else str(v)
    if isinstance(v, list):
        return ", ".join(map(str, v))
    return format_number(v)


def _markdown_table(t: Table) -> list[str]:
    out = [f"### {t.title_zh} / {t.title_en}", "", f"_{t.note}_", ""]
    if t.rows and t.columns:
        out += ["| " + " | ".join(t.columns) + " |", "|" + "---|" * len(t.columns)]
        out += ["| " + " | ".join(cell(r.get(c)).replace("|", "/") for c in t.columns) + " |" for r in t.rows]
        out.append("")
    return out


def to_markdown(report: Report) -> str:
    out = [f"# {REPORT_TITLE if report.compared else GRAPH_TITLE}", ""]
    if report.synthetic:
        out += [
            f"> **{SYNTHETIC_NOTE}** ({report.synthetic_organizations:,} of {report.organizations:,} "
            "organisations are synthetic.)",
            "",
        ]
    if report.focal:
        out += [f"_{report.focal}_", ""]
    if report.graph:
        out += ["## 本图概况 / This graph", ""]
        for t in report.graph:
            out += _markdown_table(t)
    if not report.compared:
        return "\n".join(out)
    out += [f"## {COMPARISON}", "", _totals(report), ""]
    for s in report.sections:
        out += [f"### {s.title_zh} / {s.title_en}", "", f"_{s.note}_", ""]
        out += [
            "| figure | published | measured | difference | verdict | report line |",
            "|---|---:|---:|---:|---|---|",
        ]
        for j in s.judgements:
            flag = FLAGS[j.verdict]
            cells = [
                j.description,
                format_number(j.published),
                format_number(j.measured),
                format_number(j.difference),
                flag,
                f"L{j.line}",
            ]
            out.append("| " + " | ".join(cells) + " |")
        out.append("")
    return "\n".join(out)


def _svg_bars(items: list[tuple[str, float]], synthetic: bool) -> str:
    if not items:
        return ""
    width, bar_h, label_w = 640, 18, 210
    top = max(v for _, v in items) or 1.0
    h = len(items) * (bar_h + 4) + (24 if synthetic else 8)
    parts = [f'<svg width="{width}" height="{h}" role="img">']
    for i, (label, value) in enumerate(items):
        y = 4 + i * (bar_h + 4)
        w = max(1.0, (width - label_w - 70) * value / top)
        parts.append(
            f'<text x="{label_w - 6}" y="{y + 13}" text-anchor="end" font-size="12">'
            f"{html.escape(label[:28])}</text>"
        )
        parts.append(f'<rect x="{label_w}" y="{y}" width="{w:.1f}" height="{bar_h}" fill="#3b6ea5"/>')
        shown = html.escape(format_number(value))
        parts.append(f'<text x="{label_w + w + 4:.1f}" y="{y + 13}" font-size="12">{shown}</text>')
    if synthetic:
        parts.append(
            f'<text x="{width - 4}" y="{h - 6}" text-anchor="end" font-size="11" fill="#b03a2e">'
            "合成重建 synthetic reconstruction</text>"
        )
    parts.append("</svg>")
    return "".join(parts)


def _html_table(t: Table) -> list[str]:
    body = [
        f'<h3 id="{t.id}">{html.escape(t.title_zh)} / {html.escape(t.title_en)}</h3>',
        f"<p><i>{html.escape(t.note)}</i></p>",
    ]
    if t.rows and t.columns:
        body.append("<table><tr>" + "".join(f"<th>{html.escape(c)}</th>" for c in t.columns) + "</tr>")
        for r in t.rows:
            cells = "".join(
                f'<td class="n">{html.escape(cell(r.get(c)))}</td>'
                if isinstance(r.get(c), (int, float)) and not isinstance(r.get(c), bool)
                else f"<td>{html.escape(cell(r.get(c)))}</td>"
                for c in t.columns
            )
            body.append(f"<tr>{cells}</tr>")
        body.append("</table>")
    return body


def to_html(report: Report) -> str:
    css = _data("report.css")
    body = [f"<h1>{html.escape(REPORT_TITLE if report.compared else GRAPH_TITLE)}</h1>"]
    if report.synthetic:
        body.append(
            f'<p class="banner">{html.escape(SYNTHETIC_NOTE)} ({report.synthetic_organizations:,} of '
            f"{report.organizations:,} organisations are synthetic.)</p>"
        )
    if report.focal:
        body.append(f"<p><i>{html.escape(report.focal)}</i></p>")
    if report.graph:
        body.append("<h2>本图概况 / This graph</h2>")
        for t in report.graph:
            body += _html_table(t)
    if report.compared:
        body.append(f"<h2>{html.escape(COMPARISON)}</h2><p>{html.escape(_totals(report))}</p>")
    for s in report.sections:
        body.append(f'<h3 id="{s.id}">{html.escape(s.title_zh)} / {html.escape(s.title_en)}</h3>')
        body.append(f"<p><i>{html.escape(s.note)}</i></p>")
        if s.chart:
            caption = "synthetic reconstruction / 合成重建" if report.synthetic else "measured in the graph"
            body.append(
                f"<figure>{_svg_bars(s.chart, report.synthetic)}<figcaption>{caption}</figcaption></figure>"
            )
        header = "".join(
            f"<th>{h}</th>" for h in ("figure", "published", "measured", "difference", "verdict", "line")
        )
        body.append(f"<table><tr>{header}</tr>")
        for j in s.judgements:
            numbers = "".join(
                f'<td class="n">{format_number(v)}</td>' for v in (j.published, j.measured, j.difference)
            )
            verdict = j.verdict.value + (" — " + html.escape(j.note) if j.note else "")
            css_class = j.verdict.name.replace("_", "-")
            body.append(
                f'<tr class="{css_class}"><td title="{html.escape(j.metric_id)}">'
                f"{html.escape(j.description)}</td>{numbers}<td>{verdict}</td><td>L{html.escape(j.line)}</td></tr>"
            )
        body.append("</table>")
    head = f'<head><meta charset="utf-8"><title>valuenet report</title><style>{css}</style></head>'
    return f'<!doctype html><html lang="zh">{head}<body>{"".join(body)}</body></html>\n'


def write(report: Report, out_dir: Path) -> tuple[Path, Path]:
    out_dir.mkdir(parents=True, exist_ok=True)
    md, page = out_dir / "report.md", out_dir / "report.html"
    md.write_text(to_markdown(report), encoding="utf-8")
    page.write_text(to_html(report), encoding="utf-8")
    return md, page
