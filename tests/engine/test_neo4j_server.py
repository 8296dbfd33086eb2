"""The local Neo4j + GDS server (`valuenet server start --engine neo4j`) is the real thing: Neo4j 5.26
Community with GDS 2.13 and APOC, the admin import tool beside it, and every other command unchanged."""

from __future__ import annotations

import json
from pathlib import Path

import psutil
import pytest

from tests.cli_support import run_cli
from tests.loader_support import EXAMPLES
from valuenet import server
from valuenet.config import Settings
from valuenet.db import Graph
from valuenet.engines import Paths
from valuenet.engines.neo4j import run_admin

pytestmark = [pytest.mark.neo4j, pytest.mark.gds]


@pytest.fixture(scope="module")
def graph(neo4j_graph: Graph) -> Graph:
    return neo4j_graph  # the session's Neo4j, emptied for this module


def test_engine_is_neo4j_5_26_community_with_gds_2_13(graph: Graph) -> None:
    e = graph.engine()
    assert (e.product, e.edition) == ("Neo4j", "community")
    assert e.version.startswith("5.26.")
    assert e.gds_version is not None and e.gds_version.startswith("2.13.")
    assert e.database == "valuenet"
    assert graph.run("RETURN apoc.version() AS v")[0]["v"].startswith("5.26.")


def test_gds_page_rank_on_a_three_node_cycle(graph: Graph) -> None:
    # a -> b -> c -> a, plus c -> b: b collects the most rank, a the least (GDS defaults: damping 0.85)
    graph.write(
        "CREATE (a:Organization {id: 'a'})-[:EMPOWERS]->(b:Organization {id: 'b'})"
        "-[:EMPOWERS]->(c:Organization {id: 'c'})-[:EMPOWERS]->(a), (c)-[:EMPOWERS]->(b)"
    )
    graph.run("CALL gds.graph.project('tiny', 'Organization', 'EMPOWERS')")
    try:
        rows = graph.run(
            "CALL gds.pageRank.stream('tiny') YIELD nodeId, score "
            "RETURN gds.util.asNode(nodeId).id AS id, score ORDER BY score DESC"
        )
    finally:
        graph.run("CALL gds.graph.drop('tiny') YIELD graphName RETURN graphName")
    assert [r["id"] for r in rows] == ["b", "c", "a"]
    assert sum(r["score"] for r in rows) == pytest.approx(2.884, abs=1e-3)


def test_every_other_command_works_unchanged(neo4j_engine: Settings) -> None:
    info = run_cli(["info"], neo4j_engine)
    assert info.returncode == 0, info.stderr
    assert "Neo4j 5.26." in info.stdout and "2.13." in info.stdout
    status = run_cli(["server", "status"], neo4j_engine)
    assert status.returncode == 0, status.stderr
    assert f"bolt://127.0.0.1:{neo4j_engine.valuenet_bolt_port}" in status.stdout
    rows = run_cli(["cypher", "--format", "json", "RETURN gds.version() AS gds"], neo4j_engine)
    assert rows.returncode == 0, rows.stderr
    assert json.loads(rows.stdout)[0]["gds"].startswith("2.13.")
    refused = run_cli(["cypher", "CREATE (n:X) RETURN n"], neo4j_engine)
    assert refused.returncode == 3 and "Writes are not allowed" in refused.stderr


def test_an_analysts_query_gets_the_engines_warnings_as_one_line_each(
    neo4j_engine: Settings, graph: Graph
) -> None:
    # Neo4j warns about names the graph has never held. The driver would log each as a multi-line WARNING
    # record to stderr (and for the system's own queries too); valuenet says it once, where it points.
    query = "MATCH (n:NoSuchLabelEver) RETURN n.no_such_property_ever AS x"
    result = graph.run_readonly(query)
    assert result.rows == []
    assert any(
        "`NoSuchLabelEver` does not exist" in w and "(line 1, column 10)" in w for w in result.engine_warnings
    )
    assert any("`no_such_property_ever` does not exist" in w for w in result.engine_warnings)
    done = run_cli(["cypher", query], neo4j_engine)
    assert done.returncode == 0, done.stderr
    assert "the engine warns: label does not exist" in done.stderr
    assert "Received notification" not in done.stderr


def test_schema_load_and_jobs_run_on_it(neo4j_engine: Settings, graph: Graph) -> None:
    for args in (["schema", "apply"], ["load", "--dimensions"], ["load", str(EXAMPLES / "mapping.yaml")]):
        done = run_cli(args, neo4j_engine)
        assert done.returncode == 0, f"{args}: {done.stderr}"
    assert graph.run("MATCH (o:Sample) RETURN count(o) AS n")[0]["n"] > 0
    jobs = run_cli(["jobs", "run", "degree_tech", "wcc", "--backend", "local", "-f", "json"], neo4j_engine)
    assert jobs.returncode == 0, jobs.stderr
    assert [r["status"] for r in json.loads(jobs.stdout)] == ["succeeded", "succeeded"]
    assert graph.run("MATCH (o:Sample) WHERE o.degree_tech IS NOT NULL RETURN count(o) AS n")[0]["n"] > 0


def test_the_admin_import_tool_comes_with_the_distribution(neo4j_engine: Settings) -> None:
    done = run_admin(neo4j_engine, Paths(neo4j_engine.home), ["database", "import", "full", "--help"])
    assert "--nodes" in done.stdout and "--relationships" in done.stdout


def test_community_edition_has_one_database_and_says_so(neo4j_engine: Settings) -> None:
    with pytest.raises(server.ServerError, match="Neo4j Community Edition holds one database"):
        server.create_database(neo4j_engine, "another")


def test_heap_and_page_cache_are_sized_from_the_store_by_default(tmp_path: Path) -> None:
    from tests.conftest import neo4j_settings
    from valuenet.engines.neo4j import server_home

    s = neo4j_settings(tmp_path)
    s.valuenet_heap = s.valuenet_pagecache = ""  # as for a user who sets neither
    try:
        st = server.start(s)
        assert st.running and "heap 1024m, sized from the data" in st.message
        assert st.pid is not None
        assert "-Xmx1024m" in psutil.Process(st.pid).cmdline()  # an empty state folder: the minimum
        conf = (server_home(Paths(tmp_path)) / "conf" / "neo4j.conf").read_text(encoding="utf-8")
        assert "server.memory.pagecache.size=512m" in conf.splitlines()
    finally:
        server.stop(s)
