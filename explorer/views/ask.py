"""Ask: pick a question from the library, fill its parameters, see the answer as a table, chart and map."""

from __future__ import annotations

import json
from typing import Any

import streamlit as st

from explorer import charts, data, jobs_info, ui
from explorer.i18n import data_labels, group, lang, param_label, pick, t, value_labels
from valuenet import questions as qlib
from valuenet.db import DriverError, Neo4jError, QueryTimeoutError, ReadResult
from valuenet.questions import Param, Question

NONE = "\u0000none"  # the "(any)" option of an optional parameter


def _title(q: Question, language: str | None = None) -> str:
    return pick(q.title_zh, q.title_en, language)


def _pick_question(lib: dict[str, Question]) -> Question | None:
    key = ui.lkey("ask_qid")
    wanted = st.query_params.get("q")
    if key not in st.session_state:
        start = ui.recall("ask_qid", wanted)
        if start in lib:
            st.session_state[key] = start
    search = st.text_input(
        t("search_questions"), key="ask_search", placeholder="城市 / city, 投资 / invest …"
    )
    needle = search.strip().lower()
    found = [
        q
        for q in lib.values()
        if not needle
        or any(needle in s.lower() for s in (q.id, q.title_zh, q.title_en, q.answers, group(q.group)))
    ]
    order = list(dict.fromkeys(q.group for q in lib.values()))
    found.sort(key=lambda q: order.index(q.group))
    if not found:
        st.info(t("no_match"))
        return None
    ids = [q.id for q in found]
    language = lang()  # bound now: format_func may be called outside the script run
    if st.session_state.get(key) not in ids:
        st.session_state[key] = ids[0]
    qid = st.selectbox(
        t("question"),
        ids,
        key=key,
        format_func=lambda i: f"{group(lib[i].group, language)} › {_title(lib[i], language)}",
    )
    ui.remember("ask_qid", qid)
    st.query_params["q"] = qid
    return lib[str(qid)]


def _initial(q: Question, p: Param) -> Any:
    example = q.meta.get("example") or {}
    if p.default is not None:
        return p.default
    return example.get(p.name)


def _choice_label(row: dict[str, Any]) -> str:
    label, value, grp = str(row.get("label") or row["value"]), str(row["value"]), row.get("group")
    head = f"{grp} › " if grp and grp != label else ""
    return f"{head}{label}" if label.startswith(value) else f"{head}{label} · {value}"


def _widget(c: data.Conn, q: Question, p: Param) -> Any:
    base = f"p_{q.id}_{p.name}"
    value = _widget_for(c, q, p, base, ui.lkey(base), ui.recall(base, _initial(q, p)))
    ui.remember(base, value)
    return value


def _param_text(p: Param, bold: bool = False) -> str:
    """zh: 行业（industry） — description; en: industry — description (the header's words), or Industry."""
    head = param_label(p.name) if lang() == "zh" or not p.description else p.name
    head = f"**{head}**" if bold else head
    return head + (f" — {p.description}" if p.description else "")


def _value_label(v: Any, names: dict[str, str]) -> str:
    text = str(v)
    return f"{text} · {names[text]}" if text in names else text


def _widget_for(c: data.Conn, q: Question, p: Param, base: str, key: str, initial: Any) -> Any:
    label = _param_text(p)
    if p.choices == "organizations":
        st.markdown(_param_text(p, bold=True))
        return ui.org_picker(base, default_search=str(_initial(q, p) or ""))
    if p.type == "list":
        if p.allowed is not None:
            return st.multiselect(label, list(p.allowed), default=list(initial or []), key=key)
        return st.text_input(label, value=",".join(map(str, initial or [])), key=key)
    if p.type == "bool":
        return st.checkbox(label, value=bool(initial), key=key)
    options: list[Any] | None = None
    labels: dict[Any, str] = {}
    if p.allowed is not None:
        options = list(p.allowed)
        names = {**value_labels(), **{s: jobs_info.title(s) for s in jobs_info.score_properties()}}
        labels = {v: _value_label(v, names) for v in options}
    elif p.choices:
        rows = data.choices(c, q.id, p.name)
        options = [r["value"] for r in rows]
        labels = {r["value"]: _choice_label(r) for r in rows}
    if options is not None:
        if not p.required and p.default is None:
            options = [NONE, *options]
            labels[NONE] = t("any")
        start = initial if initial in options else (NONE if not p.required else None)
        index = options.index(start) if start in options else 0
        value = st.selectbox(
            label, options, index=index, format_func=lambda v: labels.get(v, str(v)), key=key
        )
        return None if value == NONE else value
    if p.type in ("int", "float") and initial is not None:
        kind = int if p.type == "int" else float
        return st.number_input(
            label,
            value=kind(initial),
            min_value=kind(p.minimum) if p.minimum is not None else None,
            max_value=kind(p.maximum) if p.maximum is not None else None,
            key=key,
        )
    return st.text_input(label, value="" if initial is None else str(initial), key=key)


def _show_graph(q: Question, result: ReadResult) -> None:
    if not result.rows:
        st.info(t("not_connected") if q.id == "shortest_path" else t("no_rows"))
        return
    row = result.rows[0]
    if row.get("capped"):
        st.warning(t("capped", shown=row.get("nodes_shown"), total=row.get("nodes_total")))
    options = charts.network(row.get("nodes") or [], row.get("edges") or [], center=row.get("center"))
    ui.network(options, key=f"ask_graph_{q.id}", height=560)


def _show_result(c: data.Conn, q: Question, params: dict[str, Any], result: ReadResult) -> None:
    st.caption(t("rows", n=len(result.rows), s=result.elapsed_s))
    for note in result.notes:
        st.caption(note)
    if q.chart == "graph":
        _show_graph(q, result)
    elif not result.rows:
        st.info(t("no_rows"))
    else:
        if q.chart == "kpi" and len(result.rows) == 1:
            cols = st.columns(max(1, len(result.columns)))
            for col, name in zip(cols, result.columns, strict=False):
                col.metric(name, str(result.rows[0].get(name)))
        drew_map = False
        if q.chart == "map" or charts.region_rows(result.rows):
            drew_map = ui.china_map(result.rows, result.columns, key=f"ask_map_{q.id}", title=_title(q))
            if not drew_map and q.chart == "map":
                st.caption(t("map_note_metro"))
        options = None
        if q.chart == "stacked_bar":
            options = charts.stacked(result.rows, result.columns, _title(q), names=data_labels())
        elif q.chart in ("bar", "map", "line"):
            title = _title(q) if not drew_map else None
            options = charts.bar(
                result.rows, result.columns, title, names=data_labels(), english=lang() == "en"
            )
        if options:
            bars = len(options["yAxis"]["data"]) if isinstance(options.get("yAxis"), dict) else 1
            height = max(220, 32 * min(bars, 30) + 110)
            ui.chart(options, key=f"ask_chart_{q.id}", height=height)
    st.subheader(t("table"))
    if q.chart == "graph" and result.rows and result.rows[0].get("nodes"):
        # a graph answer is one row of node and edge lists: tabulate the nodes, the edges below
        row = result.rows[0]
        ui.table(row["nodes"], None, key=f"ask_{q.id}", filename=f"{q.id}_nodes")
        with st.expander(f"edges ({len(row.get('edges') or [])})"):
            ui.table(row.get("edges") or [], None, key=f"ask_{q.id}_edges", filename=f"{q.id}_edges")
    else:
        ui.table(result.rows, result.columns, key=f"ask_{q.id}", filename=q.id)
    with st.expander(t("cypher_ran")):
        st.code(json.dumps(params, ensure_ascii=False, indent=2, default=str), language="json")
        st.code(
            f":params {json.dumps(params, ensure_ascii=False, default=str)}\n\n{q.query(params)}",
            language="cypher",
        )


def main() -> None:
    c = data.conn()
    st.title(t("page_ask"))
    st.caption(t("ask_intro"))
    lib = qlib.library()
    q = _pick_question(lib)
    if q is None:
        return
    st.markdown(f"### {_title(q)}")
    with st.expander(t("what_it_answers"), expanded=False):
        st.write(q.answers)
        if q.figures:
            st.caption(f"{t('figures')}: {', '.join(q.figures)}")
    raw: dict[str, Any] = {}
    if q.params:
        st.markdown(f"**{t('parameters')}**")
        cols = st.columns(2)
        for i, p in enumerate(q.params.values()):
            with cols[i % 2]:
                raw[p.name] = _widget(c, q, p)
    try:
        # dimension parameters typed by name get their codes from the graph's own nodes
        params = qlib.validated(c.graph, q, {k: v for k, v in raw.items() if v is not None})
    except qlib.QuestionError as e:
        st.error(f"{t('invalid')}: {e}")
        return
    if st.button(t("run"), type="primary", key="ask_run"):
        st.session_state["ask_last"] = {"qid": q.id, "params": params}
    last = st.session_state.get("ask_last")
    if not last or last["qid"] != q.id:
        return
    if last["params"] != params:  # keep the previous answer on screen, say it is not for these parameters
        st.info(t("params_changed"))
        params = last["params"]
    try:
        with st.spinner(_title(q)):
            result = data.ask(c, q.id, params)
    except QueryTimeoutError as e:
        st.error(f"{t('timeout')}: {e}")
        return
    except (Neo4jError, DriverError) as e:
        st.error(f"{t('query_failed')}: {getattr(e, 'message', None) or e}")
        return
    _show_result(c, q, params, result)


main()
