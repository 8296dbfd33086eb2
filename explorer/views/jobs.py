"""Jobs: run history, status and durations; a button to run jobs when the operator enabled it."""

from __future__ import annotations

import os

import streamlit as st

from explorer import data, jobs_info, ui
from explorer.i18n import pick, t

ENABLE = "VALUENET_EXPLORER_JOBS"


def enabled() -> bool:
    return os.environ.get(ENABLE, "").strip().lower() in ("1", "true", "yes")


def _run_panel(c: data.Conn) -> None:
    st.subheader(t("run_job"))
    if not enabled():
        st.caption(t("jobs_disabled"))
        return
    names = [j.name for j in jobs_info.catalogue()]
    chosen = st.multiselect(t("job"), names, key="jobs_pick")
    if st.button(t("run_job"), type="primary", key="jobs_run", disabled=not chosen):
        for name in chosen:
            with st.spinner(name):
                try:
                    record = jobs_info.run(c.graph, name)
                    st.success(t("job_done", job=name, status=record.status, s=record.duration_s or 0.0))
                except Exception as e:  # the run is recorded failed with the reason
                    st.error(f"{t('job_failed')}: {name}: {e}")
        data.clear_epoch()


def main() -> None:
    c = data.conn()
    st.title(t("page_jobs"))
    st.caption(t("jobs_intro"))
    _run_panel(c)
    st.subheader(t("runs"))
    names = [j.name for j in jobs_info.catalogue()]
    every = t("all_jobs")  # bound now: format_func may run outside the script run
    choices = [None, *names]
    start = ui.recall("jobs_filter", None)
    job = st.selectbox(
        t("job"),
        choices,
        index=choices.index(start) if start in choices else 0,
        format_func=lambda v: every if v is None else v,
        key=ui.lkey("jobs_filter"),
    )
    ui.remember("jobs_filter", job)
    rows = data.read(c, "jobs/history", {"job": job, "limit": 200})
    if not rows:
        st.info(t("no_runs"))
    else:
        counts = {s: sum(1 for r in rows if r["status"] == s) for s in ("succeeded", "failed", "running")}
        cols = st.columns(3)
        for col, (status, n) in zip(cols, counts.items(), strict=True):
            col.metric(status, n)
        for r in rows:
            r["started"] = str(r["started"] or "")[:19]
        ui.table(
            rows,
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
            filename="job_runs",
        )
        if job and job in jobs_info.ranked_jobs():
            ok = [r for r in rows if r["status"] == "succeeded" and r.get("top_ids")]
            if len(ok) >= 2:
                st.subheader(t("movers"))
                now, before = ok[0], ok[1]
                rank_before = {i: n + 1 for n, i in enumerate(before["top_ids"])}
                moves = [
                    {
                        "name": name,
                        "rank_now": n + 1,
                        "rank_before": rank_before.get(i),
                        "change": (rank_before[i] - (n + 1)) if i in rank_before else None,
                        "score": score,
                        "id": i,
                    }
                    for n, (i, name, score) in enumerate(
                        zip(now["top_ids"], now["top_names"], now["top_scores"], strict=False)
                    )
                ]
                ui.table(moves, None, key="jobs_movers", filename=f"{job}_movers")
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
            filename="jobs",
        )


main()
