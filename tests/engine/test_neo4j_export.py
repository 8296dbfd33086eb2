"""Export proven: the scale-1 reference graph on the embedded ArcadeDB, exported as neo4j-admin CSVs and
imported by `valuenet export --format admin --import` (the real `neo4j-admin database import full` of the
session's assembled Neo4j) into a fresh Neo4j state folder, arrives whole: the same count per label and per
relationship type, the same checksum over every property, and it answers a library question alike.

The source is the session's shared reference graph (loaded once for the suite anyway), not a smaller one:
it carries every label, relationship type and property type the loader writes (arrays, booleans, longs,
doubles, synthetic flags), and its export plus import costs about as much as loading a smaller graph would.
The target is a second state folder with its own Neo4j server for this module (Community Edition holds one
database, and neo4j-admin imports into a stopped one only), on the session's distribution.
"""

from __future__ import annotations

import subprocess
from collections.abc import Iterator

import pytest

from loader.export import Fingerprint, fingerprint, neo4j_target
from tests.cli_support import VALUENET, cli_env
from tests.conftest import neo4j_settings, running
from valuenet import questions
from valuenet.config import Settings
from valuenet.db import Graph, connect
from valuenet.engines import ServerError

pytestmark = [pytest.mark.neo4j, pytest.mark.timeout(1800)]  # a scale-1 export, import and Neo4j start


@pytest.fixture(scope="module")
def exported(
    engine_settings: Settings, reference_graph: Graph, tmp_path_factory: pytest.TempPathFactory
) -> tuple[subprocess.CompletedProcess[str], Settings]:
    """`valuenet export --format admin --import --into HOME` as an operator runs it, against the reference
    graph; returns the run and the target's Settings (its Neo4j server not started)."""
    home = tmp_path_factory.mktemp("neo4j-import-home")
    target = neo4j_settings(home)  # skips (or fails on CI) without Java and Maven
    out = tmp_path_factory.mktemp("export")
    env = {
        **cli_env(engine_settings, reference_graph.info.database),
        "VALUENET_NEO4J_DIST": str(target.valuenet_neo4j_dist),
    }
    args = ["export", "--format", "admin", "--out", str(out), "--import", "--into", str(home)]
    done = subprocess.run([*VALUENET, *args], capture_output=True, text=True, env=env, timeout=1500)
    return done, target


@pytest.fixture(scope="module")
def imported(exported: tuple[subprocess.CompletedProcess[str], Settings]) -> Iterator[Graph]:
    done, target = exported
    assert done.returncode == 0, done.stdout + done.stderr
    with running(target):
        g = connect(target)
        try:
            yield g
        finally:
            g.close()


@pytest.fixture(scope="module")
def source_fingerprint(reference_graph: Graph) -> Fingerprint:
    return fingerprint(reference_graph)


def test_cli_reports_the_import_and_refuses_to_replace_it(
    exported: tuple[subprocess.CompletedProcess[str], Settings], reference_graph: Graph
) -> None:
    done, target = exported
    assert done.returncode == 0, done.stdout + done.stderr
    assert f"imported into the Neo4j database of {target.home}" in done.stdout
    assert "IMPORT DONE" in done.stdout
    # neo4j-admin CSV has no empty array: the 13 dimension nodes without aliases (aliases: []) and the
    # organisations that org_degrees gives no reachable-only-through examples (the loader writes its counts
    # with the organisations it creates)
    no_examples = reference_graph.read(
        "MATCH (o:Organization) WHERE size(o.links_only_through_examples) = 0 RETURN count(o) AS n"
    )[0]["n"]
    assert f"{13 + no_examples} empty array value(s) have no neo4j-admin CSV form" in done.stderr
    assert f"VALUENET_HOME={target.home} valuenet server start --engine neo4j" in done.stdout
    with pytest.raises(ServerError, match=r"already holds a Neo4j database .* Pass --overwrite"):
        neo4j_target(target)  # before its server starts (the next tests start it)


def test_counts_per_label_and_type_equal(imported: Graph, source_fingerprint: Fingerprint) -> None:
    got = fingerprint(imported)
    assert got.labels == source_fingerprint.labels
    assert got.relationship_types == source_fingerprint.relationship_types
    assert (got.nodes, got.relationships) == (source_fingerprint.nodes, source_fingerprint.relationships)
    assert source_fingerprint.nodes > 40_000 and source_fingerprint.relationships > 150_000


def test_property_checksum_equal(imported: Graph, source_fingerprint: Fingerprint) -> None:
    assert fingerprint(imported).checksum == source_fingerprint.checksum


# (top_by_degree also returns labels(o), whose order is the engine's: ArcadeDB and Neo4j differ there.)
@pytest.mark.parametrize("question", ["provinces_ranked"])
def test_a_question_answers_alike(imported: Graph, reference_graph: Graph, question: str) -> None:
    rows = questions.ask(imported, question, {})[2].rows
    assert rows == questions.ask(reference_graph, question, {})[2].rows


def test_import_refuses_a_running_server(
    imported: Graph, exported: tuple[subprocess.CompletedProcess[str], Settings]
) -> None:
    _, target = exported
    with pytest.raises(ServerError, match=r"is running .* Stop it first with `valuenet server stop`"):
        neo4j_target(target, overwrite=True)
