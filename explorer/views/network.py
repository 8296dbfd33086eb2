"""Network overview: Table 3 statistics, degree distribution, communities, domestic/foreign, sector shares."""

from __future__ import annotations

from typing import Any

import streamlit as st

from explorer import charts, data, jobs_info, ui
from explorer.display import readable
from explorer.i18n import data_labels, lang, t
from valuenet.figures import TABLE3 as REPORT_TABLE3
from valuenet.questions import get

# Table 3 figures, in the report's order, then the method notes.
TABLE3 = (*(s.field for s in REPORT_TABLE3), "communities", "components", "largest_component")
LABELS = {
    **{s.field: (s.label_zh, s.label_en) for s in REPORT_TABLE3},
    "communities": ("社区数", "communities"),
    "components": ("连通分量数", "components"),
    "largest_component": ("最大连通分量的节点数", "nodes of the largest component"),
}


def _stats(c: data.Conn) -> None:
    st.subheader(t("table3"))
    rows = data.read(c, "jobs/stats_latest")
    if not rows:
        st.info(t("no_stats"))
        return
    stats: dict[str, Any] = dict(rows[0]["stats"])
    st.caption(
        t(
            "stats_from",
            run=rows[0]["run_id"],
            backend=rows[0]["backend"],
            started=str(rows[0]["started"])[:19],
        )
    )
    shown = [k for k in TABLE3 if k in stats]
    cols = st.columns(4)
    language = lang()
    for i, k in enumerate(shown):
        cols[i % 4].metric(LABELS.get(k, (k, k))[language == "en"], readable(stats[k], language), help=k)
    notes = [{"figure": k, "value": v} for k, v in sorted(stats.items()) if k not in shown]
    with st.expander(t("methods")):
        ui.table(notes, ["figure", "value"], key="net_stats", filename="network_stats")


def _degrees(c: data.Conn) -> None:
    st.subheader(t("degree_dist"))
    rows = data.read(c, "explorer/degree_distribution")
    points = [(int(r["degree"]), int(r["organizations"])) for r in rows if int(r["degree"]) > 0]
    if not points:
        st.info(t("no_rows"))
        return
    ui.chart(charts.loglog(points, t("degree"), t("count")), key="net_degrees", height=360)


def _communities(c: data.Conn) -> None:
    st.subheader(t("communities"))
    language = lang()  # bound now: format_func may run outside the script run
    prop = st.radio(
        t("community_method"),
        ["community", "community_leiden"],
        horizontal=True,
        format_func=lambda p: jobs_info.title(p, language),
        key="net_comm_prop",
    )
    rows = data.read(c, "explorer/communities", {"property": prop, "k": 8, "limit": 30})
    if not rows:
        st.info(t("no_communities"))
        return
    ui.table(rows, ["community", "size", "top_members", "synthetic"], key="net_comm", filename=f"{prop}_top")


def _question_chart(c: data.Conn, qid: str, heading: str) -> None:
    st.subheader(heading)
    q = get(qid)
    result = data.ask(c, qid, q.validate({}))
    if not result.rows:
        st.info(t("no_rows"))
        return
    options = charts.stacked(result.rows, result.columns, names=data_labels())
    bars = len(options["yAxis"]["data"]) if options else 1
    ui.chart(options, key=f"net_{qid}", height=max(220, 40 * bars + 120))
    with st.expander(t("table")):
        ui.table(result.rows, result.columns, key=f"net_{qid}", filename=qid)


def main() -> None:
    c = data.conn()
    st.title(t("page_network"))
    st.caption(t("net_intro"))
    # One section at a time: each of the later ones scans the graph (seconds on the reference graph, then
    # cached), so the page's first render stays fast.
    sections = {
        "summary": f"{t('table3')} · {t('communities')}",
        "degrees": t("degree_dist"),
        "domestic_foreign": t("domestic_foreign"),
        "sectors": t("sector_shares"),
    }
    section = st.segmented_control(
        t("section"),
        list(sections),
        default=ui.recall("net_section", "summary"),
        format_func=sections.__getitem__,
        key=ui.lkey("net_section"),
    )
    ui.remember("net_section", section)
    if section == "degrees":
        _degrees(c)
    elif section == "domestic_foreign":
        _question_chart(c, "relation_types_domestic_foreign", t("domestic_foreign"))
    elif section == "sectors":
        _question_chart(c, "core_sector_flows", t("sector_shares"))
    else:
        _stats(c)
        _communities(c)


main()
