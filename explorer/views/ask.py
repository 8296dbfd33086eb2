"""Ask: pick a question from the library, fill its parameters, see the answer as a table, chart and map."""

from __future__ import annotations

import itertools
import json
import re
import time
from typing import Any

import streamlit as st

from explorer import charts, data, jobs_info, progress, ui
from explorer.i18n import (
    CHOICE_GROUPS,
    data_labels,
    group,
    lang,
    param_help,
    param_label,
    pick,
    t,
    value_labels,
)
from valuenet import questions as qlib
from valuenet.db import ReadResult
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
        or any(
            needle in s.lower()
            for s in (q.id, q.title_zh, q.title_en, q.answers, q.answers_zh, group(q.group))
        )
    ]
    order = list(dict.fromkeys(q.group for q in lib.values()))
    # questions whose title has the words first, then those whose explanation has them; by group within
    found.sort(key=lambda q: (needle not in f"{q.title_zh} {q.title_en}".lower(), order.index(q.group)))
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
    """The parameter's name and what it means, in the page's language: 行业 — 国民经济行业分类 …"""
    head = param_label(p.name)
    head = f"**{head}**" if bold else head
    hint = param_help(p.name, p.description)
    return head + (f" — {hint}" if hint else "")


def _value_label(v: Any, names: dict[str, str]) -> str:
    text = str(v)
    return f"{text} · {names[text]}" if text in names else text


def _in_english(c: data.Conn, rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Choices with the English names of places and industries (the graph's), so typing "Guangzhou" or
    "automobiles" finds them."""
    names = data.english_names(c)
    out = []
    for r in rows:
        label, value, grp = str(r.get("label") or r["value"]), str(r["value"]), r.get("group")
        code, _, name = label.partition(" ")
        english = f"{code} {names.get(name, name)}" if code == value and name else names.get(label, label)
        shown_group = CHOICE_GROUPS.get(grp, (grp, names.get(grp, grp)))[1] if isinstance(grp, str) else grp
        out.append({**r, "label": english, "group": shown_group})
    return out


def _widget_for(c: data.Conn, q: Question, p: Param, base: str, key: str, initial: Any) -> Any:
    label = _param_text(p)
    if p.choices == "organizations":
        st.markdown(_param_text(p, bold=True))
        return ui.org_picker(base, default_search=str(initial or ""))
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
        if lang() == "en":
            rows = _in_english(c, rows)
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
    number = _number(p, initial)
    if number is not None:
        kind = int if p.type == "int" else float
        return st.number_input(
            label,
            help=_limits(p),
            value=number,
            min_value=kind(p.minimum) if p.minimum is not None else None,
            max_value=kind(p.maximum) if p.maximum is not None else None,
            key=key,
        )
    if p.type in ("int", "float") and initial is not None:
        # a URL's value that is no number within the bounds (limit=abc, limit=-3): shown as typed, in a box
        # of its own (its text never reaches the number box's state), for the checks below to name
        return st.text_input(label, value=str(initial), help=_limits(p), key=f"{key}__typed")
    return st.text_input(label, value="" if initial is None else str(initial), key=key)


def _number(p: Param, value: Any) -> int | float | None:
    """`value` as the number parameter `p` takes, when it is one within its bounds (a URL carries text)."""
    if p.type not in ("int", "float") or value is None:
        return None
    try:
        number = p.convert(value)
    except qlib.QuestionError:
        return None
    return number if isinstance(number, (int, float)) else None


def _limits(p: Param) -> str | None:
    if p.minimum is None or p.maximum is None:
        return None
    return t("why_range", lo=f"{p.minimum:g}", hi=f"{p.maximum:g}")


# -- the URL: question, parameters, language; `run=1` opens the answer ------------------------------------
PROVINCE_CODE = re.compile(r"[1-9][0-9]0000")
PARAMETER_NAMED = re.compile(r"(?:parameter '|参数 )(\w+)")  # how the library's messages name a parameter
CITY_CODE = re.compile(r"[1-9][0-9]{5}")  # after PROVINCE_CODE: six digits not ending in 0000


def _from_url(lib: dict[str, Question]) -> None:
    """A link that is not the one this page last wrote (a shared URL, a headline question, the plain-words
    box) sets the question and its parameters, and, with `run=1`, answers it once the widgets are drawn."""
    current = st.query_params.to_dict()
    seen = {k: v for k, v in current.items() if k != "lang"}
    if seen == st.session_state.get("_ask_url") or current.get("q") not in lib:
        return
    q = lib[current["q"]]
    ui.remember("ask_qid", q.id)
    for key in ("ask_qid", "ask_qid__en"):
        st.session_state.pop(key, None)
    for name, p in q.params.items():
        base = f"p_{q.id}_{name}"
        value: Any = _initial(q, p)
        if name in current:
            try:
                value = p.convert(current[name])
            except qlib.QuestionError:
                value = current[name]  # shown as typed; the check below says what is wrong
        ui.remember(base, value)
        for key in (base, f"{base}__en", f"{base}_search", f"{base}_pick"):
            st.session_state.pop(key, None)
    st.session_state["_ask_url"] = seen
    st.session_state["ask_read"] = {"qid": q.id, "text": current.get("text")}
    if current.get("run") == "1":
        st.session_state["ask_auto"] = q.id


def _write_url(q: Question, raw: dict[str, Any], answered: bool) -> None:
    read = st.session_state.get("ask_read") or {}
    text = read.get("text") if read.get("qid") == q.id else None
    url = ui.ask_query(q.id, raw, text=text, run=answered)
    st.session_state["_ask_url"] = {k: v for k, v in url.items() if k != "lang"}
    if st.query_params.to_dict() != url:
        st.query_params.from_dict(url)


# -- checks in the reader's words (before the question's own, whose messages are for the CLI) ----------
def _why(p: Param, value: Any) -> str | None:
    """What is wrong with one value, in the page's language, without repeating it; None when fine."""
    if p.type == "list" and p.allowed is None:  # bin bounds: numbers going up
        items = value if isinstance(value, list) else [v for v in str(value).split(",") if v.strip()]
        try:
            numbers = [float(v) for v in items]
        except ValueError:
            return t("why_number_list")
        return t("why_ascending") if any(b <= a for a, b in itertools.pairwise(numbers)) else None
    if p.type in ("int", "float"):
        try:
            number = float(value)
        except (TypeError, ValueError):
            return t("why_number")
        low = p.minimum if p.minimum is not None else -float("inf")
        high = p.maximum if p.maximum is not None else float("inf")
        if not low <= number <= high:
            return _limits(p) or t("why_number")
    return None


def _problems(q: Question, raw: dict[str, Any], acted: bool) -> list[str]:
    """Short messages for the reader; a missing value only once they pressed Run."""
    out = []
    missing = [param_label(n) for n, p in q.params.items() if p.required and raw.get(n) in (None, "")]
    if missing and acted:
        out.append(t("need_value", names="、".join(missing) if lang() == "zh" else ", ".join(missing)))
    for name, value in raw.items():
        why = None if value in (None, "") else _why(q.params[name], value)
        if why:
            out.append(t("bad_value", name=param_label(name), why=why))
    return out


def _reading_note(q: Question, params: dict[str, Any]) -> None:
    read = st.session_state.get("ask_read") or {}
    if read.get("qid") != q.id or not read.get("text"):
        return
    shown = "; ".join(f"{param_label(k)} = {ui.url_value(v)}" for k, v in params.items() if v is not None)
    st.info(t("read_as", text=read["text"], title=_title(q), params=shown), icon=":material/translate:")


def _show_graph(q: Question, result: ReadResult) -> None:
    if not result.rows:
        st.info(t("not_connected") if q.id == "shortest_path" else t("no_rows"))
        return
    row = result.rows[0]
    if row.get("capped"):
        st.warning(t("capped", shown=row.get("nodes_shown"), total=row.get("nodes_total")))
    ui.network(
        row.get("nodes") or [], row.get("edges") or [], key=f"ask_graph_{q.id}", center=row.get("center")
    )


def _drill_down(q: Question, params: dict[str, Any], code: str) -> None:
    """A province clicked on the map opens its cities; a city, who empowers there (the industry asked
    about, else the question's example)."""
    if PROVINCE_CODE.fullmatch(code):
        relations = qlib.get("cities_ranked").params["relation"].allowed or ()
        relation = params.get("relation") if params.get("relation") in relations else None
        query = ui.ask_query("cities_ranked", {"within": code, "relation": relation})
        st.switch_page("views/ask.py", query_params=query)
    elif CITY_CODE.fullmatch(code):
        target = qlib.get("who_empowers_industry_in_place")
        industry = params.get("industry") or _initial(target, target.params["industry"])
        query = ui.ask_query(target.id, {"place": code, "industry": industry})
        st.switch_page("views/ask.py", query_params=query)


def _show_result(
    c: data.Conn,
    q: Question,
    params: dict[str, Any],
    result: ReadResult,
    took_s: float,
    printing: bool = False,
) -> None:
    # the time of this run: a cached answer took no query (its elapsed_s is the first run's)
    cached = took_s < result.elapsed_s / 2
    st.caption(t("timing_cached" if cached else "timing", n=len(result.rows), s=took_s))
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
            key = f"ask_map_{q.id}"
            drew_map, clicked = ui.china_map(result.rows, result.columns, key=key, title=_title(q))
            if not drew_map and q.chart == "map":
                st.caption(t("map_note_metro"))
            if drew_map and not printing:
                st.caption(t("drill_province" if q.id != "cities_ranked" else "drill_city"))
            if clicked and st.session_state.get(f"{key}_done") != clicked:
                st.session_state[f"{key}_done"] = clicked  # the component keeps its last click: act once
                _drill_down(q, params, clicked)
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
    name = ui.csv_name(q.id, params, {n: p.default for n, p in q.params.items()})
    if q.chart == "graph" and result.rows and result.rows[0].get("nodes"):
        # a graph answer is one row of node and edge lists: tabulate the nodes, the edges below
        row = result.rows[0]
        ui.table(row["nodes"], None, key=f"ask_{q.id}", filename=f"{name}_nodes")
        with st.expander(t("edges_table", n=len(row.get("edges") or []))):
            ui.table(row.get("edges") or [], None, key=f"ask_{q.id}_edges", filename=f"{name}_edges")
    else:
        ui.table(result.rows, result.columns, key=f"ask_{q.id}", filename=name)
    synthetic = t("provenance_synthetic") if data.has_synthetic(c) else ""
    st.caption(t("provenance_note", synthetic=synthetic, qid=q.id))
    if printing:
        return
    # on request only: highlighting the code costs the browser seconds before the answer's table shows
    if st.toggle(t("cypher_ran"), key="ask_show_cypher"):
        st.code(json.dumps(params, ensure_ascii=False, indent=2, default=str), language="json")
        st.code(
            f":params {json.dumps(params, ensure_ascii=False, default=str)}\n\n{q.query(params)}",
            language="cypher",
        )


def _run(c: data.Conn, q: Question, params: dict[str, Any]) -> tuple[ReadResult, float] | None:
    """The answer and how long this run took, with a spinner counting the seconds; None on an error."""
    try:
        with progress.working(t("running", title=_title(q))):
            started = time.perf_counter()
            result = data.ask(c, q.id, params)
            return result, time.perf_counter() - started
    except ui.READ_ERRORS as e:
        ui.read_failed(e)
    return None


def _checked(c: data.Conn, q: Question, raw: dict[str, Any], acted: bool) -> dict[str, Any] | None:
    """The parameters ready to run, or None after saying (in the reader's words) what to fix."""
    problems = _problems(q, raw, acted)
    if problems:
        for problem in problems:
            st.warning(problem, icon=":material/edit:")
        return None
    try:
        # dimension parameters typed by name get their codes from the graph's own nodes
        return qlib.validated(c.graph, q, {k: v for k, v in raw.items() if v not in (None, "")})
    except qlib.QuestionError as e:
        if acted or not any(p.required and raw.get(n) in (None, "") for n, p in q.params.items()):
            # the library's message is the CLI's (English, repeating the input): say which field, in the
            # reader's words ("parameter 'section': no industry named ..." -> 「门类」的值不合适：写法不对 …)
            named = PARAMETER_NAMED.match(str(e))
            if named and named.group(1) in q.params:
                st.warning(
                    t("bad_value", name=param_label(named.group(1)), why=t("why_form")),
                    icon=":material/edit:",
                )
            else:
                st.warning(t("invalid_form"), icon=":material/edit:")
        return None


def _print_view(c: data.Conn, q: Question, params: dict[str, Any]) -> None:
    """The answer alone for printing: title, parameters, chart, table, provenance; no sidebar, no widgets."""
    hidden = ("stSidebar", "stHeader", "stSidebarCollapsedControl", "stDownloadButton", "stToolbar")
    selectors = ", ".join(f"[data-testid='{h}']" for h in hidden)
    st.markdown(f"<style>{selectors} {{display: none !important;}}</style>", unsafe_allow_html=True)
    st.title(_title(q))
    shown = "; ".join(f"{param_label(k)}: {ui.url_value(v)}" for k, v in params.items() if v is not None)
    st.markdown(f"**{t('parameters')}**: {shown or '—'}")
    answer = _run(c, q, params)
    if answer:
        _show_result(c, q, params, *answer, printing=True)
    st.caption(t("print_hint"))


def main() -> None:
    c = data.conn()
    lib = qlib.library()
    _from_url(lib)
    if st.query_params.get("print") == "1" and st.query_params.get("q") in lib:
        printed = lib[st.query_params["q"]]
        remembered = {
            n: ui.recall(f"p_{printed.id}_{n}", _initial(printed, p)) for n, p in printed.params.items()
        }
        checked = _checked(c, printed, remembered, acted=True)
        if checked is not None:
            _print_view(c, printed, checked)
        return
    st.title(t("page_ask"))
    st.caption(t("ask_intro"))
    q = _pick_question(lib)
    if q is None:
        return
    st.markdown(f"### {_title(q)}")
    with st.expander(t("what_it_answers"), expanded=False):
        st.write(pick(q.answers_zh, q.answers))
        if q.figures:
            st.caption(f"{t('figures')}: {', '.join(q.figures)}")
    raw: dict[str, Any] = {}
    if q.params:
        st.markdown(f"**{t('parameters')}**")
        cols = st.columns(2)
        for i, p in enumerate(q.params.values()):
            with cols[i % 2]:
                raw[p.name] = _widget(c, q, p)
    clicked = st.button(t("run"), type="primary", key="ask_run")
    acted = clicked or st.session_state.pop("ask_auto", None) == q.id
    params = _checked(c, q, raw, acted)
    if params is not None and acted:
        st.session_state["ask_last"] = {"qid": q.id, "params": params}
    last = st.session_state.get("ask_last")
    answered = bool(last and last["qid"] == q.id and params is not None and last["params"] == params)
    _write_url(q, raw, answered)
    if not last or last["qid"] != q.id:
        return
    if not answered:  # keep the previous answer on screen, say it is not for these parameters
        st.info(t("params_changed"))
    _reading_note(q, last["params"])
    answer = _run(c, q, last["params"])
    if answer:
        _show_result(c, q, last["params"], *answer)
        if answered:
            st.page_link(
                "views/ask.py",
                label=t("print_view"),
                icon=":material/print:",
                query_params={**ui.ask_query(q.id, raw), "print": "1"},
            )


main()
