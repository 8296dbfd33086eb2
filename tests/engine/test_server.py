"""The embedded server's lifecycle as a user meets it: start, start again, stop, stop again, kill -9,
a taken port, and a driver connecting with the credentials that `status` shows."""

from __future__ import annotations

import os
import signal
import socket
import stat
import time
from collections.abc import Iterator
from pathlib import Path

import psutil
import pytest
from neo4j import GraphDatabase  # the test plays the analyst's own script connecting from outside

from tests.conftest import embedded_settings
from valuenet import server
from valuenet.config import Settings


@pytest.fixture(scope="module")
def own_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Settings]:
    s = embedded_settings(tmp_path_factory.mktemp("lifecycle"))
    s.valuenet_heap = "1g"
    yield s
    server.stop(s)


def test_start_status_and_connect_with_shown_credentials(own_server: Settings) -> None:
    st = server.start(own_server)
    assert st.running and st.message.startswith("started")
    shown = server.status(own_server)
    assert shown.running and shown.pid == st.pid
    assert shown.uri == f"bolt://127.0.0.1:{own_server.valuenet_bolt_port}"
    with GraphDatabase.driver(shown.uri, auth=(shown.username, shown.password)) as driver:
        records, _, _ = driver.execute_query("RETURN 1 AS x", database_=shown.database)
        assert records[0]["x"] == 1
    # the generated password is private to the user
    mode = stat.S_IMODE((own_server.home / "credentials.json").stat().st_mode)
    assert mode == 0o600
    # loopback only: nothing listens on the Bolt port on another interface
    conns = [
        c for c in psutil.net_connections("tcp") if c.laddr and c.laddr.port == own_server.valuenet_bolt_port
    ]
    assert conns and all(c.laddr.ip in ("127.0.0.1", "::ffff:127.0.0.1") for c in conns)
    assert (own_server.home / "logs" / "server.log").read_text().count("ready on 127.0.0.1") >= 1


def test_second_start_reports_already_running(own_server: Settings) -> None:
    first = server.status(own_server)
    again = server.start(own_server)
    assert again.running and again.pid == first.pid
    assert "already running" in again.message


def test_port_taken_by_another_process_gives_a_clear_message(tmp_path: Path) -> None:
    s = embedded_settings(tmp_path)
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
