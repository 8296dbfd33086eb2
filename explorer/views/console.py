"""Cypher console for analysts: schema browser, editor, JSON parameters; READ only through
`Graph.run_readonly` (writes refused, always rolled back), timeout and row cap from the settings."""

from __future__ import annotations

import json
from typing import Any

import streamlit as st

from explorer import charts, data, progress, ui
from explorer.i18n import t
from valuenet import queries
from valuenet.db import ReadResult, WriteRefusedError


def _schema(c: data.Conn) -> None:
    # Loaded on demand: counting every label and type scans the graph (seconds on the reference graph).
    if not st.toggle(t("schema"), key="con_schema"):
        return
    with st.container(border=True):
        tabs = st.tabs([t("labels"), t("rel_types"), t("property_keys")])
        with tabs[0]:
            ui.table(
                data.read_schema(c, "explorer/schema_labels"),
                None,
                key="con_labels",
                filename="labels",
                readers=False,
            )
        with tabs[1]:
            rows = data.read_schema(c, "explorer/schema_relationship_types")
            ui.table(rows, None, key="con_types", filename="relationship_types", readers=False)
        with tabs[2]:
            rows = data.read_schema(c, "explorer/schema_properties", {"sample": 200})
            ui.table(rows, None, key="con_props", filename="property_keys", readers=False)


def _params(text: str) -> dict[str, Any] | None:
    try:
        value = json.loads(text or "{}")
    except json.JSONDecodeError:
        return None
    return value if isinstance(value, dict) else None


def _show(result: ReadResult, cap: int) -> None:
    st.caption(t("rows", n=len(result.rows), s=result.elapsed_s))
    if result.truncated:
        st.warning(t("truncated", cap=cap))
    for warning in result.engine_warnings:  # in the engine's own words (Neo4j: English)
        st.warning(f"{t('engine_warns')}: {warning}")
    nodes, edges = charts.graph_from_values(result.rows)
    if nodes:
        ui.network(nodes, edges, key="con_graph", height=520)
    ui.table(result.rows, result.columns, key="con_result", filename="query", readers=False)


def main() -> None:
    c = data.conn()
    timeout = c.settings.valuenet_query_timeout
    cap = c.settings.valuenet_row_cap
    st.title(t("page_console"))
    st.caption(t("console_intro", timeout=timeout, cap=cap))
    _schema(c)
    example = queries.load("explorer/console_example")
    query = st.text_area(t("query"), value=example.text, height=180, key="con_query")
    default_params = {k: v.get("default") for k, v in (example.meta.get("params") or {}).items()}
    params_text = st.text_area(
        t("params_json"), value=json.dumps(default_params), height=68, key="con_params"
    )
    if not st.button(t("run"), type="primary", key="con_run"):
        return
    params = _params(params_text)
    if params is None:
        st.error(t("bad_json"))
        return
    try:
        with progress.working(t("running_query")):
            result = c.graph.run_readonly(query, params, timeout=timeout, row_cap=cap)
    except WriteRefusedError as e:
        st.error(f"{t('refused')}: {e}")
        return
    except ValueError as e:  # the settings' row cap or timeout out of bounds
        st.error(f"{t('bad_limits')}: {e} (VALUENET_ROW_CAP / VALUENET_QUERY_TIMEOUT)")
        return
    except ui.READ_ERRORS as e:
        ui.read_failed(e)
        return
    _show(result, cap)


main()
