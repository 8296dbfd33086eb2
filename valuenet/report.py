"""`valuenet report`: the 2021 report's value-network tables regenerated from the graph, side by side with
the published figures (figures.csv), as `report.md` and a self-contained `report.html` (inline SVG charts, no
scripts, no network). Sections are declared in `valuenet/data/report_sections.yaml`."""

from __future__ import annotations

import csv
import html
import importlib.util
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from valuenet import queries, questions
from valuenet.db import Graph, Neo4jError

SECTIONS_FILE = Path(__file__).parent / "data" / "report_sections.yaml"
SHARE_TOLERANCE_PT = 0.1
EMERGENT_TOLERANCE = 0.20
APPROXIMATE_TOLERANCE = 0.001


def figures_file() -> Path:
    """The reports' figures, shipped once with the reference dataset (loader/reference/data/figures.csv)."""
    spec = importlib.util.find_spec("loader.reference")
    if spec is None or spec.origin is None:
        raise FileNotFoundError("the reference dataset package (loader.reference) is not installed")
    return Path(spec.origin).parent / "data" / "figures.csv"


@dataclass
class Check:
    metric_id: str
    description: str
    unit: str
    line: str
    published: float
    measured: float | None
    status: str  # ok | variant (the report prints another value elsewhere) | off | missing
    note: str = ""

    @property
    def diff(self) -> float | None:
        return None if self.measured is None else round(self.measured - self.published, 4)


@dataclass
class Section:
    id: str
    title_zh: str
    title_en: str
    checks: list[Check] = field(default_factory=list)
    chart: list[tuple[str, float]] = field(default_factory=list)
    note: str = ""


@dataclass
class Report:
    sections: list[Section]
    synthetic: bool
    organizations: int
    synthetic_organizations: int

    @property
    def checks(self) -> list[Check]:
        return [c for s in self.sections for c in s.checks]

    def counts(self) -> dict[str, int]:
        out = {"ok": 0, "variant": 0, "off": 0, "missing": 0}
        for c in self.checks:
            out[c.status] += 1
        return out


def load_variants(path: Path | None = None) -> dict[str, str]:
    """Figures the reports contradict elsewhere, as the reference dataset decided (targets.csv `skip` rows
    noted `variant: ...` or `contradiction: ...`): metric id -> the note. Empty when the reference dataset
    is not installed."""
    try:
        targets = path or figures_file().with_name("targets.csv")
        with open(targets, encoding="utf-8", newline="") as f:
            return {
                r["metric_id"]: r["note"]
                for r in csv.DictReader(f)
                if r["kind"] == "skip" and r["note"].startswith(("variant", "contradiction"))
            }
    except FileNotFoundError:
        return {}


def load_figures(path: Path | None = None, edition: str = "2021") -> dict[str, dict[str, str]]:
    with open(path or figures_file(), encoding="utf-8", newline="") as f:
        return {r["metric_id"]: r for r in csv.DictReader(f) if r["edition"] == edition}


def _number(text: str) -> float | None:
    try:
        return float(text.replace(",", ""))
    except ValueError:
        return None


def _stem(metric_id: str) -> str:
    return re.sub(r"_(count|share)$", "", metric_id)


def _judge(published: float, measured: float | None, mode: str) -> str:
    """ok / off / missing. Modes: `count` exact, `percent` within 0.1 pt, `approximate` within 0.1 %
    (totals the reports contradict themselves on), `emergent` within ±20 % (statistics not fitted)."""
    if measured is None:
        return "missing"
    if mode in ("emergent", "approximate"):
        tolerance = EMERGENT_TOLERANCE if mode == "emergent" else APPROXIMATE_TOLERANCE
        if published == 0:
            return "ok" if abs(measured) < 0.001 else "off"
        return "ok" if abs(measured - published) <= tolerance * abs(published) else "off"
    if mode == "percent":
        return "ok" if abs(measured - published) <= SHARE_TOLERANCE_PT + 1e-9 else "off"
    return "ok" if round(measured, 6) == round(published, 6) else "off"


def _name_pattern(name: str) -> re.Pattern[str]:
    """`name` anywhere in a text, spaces between its characters optional (奇虎360 finds 奇虎 360), not
    inside a longer Latin word (IBM is not in IBMX)."""
    chars = [re.escape(c) for c in re.sub(r"\s+", "", name)]
    before = r"(?<![A-Za-z0-9])" if name[:1].isascii() and name[:1].isalnum() else ""
    after = r"(?![A-Za-z0-9])" if name[-1:].isascii() and name[-1:].isalnum() else ""
    return re.compile(before + r"\s*".join(chars) + after)


def _match_by_name(
    description: str, rows: list[dict[str, Any]], columns: list[str], aliases: dict[str, str] | None = None
) -> dict[str, Any] | None:
    """The row whose name occurs in the figure's description (spaces ignored: 奇虎 360 = 奇虎360). Columns are
    tried in order (Chinese names before English ones, so 中国工商银行 is not taken for "Bank of China");
    within a column the longest name wins (华为云 over 华为). `aliases` rewrite the reports' short forms
    (USA -> 美国) first."""
    text = description.split("): ", 1)[-1] if "): " in description else description
    for short, full in (aliases or {}).items():
        text = _name_pattern(short).sub(f"{short} {full}", text)
    for col in columns:
        best: tuple[int, dict[str, Any]] | None = None
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


def _section_from_question(
    graph: Graph,
    spec: dict[str, Any],
    figures: dict[str, dict[str, str]],
    measured: dict[str, float],
    aliases: dict[str, str],
) -> Section:
    sec = Section(spec["id"], spec["title_zh"], spec["title_en"])
    q, _, result = questions.ask(graph, spec["question"], spec.get("params", {}))
    rows = result.rows
    pattern = re.compile(spec["figures"])
    matched_rows: dict[str, dict[str, Any] | None] = {}
    for mid in sorted(m for m in figures if pattern.search(m)):
        fig = figures[mid]
        published = _number(fig["value"])
        if published is None:
            continue
        unit = fig["unit"]
        row: dict[str, Any] | None
        value: float | None = None
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
                matched_rows[stem] = _match_by_name(
                    fig["description_en"], rows, spec["name_columns"], aliases
                )
                if (
                    matched_rows[stem] is None
                ):  # the sibling figure may name it (count has 美国, share only USA)
                    for sib in (stem + "_count", stem + "_share", stem):
                        if sib in figures and sib != mid:
                            found = _match_by_name(
                                figures[sib]["description_en"], rows, spec["name_columns"], aliases
                            )
                            if found is not None:
                                matched_rows[stem] = found
                                break
            row = matched_rows[stem]
            if row is not None:
                if unit == "percent" and spec.get("share_of"):
                    base = measured.get(spec["share_of"])
                    count = row.get(spec["value"])
                    value = round(100.0 * count / base, 2) if base and count is not None else None
                    note = f"share of measured {spec['share_of']}"
                else:
                    value = row.get("share" if unit == "percent" else spec["value"])
            if row is None:
                note = "no row in the graph matches this figure's name"
        measured_value = float(value) if isinstance(value, (int, float)) else None
        if measured_value is not None:
            measured[mid] = measured_value
        sec.checks.append(
            Check(
                mid,
                fig["description_en"],
                unit,
                fig["line"],
                published,
                measured_value,
                _judge(published, measured_value, "percent" if unit == "percent" else "count"),
                note,
            )
        )
    chart = spec.get("chart") or {
        "label": spec.get("name_columns", ["name"])[0],
        "value": spec.get("value", "relations"),
    }
    sec.chart = [(str(r.get(chart["label"])), float(r.get(chart["value"]) or 0)) for r in rows[:15]]
    sec.note = f"question `{q.id}` with {spec.get('params', {})}"
    return sec


def _section_from_stats(graph: Graph, spec: dict[str, Any], figures: dict[str, dict[str, str]]) -> Section:
    sec = Section(spec["id"], spec["title_zh"], spec["title_en"])
    rows = _latest_stats(graph)
    stats = rows[0]["stats"] if rows else {}
    sec.note = (
        f"from job run {rows[0]['run_id']} ({rows[0]['backend']}, {rows[0]['started']})"
        if rows
        else "no network statistics yet: run `valuenet jobs run network_stats`"
    )
    for mid, key in spec["stats"].items():
        fig = figures.get(mid)
        if fig is None or (published := _number(fig["value"])) is None:
            continue
        raw = stats.get(key)
        value = float(raw) if isinstance(raw, (int, float)) else None
        mode = next((m for m in ("emergent", "approximate") if mid in spec.get(m, [])), "count")
        if mid == "network_density" and value is not None:
            value = round(value, 3)  # printed rounded to 0.000
        sec.checks.append(
            Check(
                mid,
                fig["description_en"],
                fig["unit"],
                fig["line"],
                published,
                value,
                _judge(published, value, mode),
                {"emergent": "emergent: within ±20 %", "approximate": "within 0.1 % (DECISIONS.md)"}.get(
                    mode, ""
                ),
            )
        )
    sec.chart = [
        (c.metric_id.replace("network_", ""), c.measured or 0.0) for c in sec.checks if c.measured is not None
    ]
    return sec


def _latest_stats(graph: Graph) -> list[dict[str, Any]]:
    """The newest network_stats result, or [] when none has run (or the engine cannot answer the query)."""
    try:
        return graph.read(queries.text("jobs/stats_latest"))
    except Neo4jError:
        return []


def build(graph: Graph, figures_path: Path | None = None, variants_path: Path | None = None) -> Report:
    """Run every section against the graph and compare with the published figures. A figure that differs
    but that the report contradicts elsewhere (the reference dataset's decision) is a `variant`, not `off`."""
    figures = load_figures(figures_path)
    variants = load_variants(variants_path) if figures_path is None or variants_path else {}
    spec = yaml.safe_load(SECTIONS_FILE.read_text(encoding="utf-8"))
    measured: dict[str, float] = {}
    sections: list[Section] = []
    for s in spec["sections"]:
        if s.get("source") == "network_stats":
            sections.append(_section_from_stats(graph, s, figures))
        else:
            sections.append(_section_from_question(graph, s, figures, measured, spec.get("aliases", {})))
    for check in (c for sec in sections for c in sec.checks):
        if check.status == "off" and check.metric_id in variants:
            check.status, check.note = "variant", variants[check.metric_id]
    syn = graph.read(queries.text("report/synthetic_share"))[0]
    return Report(
        sections,
        bool(syn["synthetic_organizations"]),
        int(syn["organizations"]),
        int(syn["synthetic_organizations"]),
    )


# -- rendering ---------------------------------------------------------------------------------------------
def _fmt(v: float | None) -> str:
    if v is None:
        return "—"
    return f"{int(v):,}" if float(v).is_integer() else f"{v:,.4g}" if abs(v) < 1 else f"{v:,.2f}"


SYNTHETIC_NOTE = (
    "合成重建数据 · synthetic reconstruction — the graph holds generated organisations and relations "
    "calibrated to the report's published figures; the report's raw sample data is not public."
)


def to_markdown(report: Report) -> str:
    counts = report.counts()
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
    out += [
        f"{len(report.checks)} published figures compared: {counts['ok']} equal (counts exact, shares within "
        f"{SHARE_TOLERANCE_PT} pt, structure statistics within ±20 %), {counts['variant']} variants "
        f"(the report prints another value elsewhere; see the note), {counts['off']} off, "
        f"{counts['missing']} not measured.",
        "",
    ]
    for s in report.sections:
        out += [f"## {s.title_zh} / {s.title_en}", "", f"_{s.note}_", ""]
        out += [
            "| figure | published | measured | difference | status | report line |",
            "|---|---:|---:|---:|---|---|",
        ]
        for c in s.checks:
            flag = {"ok": "✅", "variant": "⚠ variant", "off": "❌ off"}.get(c.status, "— missing")
            cells = [c.description, _fmt(c.published), _fmt(c.measured), _fmt(c.diff), flag, f"L{c.line}"]
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
        parts.append(
            f'<text x="{label_w + w + 4:.1f}" y="{y + 13}" font-size="12">{html.escape(_fmt(value))}</text>'
        )
    if synthetic:
        parts.append(
            f'<text x="{width - 4}" y="{h - 6}" text-anchor="end" font-size="11" fill="#b03a2e">'
            "合成重建 synthetic reconstruction</text>"
        )
    parts.append("</svg>")
    return "".join(parts)


def to_html(report: Report) -> str:
    counts = report.counts()
    css = (Path(__file__).parent / "data" / "report.css").read_text(encoding="utf-8")
    body = ["<h1>中国新一代人工智能科技产业发展报告 2021 · value network regenerated from the graph</h1>"]
    if report.synthetic:
        body.append(
            f'<p class="banner">{html.escape(SYNTHETIC_NOTE)} ({report.synthetic_organizations:,} of '
            f"{report.organizations:,} organisations are synthetic.)</p>"
        )
    body.append(
        f"<p>{len(report.checks)} published figures compared: <b>{counts['ok']}</b> equal, "
        f"<b>{counts['variant']}</b> variants, "
        f"<b>{counts['off']}</b> off, <b>{counts['missing']}</b> not measured.</p>"
    )
    for s in report.sections:
        body.append(f'<h2 id="{s.id}">{html.escape(s.title_zh)} / {html.escape(s.title_en)}</h2>')
        body.append(f"<p><i>{html.escape(s.note)}</i></p>")
        if s.chart:
            caption = "synthetic reconstruction / 合成重建" if report.synthetic else "measured in the graph"
            body.append(
                f"<figure>{_svg_bars(s.chart, report.synthetic)}<figcaption>{caption}</figcaption></figure>"
            )
        header = "".join(
            f"<th>{h}</th>" for h in ("figure", "published", "measured", "difference", "status", "line")
        )
        body.append(f"<table><tr>{header}</tr>")
        for c in s.checks:
            numbers = "".join(f'<td class="n">{_fmt(v)}</td>' for v in (c.published, c.measured, c.diff))
            status = c.status + (" — " + html.escape(c.note) if c.note else "")
            body.append(
                f'<tr class="{c.status}"><td title="{html.escape(c.metric_id)}">'
                f"{html.escape(c.description)}</td>{numbers}<td>{status}</td><td>L{html.escape(c.line)}</td></tr>"
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
