"""The GDS backend on the real thing: the `graphdatascience` client against the session's local Neo4j 5.26 +
GDS 2.13, on Zachary's karate club (known answers), against the local (networkit) backend on the same graph.
The scale-1 reference graph comparison is tests/engine/test_neo4j_reference.py."""

from __future__ import annotations

import datetime as dt
import os
import signal
import threading

import networkx as nx
import pytest
from apscheduler.events import EVENT_JOB_ERROR, EVENT_JOB_EXECUTED

from gds_jobs import catalogue
from gds_jobs.gds_backend import GdsBackend, InsufficientMemoryError, drop_stale_projections
from gds_jobs.local import LocalBackend
from gds_jobs.runner import JobFailedError, choose_backend, history, run_job
from gds_jobs.schedule import build_scheduler
from tests.cli_support import run_cli
from tests.jobs_fixtures import load_nx, scores, script_on
from valuenet.config import Settings
from valuenet.db import Graph
from valuenet.model import MODEL

pytestmark = [pytest.mark.neo4j, pytest.mark.gds]
KARATE = nx.karate_club_graph()


@pytest.fixture(scope="module")
def karate(neo4j_graph: Graph) -> Graph:
    load_nx(neo4j_graph, KARATE)
    return neo4j_graph


def projections_left(graph: Graph) -> list[str]:
    rows = graph.read("CALL gds.graph.list() YIELD graphName RETURN collect(graphName) AS g")
    return [n for n in rows[0]["g"] if n.startswith("valuenet_")]


def test_auto_chooses_gds_and_every_gds_job_of_the_catalogue_runs(karate: Graph) -> None:
    """Every job whose projection counts EMPOWERS (the karate club's relationships; the others fail, as
    they should, on a graph without their relationships: tests/engine/test_focal.py)."""
    backend = choose_backend(karate)
    assert isinstance(backend, GdsBackend)
    runs = {}
    empowering = [
        j for j in catalogue.JOBS.values() if "EMPOWERS" in MODEL.rel_types(j.projection).split("|")
    ]
    assert len(empowering) == len(catalogue.JOBS) - 4  # not talent (2) nor investment (2) degrees
    for job in empowering:
        rec = runs[job.name] = run_job(karate, job, backend=backend)
        assert rec.status == "succeeded", job.name
        assert rec.backend == ("local" if job.local_only else "gds"), job.name
        if job.write_property:
            assert len(scores(karate, job.write_property)) == KARATE.number_of_nodes(), job.name
            assert rec.facts["gds_concurrency"] == (1 if job.name == "leiden" else 4)
            assert rec.facts["gds_config"].startswith("[('concurrency'")
            # Timed as the local backend's runs, so the bench splits a GDS run the same way
            assert rec.facts["stream_s"] > 0 and rec.facts["compute_s"] > 0, job.name
    leiden = karate.read("MATCH (r:JobRun {id: $id}) RETURN properties(r) AS p", {"id": runs["leiden"].id})
    run = leiden[0]["p"]  # seed and concurrency recorded: Leiden at concurrency 1 reproduces with its seed
    assert (run["backend"], run["seed"], run["gds_concurrency"]) == ("gds", 42, 1)
    assert "('random_seed', 42)" in run["gds_config"]
    assert not projections_left(karate)


@pytest.mark.parametrize("job", ["pagerank", "degree_tech", "clustering", "harmonic"])
def test_gds_and_local_agree(karate: Graph, job: str) -> None:
    spec = catalogue.get(job)
    run_job(karate, spec, backend=LocalBackend(karate))
    local = scores(karate, spec.write_property or "")
    rec = run_job(karate, spec, backend=GdsBackend.on(karate))
    assert rec.backend == "gds"
    remote = scores(karate, spec.write_property or "")
    assert remote.keys() == local.keys()
    for k, v in local.items():
        assert remote[k] == pytest.approx(v, rel=1e-4, abs=1e-6), (job, k)


def test_gds_betweenness_exact_matches_networkx(karate: Graph) -> None:
    run_job(karate, catalogue.get("betweenness"), backend=GdsBackend.on(karate), overrides={"exact": True})
    got = scores(karate, "betweenness")
    for n, v in nx.betweenness_centrality(KARATE, normalized=False).items():
        assert got[f"k{n:02d}"] == pytest.approx(v, rel=1e-6, abs=1e-6)


def test_gds_louvain_and_wcc(karate: Graph) -> None:
    rec = run_job(karate, catalogue.get("louvain"), backend=GdsBackend.on(karate))
    assert rec.facts["modularity"] > 0.38
    run_job(karate, catalogue.get("wcc"), backend=GdsBackend.on(karate))
    assert len(set(scores(karate, "component").values())) == 1
    assert not projections_left(karate)


def test_refused_by_the_memory_estimate_records_the_failure_and_drops(
    karate: Graph, monkeypatch: pytest.MonkeyPatch
) -> None:
    """GDS's own estimate against GDS's own available heap, with the heap figure set to 0 bytes."""
    backend = GdsBackend.on(karate)
    debug = backend.gds.debug

    class NoHeap:
        def sys_info(self) -> object:
            return debug.sys_info().model_copy(update={"available_heap_in_bytes": 0})

    monkeypatch.setattr(type(backend.gds), "debug", property(lambda self: NoHeap()))
    before = scores(karate, "pagerank")
    with pytest.raises(JobFailedError) as failed:
        run_job(karate, catalogue.get("pagerank"), backend=backend)
    assert isinstance(failed.value.cause, InsufficientMemoryError)
    assert failed.value.run.status == "failed" and "only 0.0 B is available" in (failed.value.run.error or "")
    assert scores(karate, "pagerank") == before  # the published scores are untouched
    assert not projections_left(karate)


def test_a_scheduled_refresh_runs_on_gds_and_shows_in_the_history(
    karate: Graph, neo4j_engine: Settings
) -> None:
    """The scheduler `valuenet jobs schedule` runs (same cron job, same function), fired once now."""
    scheduler, _ = build_scheduler("0 3 * * *", ["pagerank", "wcc"])
    (job,) = scheduler.get_jobs()
    fired = threading.Event()
    scheduler.add_listener(lambda event: fired.set(), EVENT_JOB_EXECUTED | EVENT_JOB_ERROR)
    job.modify(args=[*job.args, neo4j_engine], next_run_time=dt.datetime.now(dt.UTC))
    before = {r["id"] for r in history(karate, limit=100)}
    thread = threading.Thread(target=scheduler.start, daemon=True)
    thread.start()
    try:
        assert fired.wait(timeout=600), "the scheduled run did not finish"
    finally:
        scheduler.shutdown(wait=False)
    new = [r for r in history(karate, limit=100) if r["id"] not in before]
    assert sorted((r["job"], r["backend"], r["status"]) for r in new) == [
        ("pagerank", "gds", "succeeded"),
        ("wcc", "gds", "succeeded"),
    ]


# A job run as `valuenet jobs run` makes it (the lock held, then run_job on GDS) that stops once GDS holds its
# projection, to be killed there.
KILLED_IN_GDS = """
import sys, time
from gds_jobs import catalogue
from gds_jobs.gds_backend import GdsBackend
from gds_jobs.lock import run_lock
from gds_jobs.runner import run_job
from valuenet.config import ConnectionInfo
from valuenet.db import Graph

def stop_once_projected(phase, fraction):
    if phase == "estimating memory":
        print("projected", flush=True)
        time.sleep(600)

uri, user, password, database = sys.argv[1:5]
with Graph(ConnectionInfo(uri, user, password, database, False)) as g, run_lock(g, "betweenness"):
    run_job(g, catalogue.get("betweenness"), backend=GdsBackend.on(g), progress=stop_once_projected)
"""


def test_the_projection_of_a_run_killed_in_gds_is_dropped_by_the_next_run(
    karate: Graph, neo4j_engine: Settings
) -> None:
    karate.run("CALL gds.graph.project('analyst_graph', 'Organization', 'EMPOWERS')")  # someone else's
    proc = script_on(karate, KILLED_IN_GDS)
    try:
        assert proc.stdout is not None and proc.stdout.readline().strip() == "projected"
        (left,) = projections_left(karate)
        assert drop_stale_projections(karate) == []  # its run is live
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait(60)
        assert projections_left(karate) == [left]  # GDS keeps it: nobody dropped it
        done = run_cli(["jobs", "run", "wcc"], neo4j_engine)
        assert done.returncode == 0, done.stderr
        assert f"dropped the GDS projection(s) left by runs that did not finish: {left}" in done.stderr
        assert not projections_left(karate)
        (killed,) = history(karate, "betweenness", limit=1)
        assert killed["status"] == "failed" and "abandoned" in killed["error"]
        assert karate.read("CALL gds.graph.exists('analyst_graph') YIELD exists")[0]["exists"]
    finally:
        proc.kill()
        proc.wait(60)
        karate.run("CALL gds.graph.drop('analyst_graph', false)")
