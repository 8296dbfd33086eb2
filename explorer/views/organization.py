"""Organisation: attributes, provenance, job scores and their history, ego network, why central."""

from __future__ import annotations

from collections import Counter
from typing import Any

import streamlit as st

from explorer import charts, data, jobs_info, ui
from explorer.display import cell
from explorer.i18n import lang, pick, relation_type, t
from valuenet.db import DriverError, Neo4jError
from valuenet.model import MODEL

# Properties shown under provenance rather than attributes.
PROVENANCE_KEYS = ("sample_editions", "sources", "synthetic")
NAME_KEYS = ("id", "name_zh", "name_en", "aliases")


def _flatten(lists: list[Any]) -> list[Any]:
    out: Counter[Any] = Counter()
    for item in lists:
        for v in item if isinstance(item, list) else [item]:
            if v is not None:
                out[v] += 1
    return sorted(out)


def _header(props: dict[str, Any], labels: list[str], profile: dict[str, Any]) -> None:
    name = pick(props.get("name_zh"), props.get("name_en")) or str(props.get("id"))
    st.header(name)
    other = props.get("name_en") if name == props.get("name_zh") else props.get("name_zh")
    badges = " ".join(f":blue-badge[{label}]" for label in labels)
    if props.get("synthetic"):
        badges += f" :orange-badge[{t('synthetic_badge')}]"
    st.markdown(" · ".join(x for x in (str(other or ""), f"`{props.get('id')}`", badges) if x))
    where = [*profile.get("provinces", []), *profile.get("locations", [])]
    facts = [
        " / ".join(dict.fromkeys(where)),
        ", ".join(profile.get("industries") or []),
        ", ".join(profile.get("fields") or []),
    ]
    st.caption(" · ".join(f for f in facts if f))
    if props.get("aliases"):
        st.caption(" / ".join(map(str, props["aliases"])))


def _attributes(props: dict[str, Any], scores: set[str]) -> None:
    st.subheader(t("attributes"))
    rows = [
        {"property": k, "value": str(cell(v))}  # one text column: values of mixed types
        for k, v in sorted(props.items())
        if k not in scores and k not in PROVENANCE_KEYS and k not in NAME_KEYS and "__" not in k
    ]
    ui.table(rows, ["property", "value"], key="org_attrs", filename=f"{props.get('id')}_attributes")


def _provenance(c: data.Conn, oid: str, props: dict[str, Any]) -> None:
    st.subheader(t("provenance"))
    cols = st.columns(3)
    cols[0].metric(t("editions"), ", ".join(map(str, props.get("sample_editions") or [])) or "—")
    cols[1].metric(t("sources"), ", ".join(map(str, props.get("sources") or [])) or "—")
    cols[2].metric(t("synthetic"), t("synthetic_badge") if props.get("synthetic") else t("observed"))
    rel = data.read(c, "explorer/org_relations", {"id": oid})
    rows = [
        {
            "type": r["type"],
            "direction": r["direction"],
            "relations": r["relations"],
            "editions": _flatten(r["editions"]),
            "sources": _flatten(r["sources"]),
            "synthetic": r["synthetic"],
        }
        for r in rel
    ]
    st.markdown(f"**{t('relations_by_type')}**")
    if rows:
        ui.table(rows, None, key="org_rel", filename=f"{oid}_relations")
    else:
        st.caption(t("no_partners"))


def _scores(c: data.Conn, oid: str, props: dict[str, Any]) -> None:
    st.subheader(t("scores"))
    known = jobs_info.score_properties()
    present = [(p, props[p]) for p in known if props.get(p) is not None]
    if not present:
        st.info(t("no_scores"))
        return
    cols = st.columns(min(4, len(present)))
    for i, (prop, value) in enumerate(present):
        shown = f"{value:.4g}" if isinstance(value, float) else str(value)
        cols[i % len(cols)].metric(jobs_info.title(prop), shown, help=prop)
    ranked = jobs_info.ranked_jobs()
    hist = [r for r in data.read(c, "explorer/org_score_history", {"id": oid}) if r["job"] in ranked]
    if hist:
        st.markdown(f"**{t('score_history')}**")
        for r in hist:
            r["started"] = str(r["started"])[:19]
        ui.table(
            hist, ["job", "started", "rank", "score", "run_id"], key="org_hist", filename=f"{oid}_scores"
        )


def _ego(c: data.Conn, oid: str) -> None:
    st.subheader(t("ego"))
    cols = st.columns([1, 3, 1])
    depth = cols[0].selectbox(t("depth"), [1, 2], key="org_depth")
    every = list(MODEL.org_relationship_types)
    language = lang()  # bound now: format_func may run outside the script run
    types = cols[1].multiselect(
        t("relation_types"),
        every,
        default=ui.recall("org_types", every),
        format_func=lambda rel: relation_type(rel, language),
        key=ui.lkey("org_types"),
    )
    ui.remember("org_types", types)
    cap = cols[2].number_input("max_nodes", min_value=2, max_value=500, value=200, key="org_cap")
    if not types:
        st.caption(t("no_partners"))
        return
    params = {"id": oid, "depth": int(depth), "types": list(types), "max_nodes": int(cap)}
    try:
        rows = data.read(c, "explorer/org_ego", params)
    except (Neo4jError, DriverError) as e:
        st.error(f"{t('query_failed')}: {e}")
        return
    if not rows:
        st.caption(t("no_partners"))
        return
    row = rows[0]
    if row.get("capped"):
        st.warning(t("capped", shown=row.get("nodes_shown"), total=row.get("nodes_total")))
    ui.network(charts.network(row["nodes"], row["edges"], center=row["center"]), key="org_ego", height=520)


def _why_central(c: data.Conn, oid: str) -> None:
    st.subheader(t("why_central"))
    rows = data.read(c, "explorer/org_partners", {"id": oid, "k": 5})
    if not rows:
        st.caption(t("no_partners"))
        return
    ui.table(
        rows,
        ["type", "direction", "partner", "links", "partner_degree", "partner_pagerank", "synthetic", "id"],
        key="org_partners",
        filename=f"{oid}_partners",
    )


def main() -> None:
    c = data.conn()
    st.title(t("page_org"))
    st.caption(t("org_intro"))
    default = str(st.query_params.get("org", ""))
    oid = ui.org_picker("org", default_search=default)
    if not oid:
        st.info(t("org_hint"))
        return
    st.query_params["org"] = oid
    rows = data.read(c, "explorer/org_profile", {"id": oid})
    if not rows:
        st.info(t("org_none"))
        return
    profile = rows[0]
    props: dict[str, Any] = dict(profile["props"])
    _header(props, list(profile["labels"]), profile)
    tab_net, tab_scores, tab_attrs = st.tabs([t("ego"), t("scores"), t("attributes")])
    with tab_net:
        _ego(c, oid)
        _why_central(c, oid)
    with tab_scores:
        _scores(c, oid, props)
    with tab_attrs:
        _attributes(props, set(jobs_info.score_properties()))
        _provenance(c, oid, props)


main()
