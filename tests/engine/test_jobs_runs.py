"""Degree jobs on a hand-built graph; runs, failure, score swap under concurrent readers, history."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable

import networkx as nx
import pytest

from gds_jobs import catalogue
from gds_jobs.algorithms.base import Params, ProgressFn, Result
from gds_jobs.catalogue import Job
from gds_jobs.local import LocalBackend
from gds_jobs.runner import JobFailedError, RunRecord, history, movers, read_scores, run_job, run_jobs
from tests.jobs_fixtures import load_nx, load_orgs, load_rels, node_id, scores
from valuenet import queries
from valuenet.db import Graph

S = ["S1", "S2"]
R = ["R1", "R2", "R3", "R4"]


@pytest.fixture(scope="module")
def small(fresh_graph) -> Graph:  # type: ignore[no-untyped-def]
    """Two sample firms, four relation nodes; relations that the report's counting must leave out too."""
    g: Graph = fresh_graph("degree")
    load_orgs(g, S + R, samples=S)
    load_rels(g, "EMPOWERS", [("R1", "S1"), ("R1", "S2"), ("S1", "R2"), ("S1", "S2"), ("S2", "R1")])
    load_rels(g, "EMPOWERS", [("R2", "R3")])  # no sample end: not in the report's relation data
    load_rels(g, "SUPPLIES_TALENT", [("R3", "S1"), ("R4", "S1"), ("R3", "R4")], experience="study")
    load_rels(g, "SUPPLIES_TALENT", [("R3", "S2")], experience="work")
    load_rels(g, "INVESTS_IN", [("R4", "S1"), ("R4", "S2"), ("R1", "S1")])
    load_rels(g, "INVESTS_IN", [("S1", "R2")])  # a sample invests in a non-sample: not a Table 9 count
    load_rels(g, "ACQUIRES", [("S1", "R2")])
    load_rels(g, "PART_OF", [("R2", "R1")])
    return g


EXPECTED = {
    "degree_tech_out": {"R1": 2, "S1": 2, "S2": 1},
    "degree_tech_in": {"S1": 1, "S2": 2, "R2": 1, "R1": 1},
    "degree_tech": {"R1": 3, "S1": 3, "S2": 3, "R2": 1},
    "degree_talent_study": {"R3": 1, "R4": 1},
    "degree_talent_work": {"R3": 1},
    "degree_invest_out": {"R4": 2, "R1": 1},
    "degree_invest_in": {"S1": 2, "S2": 1, "R2": 1},
}


@pytest.mark.parametrize("job", list(EXPECTED))
def test_degree_jobs_count_per_type_and_direction(small: Graph, job: str) -> None:
    rec = run_job(small, catalogue.get(job), backend=LocalBackend(small))
    got = scores(small, job)
    want = {n: EXPECTED[job].get(n, 0) for n in S + R}
    assert got == want
    assert all(isinstance(v, int) for v in got.values())
    assert rec.nodes == 6


def test_top_k_snapshots_rank_as_the_published_scores_do(small: Graph) -> None:
    """A batch's snapshots are ranked in memory: the same ids, names and order (ties by id) as
    jobs/top_scores reads from the published scores."""
    jobs = [catalogue.get(name) for name in EXPECTED] + [catalogue.get("pagerank")]
    done = run_jobs(small, jobs, backend=LocalBackend(small, share_projections=True), top_k=4)
    for rec in done:
        assert isinstance(rec, RunRecord)
        prop = catalogue.get(rec.job).write_property
        assert rec.top == small.read(queries.text("jobs/top_scores"), {"property": prop, "k": 4}), rec.job
        stored = small.read("MATCH (r:JobRun {id: $id}) RETURN r.top_ids AS ids", {"id": rec.id})[0]
        assert stored["ids"] == [r["id"] for r in rec.top]


def test_failed_run_keeps_previous_scores_and_records_reason(small: Graph) -> None:
    job = catalogue.get("degree_tech")
    ok = run_job(small, job, backend=LocalBackend(small))
    before = scores(small, "degree_tech")

    def boom(run_id: str) -> None:
        raise RuntimeError("injected failure before publication")

    with pytest.raises(JobFailedError) as caught:
        run_job(small, job, backend=LocalBackend(small), before_swap=boom)
    failed = caught.value.run
    assert failed.status == "failed" and "injected failure" in (failed.error or "")
    assert scores(small, "degree_tech") == before
    keys = {r["k"] for r in small.read("MATCH (n:Organization) UNWIND keys(n) AS k RETURN DISTINCT k")}
    assert f"degree_tech__{failed.id}" not in keys  # the failed run's values are gone
    kept = small.read("MATCH (r:JobRun {id: $id}) RETURN r.versioned_property AS p", {"id": ok.id})
    assert kept[0]["p"] in keys  # the ok run's own, or an earlier one with equal scores
    run_id, consistent = read_scores(small, "degree_tech")
    assert run_id == ok.id and consistent == before
    runs = {r["id"]: r for r in history(small, "degree_tech")}
    assert runs[failed.id]["status"] == "failed" and "injected failure" in runs[failed.id]["error"]
    assert runs[ok.id]["status"] == "succeeded"


class BrokenAlgorithm(LocalBackend):
    """The local backend with an algorithm that fails while computing."""

    def execute(self, job: Job, params: Params, staged: str | None, progress: ProgressFn) -> Result:
        raise RuntimeError("networkit gave up")


def test_algorithm_error_is_recorded(small: Graph) -> None:
    with pytest.raises(JobFailedError) as caught:
        run_job(small, catalogue.get("betweenness"), backend=BrokenAlgorithm(small))
    run = history(small, "betweenness", 1)[0]
    assert run["id"] == caught.value.run.id and run["status"] == "failed"
    assert run["error"] == "RuntimeError: networkit gave up"


@pytest.mark.parametrize(
    ("job", "overrides", "message"),
    [
        ("pagerank", {"alpha": 0.9}, "no parameter 'alpha'"),
        ("betweenness", {"epsilon": -1.0}, "parameter 'epsilon': Input should be greater than 0"),
        ("pagerank", {"max_iterations": "ten"}, "parameter 'max_iterations': .* valid integer"),
        ("louvain", {"max_levels": 3}, "local backend cannot apply max_levels: networkit's PLM coarsens"),
    ],
)
def test_bad_parameters_are_refused_before_running(
    small: Graph, job: str, overrides: dict[str, object], message: str
) -> None:
    before = len(history(small, job))
    with pytest.raises(ValueError, match=message):
        run_job(small, catalogue.get(job), backend=LocalBackend(small), overrides=overrides)
    assert len(history(small, job)) == before  # no run recorded


def test_a_run_records_what_its_backend_did_not_apply(small: Graph) -> None:
    rec = run_job(small, catalogue.get("louvain"), backend=LocalBackend(small))
    run = small.read("MATCH (r:JobRun {id: $id}) RETURN properties(r) AS p", {"id": rec.id})[0]["p"]
    assert run["max_levels_note"].startswith("not applied by the local backend: networkit's PLM")
    assert "tolerance_note" in run and '"max_iterations": 10' in run["parameters"]


def test_readers_never_see_a_mixed_run(fresh_graph) -> None:  # type: ignore[no-untyped-def]
    """Run B rewrites every node's score (one publication) while reader threads read all scores
    consistently (runner.read_scores): each read is exactly run A's scores or
    exactly run B's, and says which run it is."""
    g: Graph = fresh_graph("concurrency")
    base = nx.barabasi_albert_graph(600, 2, seed=7)
    load_nx(g, base, both_directions=False)
    job = catalogue.get("degree_tech")
    run_a = run_job(g, job, backend=LocalBackend(g))
    a = scores(g, "degree_tech")
    # Change every node's degree: a new sample firm empowered by everyone.
    load_orgs(g, ["hub"], samples=["hub"])
    load_rels(g, "EMPOWERS", [(node_id(n), "hub") for n in base.nodes()])
    b_expected = {k: v + 1 for k, v in a.items()} | {"hub": base.number_of_nodes()}

    seen: list[tuple[str | None, dict[str, float]]] = []
    plain: list[dict[str, float]] = []
    errors: list[BaseException] = []
    stop = threading.Event()

    def reader() -> None:
        while not stop.is_set():
            try:
                seen.append(read_scores(g, "degree_tech"))
                plain.append(scores(g, "degree_tech"))
            except BaseException as e:  # any reader error fails the test
                errors.append(e)
                return

    threads = [threading.Thread(target=reader) for _ in range(3)]
    for t in threads:
        t.start()
    _wait_for(lambda: len(seen) >= 5 or bool(errors))  # some reads of run A first
    run_b = run_job(g, job, backend=LocalBackend(g))
    # and reads after it: a publication in one statement is over in a blink on a quiet machine, so counting
    # by the clock (0.2 s before and after) left 9 reads there
    after_b = len(seen)
    _wait_for(lambda: len(seen) >= after_b + 5 or bool(errors))
    stop.set()
    for t in threads:
        t.join(30)
    assert not errors
    assert scores(g, "degree_tech") == b_expected
    kinds = set()
    for run_id, values in seen:
        if run_id == run_a.id and values == a:
            kinds.add("A")
        elif run_id == run_b.id and values == b_expected:
            kinds.add("B")
        else:
            kinds.add("mixed")
    assert "mixed" not in kinds
    assert kinds == {"A", "B"} and len(seen) > 10
    # Plain property reads are either run too unless a scan overlaps the publication commit itself.
    assert sum(1 for p in plain if p not in (a, b_expected)) <= 1


def _wait_for(condition: Callable[[], bool], timeout_s: float = 60.0) -> None:
    """Until `condition()` holds (or the timeout passes: the test's assertions then say what is missing)."""
    deadline = time.monotonic() + timeout_s
    while not condition() and time.monotonic() < deadline:
        time.sleep(0.02)


def test_history_and_movers(graph: Graph) -> None:
    g = nx.star_graph(5)  # node 0 is the hub (degree 5)
    load_nx(graph, g, both_directions=False)
    job = catalogue.get("degree_tech")
    first = run_job(graph, job, backend=LocalBackend(graph))
    assert first.top[0]["id"] == node_id(0)
    # node 3 becomes a bigger hub (degree 6) than node 0
    load_orgs(graph, ["x1", "x2", "x3", "x4", "x5"], samples=["x1", "x2", "x3", "x4", "x5"])
    load_rels(graph, "EMPOWERS", [(node_id(3), f"x{i}") for i in range(1, 6)])
    second = run_job(graph, job, backend=LocalBackend(graph))
    moves, now, before = movers(graph, "degree_tech")
    assert now and before and now["id"] == second.id and before["id"] == first.id
    by_id = {m.id: m for m in moves}
    assert by_id[node_id(3)].rank_now == 1 and (by_id[node_id(3)].change or 0) > 0
    assert by_id[node_id(0)].rank_before == 1 and by_id[node_id(0)].rank_now == 2
    assert by_id["x1"].rank_before is None


def test_history_keeps_the_last_n_runs(graph: Graph) -> None:
    load_nx(graph, nx.path_graph(4))
    job = catalogue.get("wcc")
    ids = [run_job(graph, job, backend=LocalBackend(graph), keep_runs=2).id for _ in range(4)]
    assert [r["id"] for r in history(graph, "wcc")] == ids[:-3:-1]
    stats = catalogue.get("network_stats")
    for _ in range(3):
        run_job(graph, stats, backend=LocalBackend(graph), keep_runs=1)
    assert len(history(graph, "network_stats")) == 1
    assert graph.read("MATCH (s:NetworkStats) RETURN count(s) AS n")[0]["n"] == 1


def test_a_batch_fetches_the_graph_once(graph: Graph, monkeypatch: pytest.MonkeyPatch) -> None:
    """Every projection of a batch, whatever its types, filter or orientation, is derived in memory from
    one fetch of the organisations and their relationships."""
    load_nx(graph, nx.path_graph(5))
    fetched: list[tuple[str, ...]] = []
    real = graph.node_links

    def counting(label, key, types, **kw):  # type: ignore[no-untyped-def]
        fetched.append(tuple(types))
        return real(label, key, types, **kw)

    monkeypatch.setattr(graph, "node_links", counting)
    backend = LocalBackend(graph, share_projections=True)
    for job in ("degree_tech_in", "wcc", "louvain", "pagerank", "network_stats"):
        assert run_job(graph, catalogue.get(job), backend=backend).status == "succeeded"
    assert fetched == [("ACQUIRES", "EMPOWERS", "INVESTS_IN", "SUPPLIES_TALENT")]
    assert scores(graph, "degree_tech_in") == {"k00": 1, "k01": 2, "k02": 2, "k03": 2, "k04": 1}


def test_a_batch_publishes_together_and_keeps_two_versions_per_job(graph: Graph) -> None:
    """Three batches of two jobs on a growing graph: each batch's runs are published in one
    transaction, and each publication drops the versions it pushes out of the newest two."""
    load_nx(graph, nx.path_graph(6))
    jobs = [catalogue.get("degree_tech"), catalogue.get("wcc")]
    batches = []
    for i in range(3):
        _grow(graph, f"g{i}")
        done = run_jobs(graph, jobs, backend=LocalBackend(graph, share_projections=True))
        assert all(isinstance(r, RunRecord) and r.facts["published_with"] == 2 for r in done)
        batches.append([r.id for r in done if isinstance(r, RunRecord)])
    keys = {r["k"] for r in graph.read("MATCH (n:Organization) UNWIND keys(n) AS k RETURN DISTINCT k")}
    for j, prop in enumerate(("degree_tech", "component")):
        assert {k for k in keys if k.startswith(f"{prop}__")} == {f"{prop}__{b[j]}" for b in batches[1:]}
    cleared = graph.read("MATCH (r:JobRun) WHERE r.versions_cleared IS NOT NULL RETURN r.id AS id")
    assert sorted(r["id"] for r in cleared) == sorted(batches[0])
    assert read_scores(graph, "wcc")[0] == batches[2][1]
    runs = graph.read("MATCH (r:JobRun) WHERE r.id IN $ids RETURN r.publish_s AS s", {"ids": batches[2]})
    assert len(runs) == 2 and all(r["s"] is not None for r in runs)


def test_a_batch_records_how_much_of_its_publication_ran_beside_the_summaries(
    graph: Graph, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The scores publish on a thread while the summary jobs compute: the runs record the part of the
    publication that ran meanwhile (publish_beside_s), which the bench counts once in the wall time.
    Here the publication takes at least 0.6 s and network_stats at least 0.3 s after it started."""
    load_nx(graph, nx.path_graph(6))
    real_publish = graph.publish_properties

    def slow_publish(*args, **kw):  # type: ignore[no-untyped-def]
        time.sleep(0.6)
        return real_publish(*args, **kw)

    monkeypatch.setattr(graph, "publish_properties", slow_publish)

    class SlowSummaries(LocalBackend):
        def execute(self, job: Job, params: Params, staged: str | None, progress: ProgressFn) -> Result:
            if staged is None:
                time.sleep(0.3)
            return super().execute(job, params, staged, progress)

    jobs = [catalogue.get("degree_tech"), catalogue.get("network_stats")]
    done = run_jobs(graph, jobs, backend=SlowSummaries(graph, share_projections=True))
    scored, summary = done
    assert isinstance(scored, RunRecord) and isinstance(summary, RunRecord)
    assert scored.facts["publish_s"] >= 0.6
    assert 0.2 <= scored.facts["publish_beside_s"] <= scored.facts["publish_s"]
    assert summary.facts["publish_beside_s"] == 0.0  # its own stats write runs after, on the main thread
    stored = graph.read("MATCH (r:JobRun) WHERE r.id = $id RETURN r.publish_beside_s AS s", {"id": scored.id})
    assert stored == [{"s": scored.facts["publish_beside_s"]}]


def _grow(graph: Graph, org: str) -> None:
    """A new sample firm empowered by k00: every job's scores change."""
    load_orgs(graph, [org], samples=[org])
    load_rels(graph, "EMPOWERS", [(node_id(0), org)])


def _score_keys(graph: Graph, prop: str) -> set[str]:
    keys = graph.read("MATCH (n:Organization) UNWIND keys(n) AS k RETURN DISTINCT k")
    return {r["k"] for r in keys if r["k"].startswith(f"{prop}__")}


def _version(graph: Graph, run_id: str) -> str:
    rows = graph.read("MATCH (r:JobRun {id: $id}) RETURN r.versioned_property AS p", {"id": run_id})
    return str(rows[0]["p"])


def test_a_rerun_with_equal_scores_writes_nothing(graph: Graph) -> None:
    """A run whose scores equal its job's newest version keeps that version: no new run-keyed property,
    the readers resolve the new run and read the same scores. A changed graph writes a new version; a
    kept version takes no place among the two kept, a version two runs share counts once."""
    load_nx(graph, nx.path_graph(5))
    job = catalogue.get("degree_tech")
    first = run_job(graph, job, backend=LocalBackend(graph))
    before = scores(graph, "degree_tech")
    again = run_job(graph, job, backend=LocalBackend(graph))
    assert again.facts["scores_unchanged_since"] == first.id
    assert again.facts["scores_digest"] == first.facts["scores_digest"]
    assert _version(graph, again.id) == f"degree_tech__{first.id}"
    assert _score_keys(graph, "degree_tech") == {f"degree_tech__{first.id}"}
    assert read_scores(graph, "degree_tech") == (again.id, before) and scores(graph, "degree_tech") == before
    nodes = graph.read("MATCH (r:JobRun {id: $id}) RETURN r.nodes_written AS n", {"id": again.id})
    assert nodes[0]["n"] == len(before)

    _grow(graph, "g0")
    third = run_job(graph, job, backend=LocalBackend(graph))
    assert (
        "scores_unchanged_since" not in third.facts
        and _version(graph, third.id) == f"degree_tech__{third.id}"
    )
    fourth = run_job(graph, job, backend=LocalBackend(graph))  # unchanged: both versions stay
    assert fourth.facts["scores_unchanged_since"] == third.id
    assert _score_keys(graph, "degree_tech") == {f"degree_tech__{first.id}", f"degree_tech__{third.id}"}
    _grow(graph, "g1")
    fifth = run_job(graph, job, backend=LocalBackend(graph))  # pushes out the version two runs shared
    assert _score_keys(graph, "degree_tech") == {f"degree_tech__{third.id}", f"degree_tech__{fifth.id}"}
    cleared = graph.read("MATCH (r:JobRun) WHERE r.versions_cleared IS NOT NULL RETURN r.id AS id")
    assert sorted(r["id"] for r in cleared) == sorted([first.id, again.id])
    assert read_scores(graph, "degree_tech")[1] == scores(graph, "degree_tech")


def test_a_version_no_longer_on_the_graph_is_written_again(graph: Graph) -> None:
    """Equal scores, but the newest version is gone from some organisations (a load replaced them, say):
    the run writes its own version instead of keeping a broken one."""
    load_nx(graph, nx.path_graph(5))
    job = catalogue.get("degree_tech")
    first = run_job(graph, job, backend=LocalBackend(graph))
    graph.write(f"MATCH (n:Organization {{id: $id}}) REMOVE n.degree_tech__{first.id}", {"id": node_id(0)})
    again = run_job(graph, job, backend=LocalBackend(graph))
    assert "scores_unchanged_since" not in again.facts
    assert _version(graph, again.id) == f"degree_tech__{again.id}"
    assert read_scores(graph, "degree_tech") == (again.id, scores(graph, "degree_tech"))


def test_network_statistics_count_the_report_relation_data(small: Graph) -> None:
    """Table 3 counts relations with a sample at one end (R2->R3, R3->R4 and PART_OF are left out)."""
    from gds_jobs.runner import latest_network_stats

    run_job(
        small, catalogue.get("network_stats"), backend=LocalBackend(small), overrides={"exact_paths": True}
    )
    s = latest_network_stats(small)
    assert s is not None
    assert (s["nodes"], s["edges"]) == (6, 13)
    assert s["avg_degree"] == pytest.approx(13 / 6) and s["density"] == pytest.approx(13 / 30)
