"""Result rows as the explorer displays them and writes them to CSV: one value as text, rows as a DataFrame
(pure: no Streamlit)."""

from __future__ import annotations

import json
import math
from collections.abc import Sequence
from typing import Any

import pandas as pd


def cell(v: Any) -> Any:
    """One value for display: lists joined with commas, maps as JSON, graph values as Cypher-like text."""
    if isinstance(v, bool):
        return v
    if isinstance(v, (list, tuple)):
        return ", ".join(str(cell(x)) for x in v)
    if isinstance(v, dict):
        if "_labels" in v:  # a node from the console: (:Label name {id})
            name = v.get("name_zh") or v.get("name_en") or v.get("name") or v.get("code") or ""
            key = v.get("id") or v.get("code") or v.get("_id")
            return f"(:{':'.join(v['_labels'])} {name} {{{key}}})".replace("  ", " ")
        if "_type" in v:  # a relationship
            props = {k: x for k, x in v.items() if not k.startswith("_")}
            return f"[:{v['_type']} {json.dumps(props, ensure_ascii=False, default=str)}]"
        if "_nodes" in v:  # a path
            return " - ".join(str(cell(n)) for n in v["_nodes"])
        return json.dumps(v, ensure_ascii=False, default=str)
    return v


def frame(rows: Sequence[dict[str, Any]], columns: Sequence[str] | None = None) -> pd.DataFrame:
    """Rows as a DataFrame in `columns` order; lists joined, nodes/relationships/paths in Cypher-like text."""
    cols = list(columns) if columns else (list(rows[0]) if rows else [])
    return pd.DataFrame([{c: cell(r.get(c)) for c in cols} for r in rows], columns=cols)


def arrow_ready(df: pd.DataFrame) -> pd.DataFrame:
    """`df` with each column that mixes text and numbers (or booleans and either) as text, as Streamlit's
    dataframe shows it: it sends tables to the browser as Arrow, which holds one type per column, and for such
    a column first fails, logs that with a traceback, then converts it (the network page's methods table)."""
    from pandas.api.types import infer_dtype

    mixed = [
        c
        for c in df.columns
        if df[c].dtype == object and infer_dtype(df[c], skipna=True) in ("mixed", "mixed-integer")
    ]
    if not mixed:
        return df
    out = df.copy()
    for c in mixed:
        out[c] = df[c].astype("string")
    return out


def readable(v: Any, language: str = "zh") -> str:
    """A number as readers write it: 9,985万 / 1.23亿 in Chinese, 99.85 M / 1.23 bn in English; small
    fractions with 4 significant digits; text unchanged."""
    if isinstance(v, bool) or not isinstance(v, (int, float)):
        return "" if v is None else str(v)
    a = abs(v)
    if language == "zh":
        if a >= 1e8:
            return f"{v / 1e8:,.2f}".rstrip("0").rstrip(".") + "亿"
        if a >= 1e5:
            return f"{v / 1e4:,.0f}万"
    else:
        if a >= 1e9:
            return f"{v / 1e9:,.2f}".rstrip("0").rstrip(".") + " bn"
        if a >= 1e6:
            return f"{v / 1e6:,.2f}".rstrip("0").rstrip(".") + " M"
    if isinstance(v, int) or float(v).is_integer():
        return f"{int(v):,}"
    return f"{v:,.2f}" if a >= 100 else f"{v:.4g}"


def percent(share: float, *, at_most: bool = False) -> str:
    """0.9987 -> 99.9%; `at_most` rounds down, for "more than x%" (43,741 of 43,742 is 99.9%, not 100.0%)."""
    if at_most:
        share = math.floor(1000 * share + 1e-9) / 1000  # 1000 * 0.29 is 289.99999999999997
    return f"{100 * share:.1f}%"
