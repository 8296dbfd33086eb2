"""Jobs: run history, status and durations; a button to run jobs when the operator enabled it."""

from __future__ import annotations

import os
from typing import Any

import streamlit as st

from explorer import data, jobs_info, progress, ui
from explorer.cli import OPERATOR_ENV
from explorer.display import readable
from explorer.i18n import lang, pick, score_sentence, status_name, t


def enabled() -> bool:
    """Started with `valuenet explore --operator`."""
    return os.environ.get(OPERATOR_ENV, "") == "1"


def _run_panel(c: data.Conn) -> None:
    st.subheader(t("run_job"))
    if not enabled():
        st.caption(t("operator_only"))
        return
    names = [j.name for j in jobs_info.catalogue()]
    chosen = st.multiselect(t("job"), names, key="jobs_pick")
    if st.button(t("run_job"), type="primary", key="jobs_run", disabled=not chosen):
        for name in chosen:
            with progress.working(t("running_job", job=name)):
                try:
                    record = jobs_info.run(c.graph, name)
                    st.success(
                        t("job_done", job=name, status=status_name(record.status), s=record.duration_s or 0.0)
                    )
                except Exception as e:  # the run is recorded failed with the reason
                    st.error(f"{t('job_failed')}: {name}: {e}")
        data.clear_epoch()


def _scores(rows: list[dict[str, Any]]) -> None:
    """What each score means in one sentence and when it was last refreshed."""
    done = [r for r in rows if r["status"] == "succeeded"]
    if done:
        st.markdown(f"**{t('scores_updated', when=_when(done[0]['started']))}**")
    latest: dict[str, dict[str, Any]] = {}
    for r in done:
        latest.setdefault(r["job"], r)
    table = [
        {
            "job": pick(j.title_zh, j.title_en),
            "means": score_sentence(j.write_property),
            "updated": _when(latest[j.name]["started"]) if j.name in latest else "—",
        }
        for j in jobs_info.catalogue()
        if j.write_property
    ]
    ui.table(table, ["job", "means", "updated"], key="jobs_scores", filename="scores_explained")


def _when(started: Any) -> str:
    return str(started or "")[:16].replace("T", " ")


def _movers(rows: list[dict[str, Any]]) -> None:
    """Who rose and fell between the last two successful runs of a ranked job."""
    st.subheader(t("movers"))
    runs: dict[str, list[dict[str, Any]]] = {}
    for r in rows:
        if r["status"] == "succeeded" and r.get("top_ids") and r["job"] in jobs_info.ranked_jobs():
            runs.setdefault(r["job"], []).append(r)
    comparable = [job for job, done in runs.items() if len(done) >= 2]
    if not comparable:
        st.caption(t("movers_need_two"))
        return
    titles = {j.name: pick(j.title_zh, j.title_en) for j in jobs_info.catalogue()}
    job = st.selectbox(
        t("job"), comparable, format_func=lambda j: titles.get(j, j), key=ui.lkey("jobs_movers")
    )
    now, before = runs[job][0], runs[job][1]
    rank_before = {i: n + 1 for n, i in enumerate(before["top_ids"])}
    moves = []
    for n, (oid, name, score) in enumerate(
        zip(now["top_ids"], now["top_names"], now["top_scores"], strict=False)
    ):
        change = rank_before[oid] - (n + 1) if oid in rank_before else None
        moves.append(
            {
                "name": name,
                "rank_now": n + 1,
                "rank_before": rank_before.get(oid),
                "change": "—"
                if change is None
                else (f"▲ {change}" if change > 0 else f"▼ {-change}" if change else "="),
                "score": readable(score, lang()),
                "id": oid,
            }
        )
    if all(m["change"] == "=" for m in moves):
        st.caption(t("movers_none"))
    ui.table(moves, None, key="jobs_movers_table", filename=f"{job}_rank_changes")


def main() -> None:
    c = data.conn()
    st.title(t("page_jobs"))
    st.caption(t("jobs_intro"))
    _run_panel(c)  # first: what follows shows the runs it made
    rows = data.read(c, "jobs/history", {"job": None, "limit": 200})
    _scores(rows)
    _movers(rows)
    st.subheader(t("runs"))
    names = [j.name for j in jobs_info.catalogue()]
    every = t("all_jobs")  # bound now: format_func may run outside the script run
    titles = {j.name: pick(j.title_zh, j.title_en) for j in jobs_info.catalogue()}
    choices = [None, *names]
    start = ui.recall("jobs_filter", None)
    job = st.selectbox(
        t("job"),
        choices,
        index=choices.index(start) if start in choices else 0,
        format_func=lambda v: every if v is None else titles.get(v, v),
        key=ui.lkey("jobs_filter"),
    )
    ui.remember("jobs_filter", job)
    shown = [r for r in rows if job is None or r["job"] == job]
    if not shown:
        st.info(t("no_runs"))
    else:
        cols = st.columns(3)
        for col, status in zip(cols, ("succeeded", "failed", "running"), strict=True):
            col.metric(status_name(status), sum(1 for r in shown if r["status"] == status))
        for r in shown:
            r["started"] = _when(r["started"])
        ui.table(
            shown,
            [
                "job",
                "status",
                "started",
                "duration_s",
                "backend",
                "nodes",
                "relationships",
                "error",
                "engine",
                "id",
            ],
            key="jobs_hist",
            filename=f"job_runs_{job}" if job else "job_runs",
        )
    with st.expander(t("catalogue")):
        ui.table(
            [
                {
                    "job": j.name,
                    "title": pick(j.title_zh, j.title_en),
                    "property": j.write_property,
                    "reproduces": j.reproduces,
                    "description": j.description,
                }
                for j in jobs_info.catalogue()
            ],
            None,
            key="jobs_cat",
            filename="jobs_catalogue",
        )


main()
