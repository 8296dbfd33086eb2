"""Organisation: attributes, provenance, job scores and their history, ego network, why central."""

from __future__ import annotations

from collections import Counter
from typing import Any

import streamlit as st

from explorer import data, first_screen, jobs_info, progress, ui
from explorer.display import cell, percent, readable
from explorer.i18n import (
    attribute_name,
    direction_name,
    kind_name,
    lang,
    pick,
    relation_name,
    relation_type,
    t,
)
from valuenet import aggregates, org_names
from valuenet import questions as qlib
from valuenet.model import MODEL

# Properties shown under provenance rather than attributes.
PROVENANCE_KEYS = ("sample_editions", "sources", "synthetic")
NAME_KEYS = ("id", "name_zh", "name_en", "aliases", "name_key")  # name_key: the loader's, internal
SHOWN_ORG = "_org_shown"  # the organisation the URL held when the page last ran
TOP_PARTNERS = 30  # partners drawn by default: a hub's 3,000 would be a hairball


def _flatten(lists: list[Any]) -> list[Any]:
    out: Counter[Any] = Counter()
    for item in lists:
        for v in item if isinstance(item, list) else [item]:
            if v is not None:
                out[v] += 1
    return sorted(out)


def _header(props: dict[str, Any], labels: list[str], profile: dict[str, Any]) -> None:
    name = ui.org_name(props)
    st.header(name)
    english_name = str(props.get("name_en") or "")
    other = props.get("name_zh") if lang() == "en" else org_names.short_english(english_name)
    badges = " ".join(f":blue-badge[{kind_name(label)}]" for label in labels)
    if props.get("synthetic"):
        badges += f" :orange-badge[{t('synthetic_badge')}]"
    st.markdown(" · ".join(x for x in (str(other or ""), f"`{props.get('id')}`", badges) if x))
    # places, industries ("C36 汽车制造业") and fields by the graph's English names on English pages
    english = data.english_names(data.conn()) if lang() == "en" else {}

    def shown(name: str) -> str:
        if name in english:
            return english[name]
        code, _, rest = name.partition(" ")
        return f"{code} {english[rest]}" if rest in english else name

    where = [*profile.get("provinces", []), *profile.get("locations", [])]
    facts = [
        " / ".join(dict.fromkeys(map(shown, where))),
        ", ".join(map(shown, profile.get("industries") or [])),
        ", ".join(map(shown, profile.get("fields") or [])),
    ]
    st.caption(" · ".join(f for f in facts if f))
    # other names; English pages leave out the Chinese ones (the Chinese name is in the line above)
    aliases = [str(a) for a in props.get("aliases") or []]
    if lang() == "en":
        aliases = [org_names.other_english(english_name), *aliases]
        aliases = [a for a in aliases if a and not org_names.is_chinese(a)]
    if aliases:
        st.caption(" / ".join(dict.fromkeys(aliases)))


def _attributes(props: dict[str, Any], scores: set[str]) -> None:
    st.subheader(t("attributes"))
    language = lang()
    rows = [  # one text column: values of mixed types, numbers as readers write them
        {"property": attribute_name(k, language), "value": _attribute_value(k, v, language)}
        for k, v in sorted(props.items())
        if k not in scores
        and k not in PROVENANCE_KEYS
        and k not in NAME_KEYS
        and "__" not in k
        and not k.startswith(aggregates.LINKS)  # org_degrees' counts: the relations table says them
    ]
    ui.table(rows, ["property", "value"], key="org_attrs", filename=f"{props.get('id')}_attributes")


def _attribute_value(prop: str, v: Any, language: str) -> str:
    if isinstance(v, bool):
        return t("yes") if v else t("no")
    if prop == "founded_year" or not isinstance(v, (int, float)):
        return str(cell(v))
    return readable(v, language)


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
    language = lang()
    for i, (prop, value) in enumerate(present):  # 9,985万 rather than 9.985e+07
        cols[i % len(cols)].metric(jobs_info.title(prop), readable(value, language), help=prop)
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
    cols = st.columns([1, 3, 1, 1])
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
    top = cols[2].number_input(
        t("top_partners"),
        min_value=2,
        max_value=500,
        value=TOP_PARTNERS,
        key="org_cap",
        help=t("expand_hint"),
    )
    hide = cols[3].toggle(t("hide_synthetic"), key="org_hide_synthetic")
    if not types:
        st.caption(t("no_partners"))
        return
    expanded: list[str] = st.session_state.setdefault("org_expanded", {}).setdefault(oid, [])
    nodes: dict[str, dict[str, Any]] = {}
    edges: dict[tuple[str, str, str], dict[str, Any]] = {}
    capped = None
    notes: list[str] = []
    ego = qlib.get("ego_network")  # the library's question: its org_ego part when that is fresh
    for i, centre in enumerate([oid, *expanded]):
        params = ego.validate(
            {"org": centre, "depth": int(depth) if i == 0 else 1, "types": list(types), "max_nodes": int(top)}
        )
        try:
            result = data.ask(c, ego.id, params)
        except ui.READ_ERRORS as e:
            ui.read_failed(e)
            return
        notes += [n for n in result.notes if n not in notes]
        rows = result.rows
        if not rows:
            continue
        capped = capped or (rows[0] if i == 0 and rows[0].get("capped") else None)
        for n in rows[0]["nodes"]:
            nodes.setdefault(str(n["id"]), n)
        for edge in rows[0]["edges"]:
            edges.setdefault((str(edge["source"]), str(edge["target"]), str(edge["type"])), edge)
    if not nodes:
        st.caption(t("no_partners"))
        return
    if capped:
        st.caption(t("capped", shown=capped.get("nodes_shown"), total=capped.get("nodes_total")))
    for note in notes:
        st.caption(note)
    clicked = ui.network(
        list(nodes.values()), list(edges.values()), key="org_ego", center=oid, height=560, hide_synthetic=hide
    )
    if clicked and clicked != oid and clicked not in expanded:
        expanded.append(clicked)
        st.rerun()
    if expanded:
        names = [ui.org_name(nodes.get(x, {"id": x})) for x in expanded]
        cols = st.columns([4, 1])
        cols[0].caption(t("expanded", names="、".join(names)))
        if cols[1].button(t("reset_expand"), key="org_collapse"):
            expanded.clear()
            st.rerun()


def _why_central(c: data.Conn, oid: str, props: dict[str, Any]) -> None:
    """Why the organisation is central, in plain words: its relations against everyone's, its main partners,
    the communities it bridges, how its ranks moved."""
    st.subheader(t("explain"))
    name = ui.org_name(props)
    value_types = set(MODEL.value_types)
    relations = [r for r in data.read(c, "explorer/org_relations", {"id": oid}) if r["type"] in value_types]
    total = sum(int(r["relations"]) for r in relations)
    if not total:
        st.markdown(t("explain_none"))
        return
    language = lang()
    parts = ("、" if language == "zh" else ", ").join(
        f"{relation_name(r['type'])} {direction_name(r['direction'])} {readable(r['relations'], language)}"
        for r in relations
    )
    sentences = []
    with progress.working(t("loading_figures")):
        distribution = data.read(c, "explorer/degree_distribution")
    everyone = sum(int(r["organizations"]) for r in distribution)
    below = sum(int(r["organizations"]) for r in distribution if int(r["degree"]) < total)
    pct = percent(below / everyone, at_most=True) if everyone else "—"
    sentences.append(
        t("explain_degree", name=name, total=readable(total, language), type="", parts=parts, pct=pct)
    )
    partners = [
        r for r in data.read(c, "explorer/org_partners", {"id": oid, "k": 5}) if r["type"] in value_types
    ]
    strongest: dict[str, dict[str, Any]] = {}
    for r in sorted(partners, key=lambda r: -int(r["links"])):
        strongest.setdefault(str(r["id"]), r)
    top = list(strongest.values())[:3]
    names: dict[str, str] = {}
    if top:
        english = data.org_english(c, ui.names_in(top, ["partner"])) if language == "en" else {}
        names = {str(r["id"]): str(english.get(r["partner"]) or r["partner"] or r["id"]) for r in top}
        share = percent(sum(int(r["links"]) for r in top) / total)
        listed = ("、" if language == "zh" else ", ").join(f"**{n}**" for n in names.values())
        sentences.append(t("explain_partners", partners=listed, k=len(top), share=share))
    if props.get("betweenness") is not None:
        bridge = data.read(c, "explorer/org_partner_communities", {"id": oid, "sample": 200})
        if bridge and bridge[0]["communities"] and int(bridge[0]["communities"]) > 1:
            k = int(bridge[0]["communities"])
            sentences.append(
                t("explain_bridge", communities=k, sampled=bridge[0]["sampled"], pairs=k * (k - 1) // 2)
            )
    sentences.extend(_rank_moves(c, oid))
    st.markdown("\n\n".join(sentences))
    # the main partners' pages, opened in this tab (a markdown link would open a new one)
    for col, (partner, name) in zip(st.columns(max(3, len(names))), names.items(), strict=False):
        ui.org_link(col, partner, name)


def _strongest_partners(c: data.Conn, oid: str) -> None:
    st.subheader(t("why_central"))
    rows = data.read(c, "explorer/org_partners", {"id": oid, "k": 5})
    if not rows:
        st.caption(t("no_partners"))
        return
    ui.table(
        rows,
        ["type", "direction", "partner", "links", "partner_degree", "partner_pagerank", "synthetic", "id"],
        key="org_partners",
        filename=f"{oid}_strongest_partners",
    )


def _rank_moves(c: data.Conn, oid: str) -> list[str]:
    """One sentence per ranked job: the newest rank and how it moved since the run before."""
    history: dict[str, list[dict[str, Any]]] = {}
    for r in data.read(c, "explorer/org_score_history", {"id": oid}):
        if r["job"] in jobs_info.ranked_jobs():
            history.setdefault(r["job"], []).append(r)  # oldest first
    out = []
    for job, runs in history.items():
        now = runs[-1]
        if len(runs) < 2:
            move = t("rank_new")
        else:
            change = int(runs[-2]["rank"]) - int(now["rank"])
            move = (
                t("rank_up", n=change)
                if change > 0
                else t("rank_down", n=-change)
                if change
                else t("rank_same")
            )
        out.append(t("explain_rank", job=jobs_info.title(_prop(job)), rank=now["rank"], move=move))
    return out


def _prop(job: str) -> str:
    return next((j.write_property or job for j in jobs_info.catalogue() if j.name == job), job)


def _questions_about(oid: str) -> None:
    """The library's questions about one organisation, opened with it filled in."""
    st.subheader(t("questions_about"))
    cols = st.columns(2)
    about = [
        (q, name)
        for q in qlib.library().values()
        for name, p in q.params.items()
        if p.choices == "organizations" and p.required
    ]
    seen: set[str] = set()
    for q, name in about:
        if q.id in seen:
            continue
        seen.add(q.id)
        cols[len(seen) % 2].page_link(
            "views/ask.py",
            label=pick(q.title_zh, q.title_en),
            icon=":material/arrow_forward:",
            query_params=ui.ask_query(q.id, {name: oid}, run=True),
        )


def main() -> None:
    c = data.conn()
    st.title(t("page_org"))
    st.caption(t("org_intro"))
    default = str(st.query_params.get("org", ""))
    if default and st.session_state.get(SHOWN_ORG) != default:  # a link (or back) to another organisation
        st.session_state["org_search"] = default
    oid = ui.org_picker("org", default_search=default)
    if not oid:
        st.info(t("org_hint"))
        return
    st.query_params["org"] = st.session_state[SHOWN_ORG] = oid
    rows = data.read(c, "explorer/org_profile", {"id": oid})
    if not rows:
        st.info(t("org_none"))
        return
    profile = rows[0]
    props: dict[str, Any] = dict(profile["props"])
    _header(props, list(profile["labels"]), profile)
    _why_central(c, oid, props)
    # only the open tab is drawn (a tab opened reruns the page): the browser then draws "why central" and
    # the network without the other tabs' tables and metrics; in a new tab, after "why central" is drawn
    tab_net, tab_scores, tab_attrs = st.tabs(
        [t("ego"), t("scores"), t("attributes")], key=ui.lkey("org_tab"), on_change="rerun"
    )
    if not first_screen.drawn():
        return
    if tab_net.open:
        with tab_net:
            _ego(c, oid)
            _strongest_partners(c, oid)
            _questions_about(oid)
    if tab_scores.open:
        with tab_scores:
            _scores(c, oid, props)
    if tab_attrs.open:
        with tab_attrs:
            _attributes(props, set(jobs_info.score_properties()))
            _provenance(c, oid, props)


main()
