"""`valuenet report`: the 2021 report's value-network tables regenerated from the graph, side by side with
the published figures (figures.csv), as `report.md` and a self-contained `report.html` (inline SVG charts, no
scripts, no network). Sections are declared in `valuenet/data/report_sections.yaml`."""

from __future__ import annotations

import html
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from importlib import resources
from typing import TYPE_CHECKING, Any

import yaml

from valuenet import figures as figures_mod
from valuenet import queries, questions
from valuenet.db import Neo4jError
from valuenet.figures import Figure, Judgement, Target, Verdict, format_number

if TYPE_CHECKING:
    from pathlib import Path

    from valuenet.db import Graph

CHECK = "report"


@dataclass
class Section:
    id: str
    title_zh: str
    title_en: str
    judgements: list[Judgement] = field(default_factory=list)
    chart: list[tuple[str, float]] = field(default_factory=list)
    note: str = ""


@dataclass
class Report:
    sections: list[Section]
    synthetic: bool
    organizations: int
    synthetic_organizations: int

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
) -> Section:
    sec = Section(spec["id"], spec["title_zh"], spec["title_en"])
    q, _, result = questions.ask(graph, spec["question"], spec.get("params", {}))
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


def build(
    graph: Graph,
    figures: Mapping[str, Figure] | None = None,
    targets: Mapping[str, Target] | None = None,
) -> Report:
    """Run every section against the graph and judge the published figures (default: the 2021 edition of
    figures.csv and targets.csv). A figure that is off but that the report contradicts elsewhere (the
    reference dataset's decision) is a `variant`."""
    figures = figures_mod.figures() if figures is None else figures
    targets = figures_mod.targets() if targets is None else targets
    spec = yaml.safe_load(_data("report_sections.yaml"))
    measured: dict[str, float] = {}
    sections: list[Section] = []
    for s in spec["sections"]:
        if s.get("source") == "network_stats":
            sections.append(_section_from_stats(graph, s, figures, targets))
        else:
            sections.append(_section_from_question(graph, s, figures, targets, measured))
    syn = graph.read(queries.text("report/synthetic_share"))[0]
    return Report(
        sections,
        bool(syn["synthetic_organizations"]),
        int(syn["organizations"]),
        int(syn["synthetic_organizations"]),
    )


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


def to_markdown(report: Report) -> str:
    out = [
        "# 中国新一代人工智能科技产业发展报告 2021 — 价值网络 / value network, regenerated from the graph",
        "",
    ]
    if report.synthetic:
        out += [
            f"> **{SYNTHETIC_NOTE}** ({report.synthetic_organizations:,} of {report.organizations:,} "
            "organisations are synthetic.)",
            "",
        ]
    out += [_totals(report), ""]
    for s in report.sections:
        out += [f"## {s.title_zh} / {s.title_en}", "", f"_{s.note}_", ""]
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


def to_html(report: Report) -> str:
    css = _data("report.css")
    body = ["<h1>中国新一代人工智能科技产业发展报告 2021 · value network regenerated from the graph</h1>"]
    if report.synthetic:
        body.append(
            f'<p class="banner">{html.escape(SYNTHETIC_NOTE)} ({report.synthetic_organizations:,} of '
            f"{report.organizations:,} organisations are synthetic.)</p>"
        )
    body.append(f"<p>{html.escape(_totals(report))}</p>")
    for s in report.sections:
        body.append(f'<h2 id="{s.id}">{html.escape(s.title_zh)} / {html.escape(s.title_en)}</h2>')
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
