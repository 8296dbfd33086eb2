"""Readers of job scores while a job run publishes new ones: no reader fails, and every answer is one run's.

The questions that read scores resolve the newest succeeded run and read its own run-keyed property, in one
query (`published_key` in valuenet/model.py): that property is complete before the run is published and never
written after, so no reader can see part of each run, whatever the engine isolates. The first tests show it
by construction on both engines, then ten readers ask during a run on the reference graph; the last ones
show that a reader (or a bulk write) the engine refuses as busy is run again, a bounded number of times."""

from __future__ import annotations

import http.server
import threading
from collections.abc import Callable, Iterator
from typing import Any, ClassVar

import networkx as nx
import pytest

from gds_jobs import catalogue
from gds_jobs.local import LocalBackend
from gds_jobs.runner import read_scores, run_job
from tests.jobs_fixtures import load_nx, scores
from valuenet import db, queries, questions
from valuenet.config import MAX_QUERY_TIMEOUT_S
from valuenet.db import Graph, TransientError
from valuenet.model import MODEL

READERS = 10
PAUSE_S = 0.5  # an analyst's pace between two questions
PAGERANK = catalogue.get("pagerank")


def _answer(graph: Graph, limit: int = 20) -> list[tuple[Any, ...]]:
    # The longest timeout: the test asks whether readers get answers, not how fast on a loaded machine.
    _, _, res = questions.ask(
        graph, "top_by_score", {"score": "pagerank", "limit": limit}, timeout=MAX_QUERY_TIMEOUT_S
    )
    return [(r["id"], r["score"]) for r in res.rows]


def _top(graph: Graph) -> list[tuple[Any, ...]]:
    """The report's and snapshots' top-k (jobs/top_scores), which reads the same way."""
    rows = graph.read(queries.text("jobs/top_scores"), {"property": "pagerank", "k": 50})
    return [(r["id"], r["score"]) for r in rows]


def _torn_publication(graph: Graph) -> None:
    """Run pagerank twice (damping 0.85, then 0.5). Just before the second run is published, give half the
    nodes other scores in the plain property, as a scan overlapping the publication commit can see part of
    the new scores: the questions must answer the first run's scores exactly, then, once published, the
    second's."""
    backend = LocalBackend(graph)
    run_job(graph, PAGERANK, backend=backend)
    first = _answer(graph, 1000), _top(graph)
    plain_first = scores(graph, "pagerank")
    assert dict(first[0]) == plain_first
    during: list[tuple[list[tuple[Any, ...]], list[tuple[Any, ...]]]] = []

    def tear(run_id: str) -> None:
        half = {k: v + 1.0 for k, v in sorted(plain_first.items())[::2]}
        graph.set_property(MODEL.org_label, "id", "pagerank", half)
        torn = scores(graph, "pagerank")
        assert torn == plain_first | half and torn != plain_first
        during.append((_answer(graph, 1000), _top(graph)))

    rec = run_job(graph, PAGERANK, backend=backend, overrides={"damping_factor": 0.5}, before_swap=tear)
    assert during == [first]
    second = _answer(graph, 1000), _top(graph)
    assert second != first
    run_id, published = read_scores(graph, "pagerank")
    assert run_id == rec.id and dict(second[0]) == published
    assert scores(graph, "pagerank") == published  # the analysts' plain property too, once published


def test_questions_read_the_published_run_not_the_plain_property(graph: Graph) -> None:
    load_nx(graph, nx.barabasi_albert_graph(300, 2, seed=3))
    _torn_publication(graph)


@pytest.mark.neo4j
def test_questions_read_the_published_run_on_neo4j(neo4j_graph: Graph) -> None:
    load_nx(neo4j_graph, nx.barabasi_albert_graph(300, 2, seed=3))
    _torn_publication(neo4j_graph)


def test_scores_written_without_a_run_record_are_read_as_they_are(graph: Graph) -> None:
    """A graph scored before runs were versioned (or by hand): the plain property is what there is."""
    load_nx(graph, nx.path_graph(3))
    graph.set_property(MODEL.org_label, "id", "pagerank", {"k00": 0.2, "k01": 0.5})
    assert _answer(graph) == [("k01", 0.5), ("k00", 0.2)]


@pytest.fixture
def reference_pagerank(reference_graph: Graph) -> Iterator[Graph]:
    """The shared reference graph, its pagerank runs and scores removed afterwards (the golden answers
    expect none)."""
    yield reference_graph
    staged = reference_graph.read(
        "MATCH (r:JobRun {job: 'pagerank'}) WHERE r.versioned_property IS NOT NULL"
        " AND r.versions_cleared IS NULL RETURN r.versioned_property AS staged"
    )
    reference_graph.remove_properties(
        MODEL.org_label, [r["staged"] for r in staged] + ["pagerank"], key=MODEL.organization.key
    )
    reference_graph.write("MATCH (r:JobRun {job: 'pagerank'}) DETACH DELETE r")


@pytest.mark.slow
@pytest.mark.timeout(2400)  # the session's reference load (~6 min at load 10) may come first
def test_ten_readers_during_a_run_get_one_runs_scores(reference_pagerank: Graph) -> None:
    """Ten readers ask top_by_score during a pagerank run on the scale-1 reference graph (44k organisations),
    across its publication: the run waits, before publishing, until every reader answered since it started,
    and the readers go on until every one answered a question asked after the publication. No error; every
    answer is the first run's or the second's, and every question asked after the publication the second's."""
    graph = reference_pagerank
    backend = LocalBackend(graph)
    run_job(graph, PAGERANK, backend=backend, overrides={"damping_factor": 0.5})
    before = _answer(graph)
    seen: list[list[tuple[Any, ...]]] = []
    seen_after: list[list[tuple[Any, ...]]] = []  # answers to questions asked after the publication
    errors: list[BaseException] = []
    answered = [0] * READERS  # answers per reader
    answered_after = [0] * READERS  # the same, to questions asked after the publication
    lock = threading.Condition()
    published = threading.Event()
    stop = threading.Event()

    def reader(i: int) -> None:
        while not stop.is_set():
            asked_after = published.is_set()
            try:
                answer = _answer(graph)
            except BaseException as e:  # every error counts against the engine or valuenet
                errors.append(e)
                with lock:
                    lock.notify_all()
                return
            with lock:
                seen.append(answer)
                answered[i] += 1
                if asked_after:
                    seen_after.append(answer)
                    answered_after[i] += 1
                lock.notify_all()
            stop.wait(PAUSE_S)

    def before_publishing(run_id: str) -> None:
        with lock:
            lock.wait_for(lambda: bool(errors) or min(answered) > 0, timeout=MAX_QUERY_TIMEOUT_S)

    threads = [threading.Thread(target=reader, args=(i,)) for i in range(READERS)]
    for t in threads:
        t.start()
    try:
        rec = run_job(
            graph,
            PAGERANK,
            backend=backend,
            overrides={"damping_factor": 0.85},
            before_swap=before_publishing,
        )
        published.set()
        with lock:
            lock.wait_for(lambda: bool(errors) or min(answered_after) > 0, timeout=MAX_QUERY_TIMEOUT_S)
    finally:
        stop.set()
        for t in threads:
            t.join(MAX_QUERY_TIMEOUT_S)
    after = _answer(graph)
    print(
        f"{len(seen)} answers, {len(seen_after)} of them to questions asked after the publication;"
        f" publication {rec.facts['publish_s']} s"
    )
    assert errors == []
    assert before != after  # two different runs, so a mix would show
    mixed = [answer for answer in seen if answer not in (before, after)]
    assert mixed == [], f"{len(mixed)} of {len(seen)} answers mix two runs"
    assert min(answered_after) > 0 and all(answer == after for answer in seen_after)
    assert read_scores(graph, "pagerank")[0] == rec.id


# -- a busy engine: ArcadeDB's admission gate refuses what it cannot start (Bolt: a TransientError) ---------
BUSY = TransientError("Query not started because it waited 600000ms in the queue")


@pytest.fixture
def quick_retries(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(db, "BUSY_PAUSE_S", 0.01)


def _refusing(graph: Graph, monkeypatch: pytest.MonkeyPatch, refusals: int) -> list[int]:
    """The engine refuses the first `refusals` attempts of each read-only query; returns the attempts."""
    attempts: list[int] = []
    run = graph._readonly_tx

    def refuse_first(*args: Any) -> db.ReadResult:
        attempts.append(len(attempts))
        if len(attempts) <= refusals:
            raise BUSY
        return run(*args)

    monkeypatch.setattr(graph, "_readonly_tx", refuse_first)
    return attempts


@pytest.mark.usefixtures("quick_retries")
def test_a_reader_the_engine_deferred_is_run_again(graph: Graph, monkeypatch: pytest.MonkeyPatch) -> None:
    attempts = _refusing(graph, monkeypatch, refusals=db.BUSY_RETRIES)
    assert graph.run_readonly("RETURN 1 AS one").rows == [{"one": 1}]
    assert len(attempts) == db.BUSY_RETRIES + 1


@pytest.mark.usefixtures("quick_retries")
def test_a_reader_is_run_again_a_bounded_number_of_times(
    graph: Graph, monkeypatch: pytest.MonkeyPatch
) -> None:
    attempts = _refusing(graph, monkeypatch, refusals=db.BUSY_RETRIES + 1)
    with pytest.raises(TransientError):
        graph.run_readonly("RETURN 1 AS one")
    assert len(attempts) == db.BUSY_RETRIES + 1


def test_a_reader_is_not_run_again_past_its_timeout(graph: Graph, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(db, "BUSY_PAUSE_S", MAX_QUERY_TIMEOUT_S)
    attempts = _refusing(graph, monkeypatch, refusals=1)
    with pytest.raises(TransientError):
        graph.run_readonly("RETURN 1 AS one", timeout=5)
    assert len(attempts) == 1


class _Busy(http.server.BaseHTTPRequestHandler):
    """ArcadeDB's HTTP command API whose admission gate refuses the first `refusals` commands (503)."""

    refusals = 0
    answered: ClassVar[list[int]] = []  # the status of each answer

    def do_POST(self) -> None:
        self.rfile.read(int(self.headers["Content-Length"] or 0))
        status = 503 if len(self.answered) < self.refusals else 200
        self.answered.append(status)
        body = b'{"detail": "Query not started"}' if status == 503 else b'{"result": [{"count": 7}]}'
        self.send_response(status)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args: Any) -> None:
        pass


Bulk = Callable[[int], tuple[Callable[[], list[db.Row]], list[int]]]


@pytest.fixture
def bulk_against() -> Iterator[Bulk]:
    """`bulk_against(k)`: a bulk command to a loopback server that refuses its first k attempts, and the
    statuses that server answered."""
    servers: list[http.server.ThreadingHTTPServer] = []

    def make(refusals: int) -> tuple[Callable[[], list[db.Row]], list[int]]:
        handler = type("Handler", (_Busy,), {"refusals": refusals, "answered": []})
        httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
        servers.append(httpd)
        threading.Thread(target=httpd.serve_forever, daemon=True).start()
        bulk = db._ArcadeHttp(f"http://127.0.0.1:{httpd.server_address[1]}", "valuenet", ("u", "p"))
        return lambda: bulk.command("sql", "UPDATE Organization SET x = 1"), handler.answered

    yield make
    for httpd in servers:
        httpd.shutdown()
        httpd.server_close()


@pytest.mark.usefixtures("quick_retries")
def test_a_bulk_command_the_engine_deferred_is_run_again(bulk_against: Bulk) -> None:
    command, answered = bulk_against(db.BUSY_RETRIES)
    assert command() == [{"count": 7}]
    assert answered == [503] * db.BUSY_RETRIES + [200]


@pytest.mark.usefixtures("quick_retries")
def test_a_bulk_command_is_run_again_a_bounded_number_of_times(bulk_against: Bulk) -> None:
    command, answered = bulk_against(db.BUSY_RETRIES + 1)
    with pytest.raises(db.BulkWriteError, match="Query not started"):
        command()
    assert answered == [503] * (db.BUSY_RETRIES + 1)
