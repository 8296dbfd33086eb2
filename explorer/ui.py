"""Streamlit pieces shared by the pages: connection, banner, tables, charts, organisation picker."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any
from urllib.parse import urlencode

import pandas as pd
import streamlit as st
from streamlit_echarts import JsCode, Map, st_echarts

from explorer import blocks, charts, data, geo, progress
from explorer.display import arrow_ready, cell, frame, readable
from explorer.i18n import (
    LANGS,
    column_label,
    direction_name,
    edge_colours,
    kind_name,
    lang,
    pick,
    relation_name,
    status_name,
    t,
)
from valuenet import org_names
from valuenet.config import NotConfiguredError
from valuenet.db import DriverError, Neo4jError, QueryLimitError, QueryMemoryError, QueryTimeoutError

# Tooltips: map regions are keyed by adcode, show the region's name instead.
_MAP_TOOLTIP = JsCode(
    "function (p) { var d = p.data || {}; var v = Array.isArray(p.value) ? p.value[2] : p.value;"
    " return (d.label_text || p.name) + ': ' + (v === undefined || isNaN(v) ? '-' : v); }"
)


def lkey(base: str) -> str:
    """The key of a widget whose option labels depend on the language: one widget per language, because
    Streamlit keeps a keyed widget's option labels across reruns. `recall`/`remember` carry its value over."""
    return base if lang() == "zh" else f"{base}__en"


def recall(base: str, default: Any) -> Any:
    return st.session_state.get(f"_keep_{base}", default)


def remember(base: str, value: Any) -> None:
    st.session_state[f"_keep_{base}"] = value


def language_switch() -> None:
    """The sidebar's language choice; a link's `lang` sets it when a session starts, and the URL always
    carries it, so a shared link opens in the sender's language."""
    if "lang" not in st.session_state and st.query_params.get("lang") in LANGS:
        st.session_state["lang"] = st.query_params["lang"]
    st.sidebar.radio(
        "语言 / Language",
        LANGS,
        key="lang",
        horizontal=True,
        format_func=lambda x: {"zh": "中文", "en": "English"}[x],
    )
    st.query_params["lang"] = lang()


def connect() -> data.Conn:
    """The connection, or an error with the fix on the page (and the page stops)."""
    try:
        c = data.conn()
        with progress.working(t("reading_graph")):
            data.epoch(c)
        return c
    except (NotConfiguredError, DriverError, Neo4jError, OSError) as e:
        st.error(f"{t('no_engine')}: {e}")
        st.info(t("engine_hint"))
        st.stop()
        raise  # unreachable: st.stop() raises


# What a read can fail with once the engine answers: a limit (time, memory), the engine's refusal, the driver
READ_ERRORS = (QueryLimitError, Neo4jError, DriverError)


def read_failed(e: Exception) -> None:
    """What a reader sees when a question or query fails: in their language, with what to do next."""
    if isinstance(e, QueryTimeoutError):
        st.error(f"{t('timeout')}: {e}")
    elif isinstance(e, QueryMemoryError):
        st.error(t("query_memory"))
    else:
        st.error(f"{t('query_failed')}: {getattr(e, 'message', None) or e}")
    if isinstance(e, QueryLimitError) and e.stale_aggregate:
        st.info(t("aggregate_stale_hint", name=e.stale_aggregate))
    elif isinstance(e, QueryMemoryError):
        st.info(t("memory_hint"))
    if isinstance(e, QueryMemoryError):
        with st.expander(t("error_details")):
            st.code(str(e), language=None, wrap_lines=True)


def synthetic_banner(c: data.Conn) -> None:
    if data.has_synthetic(c):
        st.warning(t("synthetic_banner"), icon="⚗")


def url_value(v: Any) -> str:
    """A parameter value as the URL carries it (lists comma-joined, as typed in the widgets)."""
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, (list, tuple)):
        return ",".join(map(str, v))
    return str(v)


def ask_query(
    qid: str, params: dict[str, Any], *, text: str | None = None, run: bool = True
) -> dict[str, str]:
    """The Ask page's URL state: the question, its parameters, the language; `run` opens it answered, and
    `text` is the sentence it was read from."""
    out = {"q": qid, **{k: url_value(v) for k, v in params.items() if v is not None and v != ""}}
    if text:
        out["text"] = text
    if run:
        out["run"] = "1"
    out["lang"] = lang()
    return out


def page_href(url_path: str, query: Mapping[str, str]) -> str:
    """The address of one of the app's pages (its `url_path` in app.py) with its URL state, relative as
    st.page_link writes it, so it holds under a server's base path too."""
    return f"{url_path}?{urlencode(query)}"


def link_list(heading: str, items: Sequence[tuple[str, str]], columns: int = 2, css: str = "") -> None:
    """Links (label, href) under a heading as one element that looks like a column grid of st.page_link;
    a plain click on one opens its page in this session, as a page link does (`explorer.blocks`)."""
    st.html(blocks.links(heading, items, columns, css), unsafe_allow_javascript=True)


def figure_rows(heading: str, rows: Sequence[Sequence[tuple[str, Any]]]) -> None:
    """Figures (label, value) under a heading as one element that looks like rows of st.metric in
    st.columns; numbers as readers write them, a missing one as "—"."""
    language = lang()
    shown = [
        [
            (label, MISSING if v is None else v if isinstance(v, str) else readable(v, language))
            for label, v in row
        ]
        for row in rows
    ]
    st.html(blocks.figures(heading, shown))


def csv_name(qid: str, params: dict[str, Any], defaults: dict[str, Any]) -> str:
    """A CSV name that says what is in it: the question and the parameters that differ from its defaults."""
    parts = [qid, *(f"{k}-{url_value(v)}" for k, v in params.items() if v != defaults.get(k))]
    return "_".join(parts).replace("/", "-").replace(",", "+")[:150]


# Columns that name an organisation when the row carries its `id`: they link to its page.
ORG_NAME_COLUMNS = ("provider", "name", "partner", "institution", "investor", "organization", "receiver")
# Columns of organisations' names (Chinese, as answers give them): English pages show the English names.
ORG_TEXT_COLUMNS = frozenset(
    {*ORG_NAME_COLUMNS, "platform", "investor_a", "investor_b", "examples", "top_members", "names"}
)


def org_query(oid: str) -> dict[str, str]:
    """The organisation page's URL state: its URL (`org_url`), and links and switches inside the app."""
    return {"org": oid, "lang": lang()}


def org_url(oid: str, name: str = "") -> str:
    """The organisation page of `oid` in the page's language; the name after # is the link's text."""
    return f"/organization?{urlencode(org_query(oid))}#{name or oid}"


def org_link(column: Any, oid: str, label: str) -> None:
    """A link to an organisation's page inside the app: the same browser session, so the page opens
    without Streamlit starting again in the browser (a plain link, as a table's, opens a new tab)."""
    column.page_link(
        "views/organization.py", label=label, icon=":material/apartment:", query_params=org_query(oid)
    )


OPEN_ORG = "_open_org"  # the organisation a table's selected row asks to open


def open_selected_org() -> None:
    """Open the organisation whose row the reader selected in a table (`table`), in this tab: called by
    the app before the page runs, so the switch happens at once."""
    oid = st.session_state.pop(OPEN_ORG, None)
    if oid:
        st.switch_page("views/organization.py", query_params=org_query(str(oid)))


def _select_org(key: str, ids: list[str | None]) -> None:
    rows = st.session_state[key].selection.rows
    if rows and ids[rows[0]]:
        st.session_state[OPEN_ORG] = ids[rows[0]]


def org_name(props: dict[str, Any]) -> str:
    """An organisation's name in the page's language (its id when it has none), in English without the
    other names the reference data keeps in brackets."""
    en = props.get("name_en")
    return pick(props.get("name_zh"), org_names.short_english(en) if en else None) or str(props.get("id"))


def shown_columns(rows: Sequence[dict[str, Any]], columns: Sequence[str] | None) -> list[str]:
    """The columns a reader sees: `x_en` beside `x` is folded into `x` (shown in English mode)."""
    cols = list(columns) if columns else (list(rows[0]) if rows else [])
    return [c for c in cols if not (c.endswith("_en") and c[:-3] in cols)]


# Columns that hold names of dimension nodes: English pages show them in English.
DIMENSION_COLUMNS = frozenset(
    {"location", "province", "city", "country", "region", "region_zh", "industry", "industries", "section"}
    | {"field", "group", "breakdown", "layer", "technology", "within", "place"}
)


def _english(v: Any, names: Mapping[str, str]) -> Any:
    return names.get(v, v) if isinstance(v, str) else v


def _translated(v: Any, names: Mapping[str, str]) -> Any:
    return [_english(x, names) for x in v] if isinstance(v, list) else _english(v, names)


def _value(
    row: dict[str, Any],
    col: str,
    english: Mapping[str, str] | None,
    orgs: Mapping[str, str],
    language: str,
) -> Any:
    v = row.get(col)
    if english is not None and row.get(f"{col}_en"):
        v = row[f"{col}_en"]
        if col in ORG_TEXT_COLUMNS and isinstance(v, str):
            v = org_names.short_english(v)
    elif english is not None and col in DIMENSION_COLUMNS:
        v = _translated(v, english)
    elif english is not None and col in ORG_TEXT_COLUMNS:
        v = _translated(v, orgs)
    if col == "labels" and isinstance(v, list):
        return ", ".join(kind_name(str(x), language) for x in v)
    if col == "type" and isinstance(v, str):
        return relation_name(v, language)
    if col == "status" and isinstance(v, str):
        return status_name(v, language)
    if col == "direction" and isinstance(v, str):
        return direction_name(v, language)
    return cell(v)


def names_in(rows: Sequence[dict[str, Any]], columns: Sequence[str]) -> list[str]:
    """The names in these columns of the rows (a cell may hold one or a list)."""
    found: dict[str, None] = {}
    for r in rows:
        for c in columns:
            v = r.get(c)
            for x in v if isinstance(v, list) else [v]:
                if isinstance(x, str) and x:
                    found[x] = None
    return list(found)


def reader_frame(
    rows: Sequence[dict[str, Any]], columns: Sequence[str] | None
) -> tuple[pd.DataFrame, list[str]]:
    """Rows as the reader sees them (values in the page's language) and the columns that link to an
    organisation page (their cells are URLs)."""
    language = lang()
    english = data.english_names(data.conn()) if language == "en" else None
    cols = shown_columns(rows, columns)
    links = [c for c in ORG_NAME_COLUMNS if c in cols and "id" in cols][:1]
    # organisations named in Chinese only (no `x_en` beside them): their English names, on English pages
    chinese_only = [c for c in cols if c in ORG_TEXT_COLUMNS and f"{c}_en" not in rows[0]] if rows else []
    orgs = (
        data.org_english(data.conn(), names_in(rows, chinese_only))
        if english is not None and chinese_only
        else {}
    )
    out = []
    for r in rows:
        d = {c: _value(r, c, english, orgs, language) for c in cols}
        for c in links:
            if r.get("id") is not None:
                d[c] = org_url(str(r["id"]), str(d[c] or ""))
        out.append(d)
    return pd.DataFrame(out, columns=cols), links


MISSING = "—"  # what a reader sees where a value is missing


def table(
    rows: Sequence[dict[str, Any]],
    columns: Sequence[str] | None,
    key: str,
    filename: str,
    readers: bool = True,
) -> None:
    """A sortable table in the page's language, organisations linked to their pages, and its CSV download
    (UTF-8 with BOM, so Excel shows Chinese correctly; names rather than links). With `readers` False (the
    console) values and headers stay as the graph has them."""
    if readers:
        df, links = reader_frame(rows, columns)
    else:
        df, links = frame(rows, columns), []
    df = arrow_ready(df)
    label = column_label if readers else str
    config: dict[str, Any] = {c: st.column_config.Column(label(c)) for c in df.columns}
    for c in links:
        config[c] = st.column_config.LinkColumn(column_label(c), display_text=r"#(.*)$")
    # a missing number reads "—" (Streamlit shows a grey "None"), explained once under the table
    missing = readers and bool(df.isna().to_numpy().any())
    # a table of organisations: selecting a row opens its page in this tab (its name's link: a new tab)
    ids = [None if r.get("id") is None else str(r["id"]) for r in rows] if links else []
    selectable: dict[str, Any] = (
        {"on_select": lambda: _select_org(f"{key}_table", ids), "selection_mode": "single-row"}
        if links
        else {}
    )
    st.dataframe(
        df.style.format(na_rep=MISSING) if missing else df,
        width="stretch",
        hide_index=True,
        key=f"{key}_table",
        column_config=config,
        **selectable,
    )
    notes = [t("missing_note", mark=MISSING)] if missing else []
    if links:
        notes.append(t("open_row_hint"))
    if notes:
        st.caption(" ".join(notes))
    plain = df.copy()
    for c in links:
        plain[c] = plain[c].map(lambda u: str(u).split("#", 1)[-1])
    plain.columns = [label(c) for c in plain.columns]
    st.download_button(
        t("download_csv"),
        plain.to_csv(index=False).encode("utf-8-sig"),
        file_name=f"{filename}.csv",
        mime="text/csv",
        key=f"{key}_csv",
    )


def chart(options: dict[str, Any] | None, key: str, height: int = 420, with_map: bool = False) -> None:
    if not options:
        return
    st_echarts(
        {**options, "animation": False},  # ECharts' entry animation: a second of the browser's drawing
        height=f"{height}px",
        key=key,
        map=Map(geo.MAP_NAME, geo.provinces_geojson()) if with_map else None,
    )


# A click on a node sends its id back (the organisation page expands it).
_NODE_CLICK = "function (p) { return p.dataType === 'node' && p.data ? p.data.id : undefined; }"


def network(
    nodes: Sequence[dict[str, Any]],
    edges: Sequence[dict[str, Any]],
    key: str,
    center: str | None = None,
    height: int = 540,
    hide_synthetic: bool = False,
) -> str | None:
    """A network view in the page's language (names, kinds, the legend of its edge colours); synthetic
    organisations left out when asked. Returns the id of a node the reader clicked, if any."""
    if hide_synthetic:
        nodes = [n for n in nodes if not n.get("synthetic") or n.get("id") == center]
    language = lang()
    kinds = {k: kind_name(k, language) for n in nodes for k in (n.get("labels") or [])}
    options = charts.network(nodes, edges, center=center, english=language == "en", kind_names=kinds)
    if not options:
        return None
    event = st_echarts(
        options, height=f"{height}px", key=key, events={"click": _NODE_CLICK}, on_change=lambda: None
    )
    st.caption(t("edge_legend", colours=edge_colours()))
    return _event_value(event)


# A click on a province or a city sends its code back (Ask drills down from it).
_REGION_CLICK = "function (p) { return p.data ? (p.data.code || p.data.name) : undefined; }"


def china_map(
    rows: Sequence[dict[str, Any]], columns: Sequence[str], key: str, title: str | None = None
) -> tuple[bool, str | None]:
    """Draw the rows on the China map when they are regional: (whether a map was drawn, the code of a
    province or city the reader clicked)."""
    built = charts.china_map(rows, columns, title)
    if not built:
        return False, None
    options, _ = built
    options["tooltip"]["formatter"] = _MAP_TOOLTIP
    legend = options["visualMap"]["text"]
    options["visualMap"]["text"] = [column_label(legend[0]), *legend[1:]]  # the legend in the page's language
    if lang() == "en":
        english = data.english_names(data.conn())
        for series in options["series"]:
            for item in series.get("data") or []:
                for field in ("label_text", "name"):
                    if isinstance(item.get(field), str) and field in item:
                        item[field] = english.get(item[field], item[field])
    event = st_echarts(
        options,
        height="520px",
        key=key,
        map=Map(geo.MAP_NAME, geo.provinces_geojson()),
        events={"click": _REGION_CLICK},
        on_change=lambda: None,
    )
    return True, _event_value(event)


def _event_value(event: Any) -> str | None:
    """What a chart's click handler sent back, if anything."""
    value = event.get("chart_event") if isinstance(event, dict) else getattr(event, "chart_event", None)
    return str(value) if isinstance(value, (str, int)) and str(value) else None


def org_picker(key: str, default_search: str = "") -> str | None:
    """Search organisations by Chinese/English name or alias; returns the chosen organisation id."""
    c = data.conn()
    search = f"{key}_search"
    if search not in st.session_state:  # set through the state (a page may set it too, for a link it follows)
        st.session_state[search] = default_search
    text = st.text_input(t("org_search"), key=search)
    if not text.strip():
        return None
    # an exact id (every link to an organisation page) needs no search through every name
    rows = data.read(c, "explorer/org_by_id", {"id": text.strip()}) or data.search_organizations(c, text)
    if not rows:
        st.caption(t("org_none"))
        return None
    labels = {str(r["value"]): f"{r['label']}  ·  {r['value']}" for r in rows}
    choice = st.selectbox(t("org_pick"), list(labels), format_func=lambda v: labels[v], key=f"{key}_pick")
    return str(choice) if choice is not None else None


# Hides `load_answer_code`'s elements. The page draws it with its first screen, before them: as a markdown
# element beside them its rule came too late under load (markdown's HTML code loads lazily, after the
# widgets' own), and the empty grid and widgets showed for a few frames in every new tab (load 17-20).
ANSWER_CODE_CSS = ".st-key-answer_code {display: none;}"


def load_answer_code() -> None:
    """Draw the elements of an answer page, empty and hidden (by `ANSWER_CODE_CSS`, which the page has
    drawn already): Streamlit's browser code for an element loads the first time a page shows one (~1.4 s
    of the renderer's CPU for the grid and ECharts on a busy machine; the Ask page's widgets, the rest of
    its first click), so the start page loads it while the reader reads, not after they clicked a
    question."""
    with st.container(key="answer_code"):
        st.dataframe(pd.DataFrame({"": []}), hide_index=True)
        st_echarts({"series": []}, height="1px", key="answer_code_chart")
        st.selectbox("-", ["-"], key="answer_code_select")
        st.number_input("-", value=0, key="answer_code_number")
        st.button("-", key="answer_code_button")
        st.toggle("-", key="answer_code_toggle")
        st.download_button("-", b"", key="answer_code_download")
