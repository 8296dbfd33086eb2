"""The local server's lifecycle as a user meets it, on each engine: start, start again, stop, stop again,
kill -9, a taken port, and a driver connecting with the credentials that `status` shows."""

from __future__ import annotations

import base64
import json
import os
import signal
import socket
import stat
import subprocess
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import networkx as nx
import psutil
import pytest
from neo4j import GraphDatabase  # the test plays the analyst's own script connecting from outside
from neo4j.exceptions import AuthError

from gds_jobs.runner import read_scores
from tests.cli_support import VALUENET, cli_env, run_cli
from tests.conftest import embedded_settings, neo4j_settings
from tests.jobs_fixtures import load_nx
from valuenet import schema, server
from valuenet.config import MAX_QUERY_TIMEOUT_S, Settings
from valuenet.db import Graph
from valuenet.engines import Paths, arcadedb, engine_server

ENGINES = [
    pytest.param("arcadedb", id="arcadedb"),
    pytest.param("neo4j", id="neo4j", marks=pytest.mark.neo4j),
]


def settings_for(engine: str, home: Path) -> Settings:
    if engine == "neo4j":
        return neo4j_settings(home)
    return embedded_settings(home)


@pytest.fixture(scope="module", params=ENGINES)
def own_server(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[Settings]:
    s = settings_for(request.param, tmp_path_factory.mktemp(f"lifecycle-{request.param}"))
    s.valuenet_heap = "1g"
    yield s
    server.stop(s)


def test_start_status_and_connect_with_shown_credentials(own_server: Settings) -> None:
    st = server.start(own_server)
    assert st.running and st.message.startswith("started")
    shown = server.status(own_server)
    assert shown.running and shown.pid == st.pid
    assert shown.uri == f"bolt://127.0.0.1:{own_server.valuenet_bolt_port}"
    # the started server's connection is the shown one, HTTP API included (the bulk paths use it)
    assert st.connection() == shown.connection()
    with GraphDatabase.driver(shown.uri, auth=(shown.username, shown.password)) as driver:
        records, _, _ = driver.execute_query("RETURN 1 AS x", database_=shown.database)
        assert records[0]["x"] == 1
    # the generated password is private to the user
    engine = engine_server(own_server.valuenet_engine)
    assert stat.S_IMODE(engine.credentials_file(Paths(own_server.home)).stat().st_mode) == 0o600
    assert stat.S_IMODE((own_server.home / "server.json").stat().st_mode) == 0o600
    # loopback only: the server listens on its ports (Bolt; ArcadeDB's HTTP too), on no other interface
    listening = [
        c for c in psutil.net_connections("tcp") if c.pid == st.pid and c.status == psutil.CONN_LISTEN
    ]
    assert {port for _, port in engine.ports(own_server)} <= {c.laddr.port for c in listening}
    assert all(c.laddr.ip in ("127.0.0.1", "::ffff:127.0.0.1") for c in listening)
    assert (own_server.home / "logs" / "server.log").read_text().count("ready on 127.0.0.1") >= 1


def test_second_start_reports_already_running(own_server: Settings) -> None:
    first = server.status(own_server)
    again = server.start(own_server)
    assert again.running and again.pid == first.pid
    assert "already running" in again.message


def test_starting_the_other_engine_beside_it_is_refused(own_server: Settings) -> None:
    other = "arcadedb" if own_server.valuenet_engine == "neo4j" else "neo4j"
    with pytest.raises(server.ServerError, match=rf"Cannot start {other}: the .* server already runs"):
        server.start(own_server, engine=other)
    assert server.status(own_server).running


@pytest.mark.parametrize("engine", ENGINES)
def test_port_taken_by_another_process_gives_a_clear_message(engine: str, tmp_path: Path) -> None:
    s = settings_for(engine, tmp_path)
    with socket.socket() as blocker:
        blocker.bind(("127.0.0.1", s.valuenet_bolt_port))
        blocker.listen()
        with pytest.raises(
            server.ServerError, match=rf"Bolt port 127.0.0.1:{s.valuenet_bolt_port} is already in use"
        ):
            server.start(s)
    assert not (tmp_path / "server.pid").exists()


def test_stop_then_stop_again(own_server: Settings) -> None:
    pid = server.status(own_server).pid
    assert pid is not None
    assert server.stop(own_server) == f"stopped (pid {pid})"
    assert not psutil.pid_exists(pid) or psutil.Process(pid).status() == psutil.STATUS_ZOMBIE
    assert server.stop(own_server) == "not running: nothing to stop"
    assert not server.status(own_server).running


def test_data_survives_restart_and_kill_9_is_recovered(own_server: Settings) -> None:
    st = server.start(own_server)
    assert st.uri and st.username and st.password
    with GraphDatabase.driver(st.uri, auth=(st.username, st.password)) as driver:
        driver.execute_query("CREATE (:Organization {id: 'durable', name_zh: '持久'})", database_=st.database)
    assert st.pid is not None
    os.kill(st.pid, signal.SIGKILL)
    for _ in range(300):  # a killed JVM can take seconds to exit under load
        if not psutil.pid_exists(st.pid) or psutil.Process(st.pid).status() == psutil.STATUS_ZOMBIE:
            break
        time.sleep(0.1)
    dead = server.status(own_server)
    assert not dead.running and "died" in dead.message
    again = server.start(own_server)
    assert again.running and again.pid != st.pid
    assert "cleaned up after a server that died" in again.message
    assert again.password == st.password  # the generated password is kept across restarts
    assert again.uri and again.username and again.password
    with GraphDatabase.driver(again.uri, auth=(again.username, again.password)) as driver:
        records, _, _ = driver.execute_query(
            "MATCH (o:Organization {id: 'durable'}) RETURN o.name_zh AS n", database_=again.database
        )
    assert [r["n"] for r in records] == ["持久"]


# The embedded engine's crash case (issue 15); on Neo4j the lifecycle's kill -9 above covers the engine.
@pytest.mark.parametrize("own_server", ["arcadedb"], indirect=True)
def test_engine_killed_during_a_job_run(own_server: Settings) -> None:
    """kill -9 of the engine while `valuenet jobs run` runs: the command ends with a clean message; after
    a restart the next run takes over the dead run's lock, records the unfinished run as failed and
    publishes; readers get one run's scores (the plain property equals the published run's)."""
    st = server.start(own_server)
    with Graph(st.connection()) as g:
        schema.apply(g)
        load_nx(g, nx.gnm_random_graph(2000, 8000, seed=7))
    env = cli_env(own_server)
    proc = subprocess.Popen(
        [*VALUENET, "jobs", "run"], env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    )
    try:
        with Graph(st.connection()) as g:
            for _ in range(600):  # until a run is in progress (bounded: each look is a query)
                if g.run("MATCH (r:JobRun {status: 'running'}) RETURN count(r) AS n")[0]["n"]:
                    break
                time.sleep(0.2)
            else:
                pytest.fail("no job run started")
        assert st.pid is not None
        os.kill(st.pid, signal.SIGKILL)
        _, err = proc.communicate(timeout=600)
    finally:
        proc.kill()
    assert proc.returncode == 5, err
    assert "Traceback" not in err and "cannot reach" in " ".join(err.split())
    server.start(own_server)
    again = run_cli(["jobs", "run", "pagerank"], own_server)
    said = " ".join(again.stderr.split())
    assert again.returncode == 0, again.stderr
    assert "took over the job run lock of a run that died" in said and "as failed" in said
    with Graph(server.status(own_server).connection()) as g:
        assert g.run("MATCH (r:JobRun {status: 'running'}) RETURN count(r) AS n") == [{"n": 0}]
        run_id, published = read_scores(g, "pagerank")
        plain = {
            r["id"]: r["p"]
            for r in g.run(
                "MATCH (n:Organization) WHERE n.pagerank IS NOT NULL RETURN n.id AS id, n.pagerank AS p"
            )
        }
        assert run_id is not None and len(published) == 2000 and plain == published


@pytest.mark.parametrize("own_server", ["arcadedb"], indirect=True)  # Neo4j's HTTP port is off
def test_engine_settings_for_concurrent_readers(own_server: Settings) -> None:
    """The bulk property writes run in an HTTP transaction, which ArcadeDB expires when its next command
    comes too late (measured: 8 s between two commands fine, 40 s "not found or expired"), and a command may
    wait in the query admission queue first. That queue is JVM-wide and its defaults (4 queries at once,
    30 s of waiting) refused readers during a job run under load, and would hold back the stop of a runaway
    query: the server raises both (valuenet/engines/arcadedb.py)."""
    assert server.start(own_server).running  # a no-op when an earlier test of the module started it
    creds = json.loads((own_server.home / "credentials.json").read_text())
    auth = "Basic " + base64.b64encode(f"{creds['username']}:{creds['password']}".encode()).decode()
    request = urllib.request.Request(
        f"http://127.0.0.1:{own_server.valuenet_http_port}/api/v1/server?mode=default",
        headers={"Authorization": auth},
    )
    with urllib.request.urlopen(request, timeout=30) as answer:
        settings = {s["key"]: s["value"] for s in json.load(answer)["settings"]}
    assert settings["arcadedb.server.httpSessionExpireTimeout"] >= 600
    assert settings["arcadedb.queryMaxConcurrent"] == arcadedb.QUERY_MAX_CONCURRENT
    assert settings["arcadedb.queryQueueTimeout"] == MAX_QUERY_TIMEOUT_S * 1000


@pytest.mark.parametrize("own_server", ["arcadedb"], indirect=True)  # Neo4j's HTTP port is off
def test_failed_root_logins_do_not_lock_valuenet_out(own_server: Settings) -> None:
    """Anyone on the machine can fail five logins as `root` on the HTTP port, and ArcadeDB then locks root
    out for about a minute (over Bolt too). valuenet's own users have names nobody can guess, so its
    connections, the console's included, go on. Last in the module: root stays locked out for a while."""
    st = server.status(own_server)
    assert st.running
    root_password = json.loads((own_server.home / "credentials.json").read_text())["password"]
    wrong = "Basic " + base64.b64encode(b"root:not-the-password").decode()
    for _ in range(6):
        request = urllib.request.Request(
            f"http://127.0.0.1:{own_server.valuenet_http_port}/api/v1/server",
            data=b'{"command": "list databases"}',
            headers={"Authorization": wrong, "Content-Type": "application/json"},
        )
        with pytest.raises(urllib.error.HTTPError):
            urllib.request.urlopen(request, timeout=30)
    root_driver = GraphDatabase.driver(st.uri or "", auth=("root", root_password))
    with root_driver, pytest.raises(AuthError):  # the lock-out is real
        root_driver.execute_query("RETURN 1 AS x", database_=st.database)
    with Graph(st.connection()) as g:
        assert g.run("RETURN 1 AS x") == [{"x": 1}]
        assert g.run_readonly("RETURN 1 AS x").rows == [{"x": 1}]


def test_the_default_heap_is_sized_from_the_data(tmp_path: Path) -> None:
    s = embedded_settings(tmp_path)
    s.valuenet_heap = ""  # as for a user who sets no VALUENET_HEAP
    try:
        st = server.start(s)
        assert st.running and f"heap {arcadedb.HEAP_RULE.min_mb}m, sized from the data" in st.message
        assert st.pid is not None
        argv = psutil.Process(st.pid).cmdline()
        assert (
            argv[argv.index("--heap") + 1] == f"{arcadedb.HEAP_RULE.min_mb}m"
        )  # an empty state folder: the minimum
    finally:
        server.stop(s)
