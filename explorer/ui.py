"""Streamlit pieces shared by the pages: connection, banner, tables, charts, organisation picker."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import streamlit as st
from streamlit_echarts import JsCode, Map, st_echarts

from explorer import charts, data, geo
from explorer.display import frame
from explorer.i18n import LANGS, edge_colours, lang, t
from valuenet.config import NotConfiguredError
from valuenet.db import DriverError, Neo4jError

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
    st.sidebar.radio(
        "语言 / Language",
        LANGS,
        key="lang",
        horizontal=True,
        format_func=lambda x: {"zh": "中文", "en": "English"}[x],
    )


def connect() -> data.Conn:
    """The connection, or an error with the fix on the page (and the page stops)."""
    try:
        c = data.conn()
        data.epoch(c)
        return c
    except (NotConfiguredError, DriverError, Neo4jError, OSError) as e:
        st.error(f"{t('no_engine')}: {e}")
        st.info(t("engine_hint"))
        st.stop()
        raise  # unreachable: st.stop() raises


def synthetic_banner(c: data.Conn) -> None:
    if data.has_synthetic(c):
        st.warning(t("synthetic_banner"), icon="⚗")


def table(rows: Sequence[dict[str, Any]], columns: Sequence[str] | None, key: str, filename: str) -> None:
    """A sortable table and its CSV download (UTF-8 with BOM, so Excel shows Chinese correctly)."""
    df = frame(rows, columns)
    st.dataframe(df, width="stretch", hide_index=True, key=f"{key}_table")
    st.download_button(
        t("download_csv"),
        df.to_csv(index=False).encode("utf-8-sig"),
        file_name=f"{filename}.csv",
        mime="text/csv",
        key=f"{key}_csv",
    )


def chart(options: dict[str, Any] | None, key: str, height: int = 420, with_map: bool = False) -> None:
    if not options:
        return
    st_echarts(
        options,
        height=f"{height}px",
        key=key,
        map=Map(geo.MAP_NAME, geo.provinces_geojson()) if with_map else None,
    )


def network(options: dict[str, Any] | None, key: str, height: int = 540) -> None:
    """A network view and the legend of its edge colours."""
    if not options:
        return
    chart(options, key=key, height=height)
    st.caption(t("edge_legend", colours=edge_colours()))


def china_map(
    rows: Sequence[dict[str, Any]], columns: Sequence[str], key: str, title: str | None = None
) -> bool:
    """Draw the rows on the China map when they are regional; True when a map was drawn."""
    built = charts.china_map(rows, columns, title)
    if not built:
        return False
    options, _ = built
    options["tooltip"]["formatter"] = _MAP_TOOLTIP
    chart(options, key=key, height=520, with_map=True)
    return True


def org_picker(key: str, default_search: str = "") -> str | None:
    """Search organisations by Chinese/English name or alias; returns the chosen organisation id."""
    c = data.conn()
    text = st.text_input(t("org_search"), value=default_search, key=f"{key}_search")
    if not text.strip():
        return None
    rows = data.read(c, "explorer/org_by_id", {"id": text.strip()})
    rows += [r for r in data.search_organizations(c, text) if r["value"] != text.strip()]
    if not rows:
        st.caption(t("org_none"))
        return None
    labels = {str(r["value"]): f"{r['label']}  ·  {r['value']}" for r in rows}
    choice = st.selectbox(t("org_pick"), list(labels), format_func=lambda v: labels[v], key=f"{key}_pick")
    return str(choice) if choice is not None else None
