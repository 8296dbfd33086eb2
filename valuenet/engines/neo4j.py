"""Neo4j 5.26 LTS Community + GDS + APOC as valuenet's local server, assembled from Maven Central.

The process is `java ... org.neo4j.server.CommunityEntryPoint`, started directly (no wrapper script), with
the distribution of valuenet/engines/neo4j_dist.py on the classpath. In the state folder:

    neo4j/dist/<name>/        the assembled distribution, reused (VALUENET_NEO4J_DIST moves it)
    neo4j/credentials.json    user `neo4j` and the password generated on first start (mode 0600)
    neo4j/server/             Neo4j's home: conf/neo4j.conf (written at each start), data/, import/, run/
    logs/neo4j/               Neo4j's own logs (neo4j.log, debug.log); logs/server.log has the JVM's output

Only Bolt listens, on 127.0.0.1 (HTTP and HTTPS are off: valuenet speaks Bolt). Heap (VALUENET_HEAP) and page
cache (VALUENET_PAGECACHE) are explicit, by default sized from the store at each start (HEAP_RULE,
PAGECACHE_RULE); GDS and APOC procedures are unrestricted; usage reporting is off.
Community Edition holds one user database (no CREATE DATABASE); valuenet names it `valuenet`.
"""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

from valuenet.config import DEFAULT_DATABASE, Settings
from valuenet.engines import (
    Credentials,
    Launch,
    MemoryRule,
    Paths,
    ServerError,
    machine_memory,
    new_password,
    read_private,
    write_private,
)
from valuenet.engines.neo4j_dist import Distribution, assemble, find_java, read_lock

ADMIN_USER = "neo4j"
MAIN_CLASS = "org.neo4j.server.CommunityEntryPoint"
ADMIN_CLASS = "org.neo4j.cli.AdminTool"
# As the Neo4j 5.26 distribution's neo4j.conf starts its JVM, minus -XX:+AlwaysPreTouch (it would commit the
# whole heap at once on a shared machine), plus exit on OutOfMemoryError so that `status` sees the death.
JVM_FLAGS = [
    "-XX:+UseG1GC",
    "-XX:-OmitStackTraceInFastThrow",
    "-XX:+UnlockExperimentalVMOptions",
    "-XX:+TrustFinalNonStaticFields",
    "-XX:+DisableExplicitGC",
    "-XX:+ExitOnOutOfMemoryError",
    "-Djdk.nio.maxCachedBufferSize=1024",
    "-Dio.netty.tryReflectionSetAccessible=true",
    "-Djdk.tls.ephemeralDHKeySize=2048",
    "-Djdk.tls.rejectClientInitiatedRenegotiation=true",
    "--add-opens=java.base/java.nio=ALL-UNNAMED",
    "--add-opens=java.base/java.io=ALL-UNNAMED",
    "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED",
    "--enable-native-access=ALL-UNNAMED",
    "-Dlog4j2.disable.jmx=true",
    "-Dfile.encoding=UTF-8",
]


def server_home(paths: Paths) -> Path:
    return paths.home / "neo4j" / "server"


def store_dir(paths: Paths) -> Path:
    """The databases' store files (without the transaction logs, kept in data/transactions)."""
    return server_home(paths) / "data" / "databases"


# The heap when VALUENET_HEAP is not set: 1 GB up to a store of ~170 MB (the 1x graph's is ~110 MB), then 3x
# the store + 512 MB. The store alone, not the transaction logs beside it (~500 MB after a 1x load, kept up
# to 1 GB), which made the 1x heap 3.5 GB. What needs heap at 1x is small: the questions' live set ~70 MB
# (-Xlog:gc), the publication's 5,000-node transactions ~300 MB of the transaction memory (70% of the heap),
# GDS's projections of 44k nodes a few MB.
HEAP_RULE = MemoryRule(min_mb=1024, per_mb_on_disk=3, base_mb=512, max_share=0.5, on_disk="the store")
# The page cache when VALUENET_PAGECACHE is not set: the store and its growth, at least 512 MB (an empty
# state folder's, which the 1x load fills to ~110 MB). Neo4j takes most of the page cache's memory as pages
# are read, not all: on an empty store a 4g page cache started 150 MB more resident than a 512m one.
PAGECACHE_RULE = MemoryRule(min_mb=512, per_mb_on_disk=1.5, base_mb=256, max_share=0.25, on_disk="the store")


def default_pagecache(paths: Paths, total_memory: int) -> str:
    """The page cache when VALUENET_PAGECACHE is not set (PAGECACHE_RULE over the store)."""
    return PAGECACHE_RULE.size(store_dir(paths), total_memory)


def dist_root(settings: Settings) -> Path:
    configured = settings.valuenet_neo4j_dist
    return Path(configured).expanduser().resolve() if configured else settings.home / "neo4j" / "dist"


class Neo4jServer:
    name = "neo4j"
    start_timeout_s = 300.0  # the first start creates the system and valuenet databases

    def describe(self) -> str:
        lock = read_lock()
        return f"Neo4j {lock.neo4j_version} Community + GDS {lock.gds_version} + APOC {lock.apoc_version}"

    def credentials_file(self, paths: Paths) -> Path:
        return paths.home / "neo4j" / "credentials.json"

    def credentials(self, paths: Paths) -> Credentials:
        """User `neo4j` for everything: Community Edition has no roles (no read-only user)."""
        path = self.credentials_file(paths)
        data = read_private(path)
        if not data:
            data = {"username": ADMIN_USER, "password": new_password()}
            write_private(path, data)
        user = (str(data["username"]), str(data["password"]))
        return Credentials(root=user, app=user)

    def ready(self, settings: Settings, paths: Paths, credentials: Credentials) -> None:
        pass  # its one user was made before the first start (prepare)

    def ports(self, settings: Settings) -> list[tuple[str, int]]:
        return [("Bolt", settings.valuenet_bolt_port)]

    def database(self, settings: Settings) -> str:
        if settings.neo4j_database and settings.neo4j_database != DEFAULT_DATABASE:
            raise ServerError(
                f"NEO4J_DATABASE={settings.neo4j_database}: Neo4j Community Edition holds one database, "
                f"which valuenet names {DEFAULT_DATABASE!r}. Unset NEO4J_DATABASE for the local Neo4j server."
            )
        return DEFAULT_DATABASE

    def data_dir(self, paths: Paths) -> Path:
        return server_home(paths) / "data"

    def default_heap(self, paths: Paths, total_memory: int) -> str:
        """HEAP_RULE over the store alone (not its transaction logs)."""
        return HEAP_RULE.size(store_dir(paths), total_memory)

    def describe_memory(self) -> str:
        return f"{HEAP_RULE.describe()}; page cache {PAGECACHE_RULE.describe()}"

    def prepare(self, settings: Settings, paths: Paths, password: str) -> Launch:
        java = find_java()
        dist = assemble(dist_root(settings))
        home = server_home(paths)
        conf = write_conf(settings, paths, dist)
        if not (home / "data" / "dbms" / "auth.ini").exists():
            # Before the first start only; the password goes through a private file, never the command line.
            run_admin(settings, paths, ["dbms", "set-initial-password", password], java=java, dist=dist)
        heap = settings.valuenet_heap
        argv = [
            java,
            f"-Xms{heap}",
            f"-Xmx{heap}",
            *JVM_FLAGS,
            "-cp",
            dist.classpath,
            MAIN_CLASS,
            f"--home-dir={home}",
            f"--config-dir={conf.parent}",
        ]
        return Launch(argv)

    def is_server_process(self, cmdline: list[str], paths: Paths) -> bool:
        return MAIN_CLASS in cmdline and f"--home-dir={server_home(paths)}" in cmdline

    def create_database(self, settings: Settings, paths: Paths, name: str) -> None:
        raise ServerError(f"cannot create database {name!r}: {_ONE_DATABASE}")

    def drop_database(self, settings: Settings, paths: Paths, name: str) -> None:
        raise ServerError(f"cannot drop database {name!r}: {_ONE_DATABASE}")


SERVER = Neo4jServer()
_ONE_DATABASE = f"Neo4j Community Edition holds one database ({DEFAULT_DATABASE})"


def write_conf(settings: Settings, paths: Paths, dist: Distribution) -> Path:
    """neo4j.conf from the settings, rewritten at each start (edit VALUENET_* rather than this file)."""
    home = server_home(paths)
    conf = home / "conf" / "neo4j.conf"
    conf.parent.mkdir(parents=True, exist_ok=True)
    port = settings.valuenet_bolt_port
    pagecache = settings.valuenet_pagecache or default_pagecache(paths, machine_memory())
    lines = [
        "# Written by valuenet at each start (valuenet/engines/neo4j.py): set VALUENET_* instead of editing.",
        f"initial.dbms.default_database={DEFAULT_DATABASE}",
        "server.default_listen_address=127.0.0.1",
        "server.default_advertised_address=127.0.0.1",
        f"server.bolt.listen_address=127.0.0.1:{port}",
        "server.http.enabled=false",
        "server.https.enabled=false",
        # No heap before a first start (neo4j-admin runs on its own -Xmx; `start` always sizes one).
        *(
            [f"server.memory.heap.initial_size={heap}", f"server.memory.heap.max_size={heap}"]
            if (heap := settings.valuenet_heap)
            else []
        ),
        f"server.memory.pagecache.size={pagecache}",
        *(
            [f"dbms.memory.transaction.total.max={tx_memory}"]
            if (tx_memory := settings.valuenet_neo4j_tx_memory)
            else []
        ),
        f"server.directories.data={home / 'data'}",
        f"server.directories.import={home / 'import'}",
        f"server.directories.run={home / 'run'}",
        f"server.directories.logs={paths.logs / 'neo4j'}",
        f"server.directories.plugins={dist.plugins}",
        "dbms.security.procedures.unrestricted=gds.*,apoc.*",
        "dbms.usage_report.enabled=false",  # no network at run time
        "db.tx_log.rotation.retention_policy=1G size",  # a local analytics store: keep the logs bounded
    ]
    conf.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return conf


def run_admin(
    settings: Settings,
    paths: Paths,
    args: list[str],
    *,
    java: str | None = None,
    dist: Distribution | None = None,
) -> subprocess.CompletedProcess[str]:
    """`neo4j-admin ARGS` of the assembled distribution against this state folder's server (e.g.
    `database import full`). Arguments travel in a private @file (picocli), so none shows in `ps`."""
    java = java or find_java()
    dist = dist or assemble(dist_root(settings))
    home = server_home(paths)
    if not (home / "conf" / "neo4j.conf").exists():
        write_conf(settings, paths, dist)
    argfile = home / "run" / "admin.args"
    argfile.parent.mkdir(parents=True, exist_ok=True)
    fd = os.open(argfile, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as f:
        f.write("\n".join(_quote_arg(a) for a in args) + "\n")
    try:
        done = subprocess.run(
            [java, "-Xmx512m", *JVM_FLAGS, "-cp", dist.classpath, ADMIN_CLASS, f"@{argfile}"],
            env={**os.environ, "NEO4J_HOME": str(home), "NEO4J_CONF": str(home / "conf")},
            capture_output=True,
            text=True,
            check=False,
        )
    finally:
        argfile.unlink(missing_ok=True)
    if done.returncode != 0:
        shown = " ".join(args[:2])  # never all arguments: the initial password is one
        output = (done.stdout + done.stderr).strip()
        raise ServerError(f"neo4j-admin {shown} failed (exit code {done.returncode}):\n{output}")
    return done


def _quote_arg(arg: str) -> str:
    """One picocli @file argument: quoted, so that spaces and quotes in it survive."""
    return '"' + arg.replace("\\", "\\\\").replace('"', '\\"') + '"'
