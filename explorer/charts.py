"""ECharts options for the explorer's charts, built from result rows (pure functions, no Streamlit).

ECharts is bundled in the `streamlit-echarts` wheel and the China map comes from `explorer/static/`, so
nothing is fetched from a CDN. Shapes:

- `bar`: rankings (one or more numeric series per label);
- `stacked`: shares (domestic/foreign per relation type, or one bar of segments);
- `china_map`: provinces as a choropleth (rows with a province `code`), cities as bubbles (city code or
  lat/lon), on the province outline;
- `network`: nodes + edges (ego networks, shortest paths, console results);
- `loglog`: the degree distribution.
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping, Sequence
from typing import Any

from explorer import geo
from valuenet import org_names
from valuenet.model import MODEL

Row = dict[str, Any]

# Edge colours, given to the relationship types between organisations in the graph model's order.
PALETTE = ("#5470c6", "#91cc75", "#fac858", "#ee6666", "#73c0de", "#3ba272", "#fc8452", "#9a60b4")
RELATION_COLORS = dict(zip(MODEL.org_relationship_types, PALETTE, strict=False))
# A node's category in network views: the focal set first (the report's sample), then what the organisation
# is (its kind), then its other roles.
KIND_ORDER = tuple(
    dict.fromkeys(x for x in (MODEL.focal_set.label, *MODEL.kind_labels, *MODEL.role_labels) if x is not None)
)
SHORT_NAME = 12  # characters of a name shown as a chart label
LABELLED = 80  # networks up to this many nodes label every node
# Columns that identify rather than measure, never charted as values.
_NOT_VALUES = {"id", "code", "lat", "lon", "limit", "rank", "founded_year", "value", "center", "hops"}
# Preferred label columns, in order (first present wins).
_LABELS = (
    "provider",
    "name",
    "institution",
    "investor",
    "country",
    "province",
    "city",
    "region_zh",
    "field",
    "technology",
    "layer",
    "breakdown",
    "relation",
    "target",
    "organization",
)
_CODE = re.compile(r"^\d{6}$")


def _is_number(v: Any) -> bool:
    return isinstance(v, (int, float)) and not isinstance(v, bool)


def label_column(rows: Sequence[Row], columns: Sequence[str]) -> str | None:
    for c in _LABELS:
        if c in columns and any(isinstance(r.get(c), str) for r in rows):
            return c
    for c in columns:
        if c not in _NOT_VALUES and not c.endswith("_en") and any(isinstance(r.get(c), str) for r in rows):
            return c
    return None


def value_columns(rows: Sequence[Row], columns: Sequence[str]) -> list[str]:
    """Numeric columns worth charting: counts first (ints), shares only when nothing else."""
    numeric = [c for c in columns if c not in _NOT_VALUES and any(_is_number(r.get(c)) for r in rows)]
    if "edition_2020" in numeric and "edition_2021" in numeric:
        return ["edition_2020", "edition_2021"]
    counts = [c for c in numeric if all(isinstance(r.get(c), int) or r.get(c) is None for r in rows)]
    counts = [c for c in counts if "share" not in c and "pct" not in c]
    if counts:
        return counts[:1]
    return numeric[:1]


def _title(text: str | None) -> dict[str, Any]:
    return {"text": text or "", "left": "center", "textStyle": {"fontSize": 14}}


def _english_label(row: Row, lab: str) -> Any:
    """A row's label on English pages: its `<label>_en` where it has one (an organisation's without the
    other names in brackets)."""
    en = row.get(f"{lab}_en")
    return org_names.short_english(en) if isinstance(en, str) and en else row.get(lab)


def _n(names: Mapping[str, str] | None, value: Any) -> str:
    text = "" if value is None else str(value)
    return (names or {}).get(text, text)


def bar(
    rows: Sequence[Row],
    columns: Sequence[str],
    title: str | None = None,
    limit: int = 30,
    names: Mapping[str, str] | None = None,
    english: bool = False,
) -> dict[str, Any] | None:
    """Horizontal bars, biggest on top; None when the rows have no label or no numeric column.
    `names` translates category and series names; `english` labels rows by their `<label>_en` column
    where it has a value."""
    lab = label_column(rows, columns)
    vals = value_columns(rows, columns)
    if not lab or not vals or not rows:
        return None
    shown = list(rows[:limit])[::-1]
    return {
        "title": _title(title),
        "tooltip": {"trigger": "axis", "axisPointer": {"type": "shadow"}},
        "legend": {"top": 24} if len(vals) > 1 else {"show": False},
        "grid": {
            "left": 8,
            "right": 24,
            "top": 56 if len(vals) > 1 else 36,
            "bottom": 8,
            "containLabel": True,
        },
        "xAxis": {"type": "value"},
        "yAxis": {
            "type": "category",
            "data": [_n(names, _english_label(r, lab) if english else r.get(lab)) for r in shown],
        },
        "series": [
            {
                "name": _n(names, v),
                "type": "bar",
                "data": [r.get(v) for r in shown],
                "label": {"show": len(vals) == 1},
            }
            for v in vals
        ],
    }


def stacked(
    rows: Sequence[Row],
    columns: Sequence[str],
    title: str | None = None,
    names: Mapping[str, str] | None = None,
) -> dict[str, Any] | None:
    """Shares: rows with domestic/foreign(/unknown) columns become one stacked bar each; otherwise the
    rows are the segments of one 100 % bar (share column, else the first numeric column)."""
    if not rows:
        return None
    parts = [c for c in ("domestic", "foreign", "unknown") if c in columns]
    lab = label_column(rows, columns)
    if parts and lab:
        shown = list(rows)[::-1]
        return {
            "title": _title(title),
            "tooltip": {"trigger": "axis", "axisPointer": {"type": "shadow"}},
            "legend": {"top": 24},
            "grid": {"left": 8, "right": 24, "top": 56, "bottom": 8, "containLabel": True},
            "xAxis": {"type": "value"},
            "yAxis": {"type": "category", "data": [_n(names, r.get(lab)) for r in shown]},
            "series": [
                {
                    "name": _n(names, p),
                    "type": "bar",
                    "stack": "total",
                    "data": [r.get(p) or 0 for r in shown],
                }
                for p in parts
            ],
        }
    share = "share" if "share" in columns else next(iter(value_columns(rows, columns)), None)
    name_col = "name" if "name" in columns else lab
    if not share or not name_col:
        return None
    return {
        "title": _title(title),
        "tooltip": {"trigger": "item"},
        "legend": {"top": 24, "type": "scroll"},
        "grid": {"left": 8, "right": 24, "top": 70, "bottom": 8, "containLabel": True},
        "xAxis": {"type": "value", "max": 100 if share == "share" else None},
        "yAxis": {"type": "category", "data": [_n(names, share)]},
        "series": [
            {
                "name": _n(names, r.get(name_col) or r.get("code") or "?"),
                "type": "bar",
                "stack": "total",
                "data": [r.get(share) or 0],
                "label": {"show": True, "formatter": "{c}"},
            }
            for r in rows
        ],
    }


def region_rows(rows: Sequence[Row]) -> str | None:
    """'province' when the rows carry province codes, 'city' for city codes or coordinates, else None."""
    codes = [str(r.get("code") or "") for r in rows]
    six = [c for c in codes if _CODE.match(c)]
    if six and all(c.endswith("0000") and c in geo.province_names() for c in six):
        return "province"
    if six or any(_is_number(r.get("lat")) and _is_number(r.get("lon")) for r in rows):
        return "city"
    return None


def _name_of(r: Row, lab: str | None) -> str:
    return str((r.get(lab) if lab else None) or r.get("code") or "")


def china_map(
    rows: Sequence[Row], columns: Sequence[str], title: str | None = None
) -> tuple[dict[str, Any], dict[str, Any]] | None:
    """(options, geojson) for a province choropleth or city bubbles; None when the rows are not regional."""
    kind = region_rows(rows)
    vals = value_columns(rows, columns)
    if kind is None or not vals:
        return None
    value = vals[-1] if vals[0] == "edition_2020" else vals[0]
    lab = label_column(rows, columns)
    numbers = [float(r[value]) for r in rows if _is_number(r.get(value))]
    top = max(numbers) if numbers else 1.0
    base: dict[str, Any] = {
        "title": _title(title),
        "tooltip": {"trigger": "item"},
        "visualMap": {
            "min": 0,
            "max": top or 1,
            "left": 8,
            "bottom": 8,
            "calculable": True,
            "text": [value, ""],
            "inRange": {"color": ["#e0ecf8", "#6baed6", "#08519c"]},
        },
    }
    if kind == "province":
        base["series"] = [
            {
                "name": value,
                "type": "map",
                "map": geo.MAP_NAME,
                "nameProperty": "adcode",
                "roam": True,
                "zoom": CHINA_ZOOM,
                "center": list(CHINA_CENTER),
                "label": {"show": False},
                "emphasis": {"label": {"show": False}},
                "itemStyle": {"areaColor": "#f3f3f3", "borderColor": "#999"},
                "data": [
                    {"name": str(r["code"]), "value": r.get(value), "label_text": _name_of(r, lab)}
                    for r in rows
                    if _CODE.match(str(r.get("code") or ""))
                ],
            }
        ]
    else:
        points: list[dict[str, Any]] = []
        for r in rows:
            lon, lat = r.get("lon"), r.get("lat")
            if not (_is_number(lon) and _is_number(lat)):
                hit = geo.point_of(str(r.get("code") or ""))
                if not hit:
                    continue
                lon, lat = hit
            v = r[value] if _is_number(r.get(value)) else 0
            size = 6 + 30 * math.sqrt(float(v) / top) if top else 8
            points.append(
                {
                    "name": _name_of(r, lab),
                    "code": str(r.get("code") or ""),
                    "value": [lon, lat, v],
                    "symbolSize": round(size, 1),
                }
            )
        if not points:
            return None
        # the smaller bubbles drawn last: on top, so a city next to a bigger one can still be clicked
        points.sort(key=lambda pt: -float(pt["value"][2]))
        base["visualMap"]["dimension"] = 2
        base["geo"] = {
            "map": geo.MAP_NAME,
            "roam": True,
            **_fit([(float(pt["value"][0]), float(pt["value"][1])) for pt in points]),
            "itemStyle": {"areaColor": "#f3f3f3", "borderColor": "#aaa"},
            "emphasis": {"disabled": True},
        }
        base["series"] = [
            {
                "name": value,
                "type": "scatter",
                "coordinateSystem": "geo",
                "data": points,
                "encode": {"value": 2},
            }
        ]
    return base, geo.provinces_geojson()


# The whole of China: the map view at zoom 1 spans about this many degrees of longitude (520 px high).
CHINA_SPAN = 75.0
CHINA_ZOOM, CHINA_CENTER = 1.25, (105, 36)


def _fit(lon_lat: Sequence[Sequence[float]]) -> dict[str, Any]:
    """The map's zoom and centre that show these points with a margin (a province's cities fill the map
    instead of overlapping on the whole of China); the whole country when they spread over it."""
    lons = [float(p[0]) for p in lon_lat]
    lats = [float(p[1]) for p in lon_lat]
    span = max(max(lons) - min(lons), 1.3 * (max(lats) - min(lats)), 2.0)
    zoom = min(14.0, CHINA_SPAN / (1.6 * span))
    if zoom <= CHINA_ZOOM:
        return {"zoom": CHINA_ZOOM, "center": list(CHINA_CENTER)}
    return {"zoom": round(zoom, 2), "center": [(min(lons) + max(lons)) / 2, (min(lats) + max(lats)) / 2]}


def _kind(labels: Sequence[str]) -> str:
    for k in KIND_ORDER:
        if k in labels:
            return k
    return labels[0] if labels else "Organization"


def short(name: str, width: int = SHORT_NAME) -> str:
    """A long name cut for a chart label (the tooltip shows it whole)."""
    return name if len(name) <= width else name[: width - 1] + "…"


def network(
    nodes: Sequence[Row],
    edges: Sequence[Row],
    center: str | None = None,
    title: str | None = None,
    english: bool = False,
    kind_names: Mapping[str, str] | None = None,
) -> dict[str, Any] | None:
    """A force layout of `nodes` ({id, name_zh, name_en, labels, synthetic}) and `edges` ({source, target,
    type}); names in the page's language, every node labelled (cut short, whole on hover) up to LABELLED
    nodes, kinds named by `kind_names`."""
    if not nodes:
        return None
    degree: dict[str, int] = {}
    for e in edges:
        for end in (e.get("source"), e.get("target")):
            degree[str(end)] = degree.get(str(end), 0) + 1
    kinds = sorted(
        {_kind(list(n.get("labels") or [])) for n in nodes}, key=lambda k: (k not in KIND_ORDER, k)
    )
    data = []
    for n in nodes:
        nid = str(n.get("id"))
        first, second = ("name_en", "name_zh") if english else ("name_zh", "name_en")
        name = str(n.get(first) or n.get(second) or n.get("name") or nid)
        label = org_names.short_english(name) if english else name  # the whole name on hover
        if n.get("synthetic"):
            name, label = f"{name} ⚗", f"{label} ⚗"
        label = short(label)
        d = degree.get(nid, 0)
        item: dict[str, Any] = {
            "id": nid,
            "name": name,
            "category": kinds.index(_kind(list(n.get("labels") or []))),
            "label": {"formatter": label},
            "symbolSize": round((5 + 2 * math.sqrt(d)) if len(nodes) > 80 else (10 + 6 * math.sqrt(d)), 1),
            "value": d,
        }
        if nid == center:
            item.update(
                symbolSize=36,
                itemStyle={"borderColor": "#222", "borderWidth": 3},
                label={"show": True, "formatter": label},
            )
        data.append(item)
    ids = {d["id"] for d in data}
    links = [
        {
            "source": str(e.get("source")),
            "target": str(e.get("target")),
            "value": str(e.get("type") or ""),
            "lineStyle": {"color": RELATION_COLORS.get(str(e.get("type")), "#999")},
        }
        for e in edges
        if str(e.get("source")) in ids and str(e.get("target")) in ids
    ]
    many = len(data) > LABELLED
    names = kind_names or {}
    shown = [names.get(k, k) for k in kinds]
    return {
        "title": _title(title),
        "tooltip": {},
        "legend": {"data": shown, "top": 24, "type": "scroll"},
        "series": [
            {
                "type": "graph",
                "layout": "force",
                "roam": True,
                "draggable": True,
                "categories": [{"name": k} for k in shown],
                "data": data,
                "links": links,
                "edgeSymbol": ["none", "arrow"],
                "edgeSymbolSize": 6,
                "label": {"show": not many, "position": "right", "fontSize": 11},
                "top": 60,
                "force": {
                    "repulsion": 40 if many else 400,
                    "edgeLength": [30, 90] if many else [90, 180],
                    "gravity": 0.3 if many else 0.08,
                },
                "lineStyle": {"opacity": 0.7, "width": 1.2, "curveness": 0.1},
                "emphasis": {"focus": "adjacency"},
            }
        ],
    }


def graph_from_values(rows: Sequence[Row]) -> tuple[list[Row], list[Row]]:
    """Nodes and relationships found anywhere in console results (maps with `_labels` / `_type`)."""
    nodes: dict[str, Row] = {}
    edges: dict[str, Row] = {}

    def visit(v: Any) -> None:
        if isinstance(v, dict):
            if "_labels" in v and "_id" in v:
                nodes[str(v["_id"])] = {
                    "id": str(v["_id"]),
                    "name_zh": v.get("name_zh") or v.get("name") or v.get("code") or v.get("id"),
                    "name_en": v.get("name_en"),
                    "labels": [x for x in v["_labels"] if x != "Organization"] or list(v["_labels"]),
                    "synthetic": bool(v.get("synthetic")),
                }
            elif "_type" in v and "_id" in v:
                edges[str(v["_id"])] = {
                    "source": v.get("_start"),
                    "target": v.get("_end"),
                    "type": v["_type"],
                }
            elif "_nodes" in v:
                for x in v["_nodes"] + v.get("_relationships", []):
                    visit(x)
            else:
                for x in v.values():
                    visit(x)
        elif isinstance(v, list):
            for x in v:
                visit(x)

    for r in rows:
        for v in r.values():
            visit(v)
    return list(nodes.values()), list(edges.values())


def loglog(
    points: Sequence[tuple[int, int]], x_name: str, y_name: str, title: str | None = None
) -> dict[str, Any]:
    """A scatter on log-log axes (degree >= 1 only)."""
    data = [[x, y] for x, y in points if x > 0 and y > 0]
    return {
        "title": _title(title),
        "tooltip": {"trigger": "item"},
        "grid": {"left": 8, "right": 24, "top": 36, "bottom": 28, "containLabel": True},
        "xAxis": {"type": "log", "name": x_name, "nameLocation": "middle", "nameGap": 28, "logBase": 10},
        "yAxis": {"type": "log", "name": y_name, "logBase": 10},
        "series": [{"type": "scatter", "data": data, "symbolSize": 7}],
    }
