"""The Neo4j distribution's lock, its verification, and the messages when Java or Maven is missing
(no engine, no network: fake jars and fake `java` scripts in a temp folder)."""

from __future__ import annotations

import hashlib
import re
import stat
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from tests.conftest import free_port
from valuenet import server
from valuenet.config import Settings
from valuenet.engines import neo4j_dist
from valuenet.engines.neo4j import SERVER as NEO4J
from valuenet.engines.neo4j_dist import DistError, Jar, Lock, parse_lock, read_lock, verify

POM_NS = {"m": "http://maven.apache.org/POM/4.0.0"}


def test_the_lock_pins_neo4j_5_26_gds_2_13_and_apoc_with_checksums() -> None:
    lock = read_lock()
    assert lock.neo4j_version.startswith("5.26.")
    assert lock.gds_version.startswith("2.13.")
    assert lock.apoc_version.startswith("5.26.")
    assert all(re.fullmatch(r"[0-9a-f]{64}", j.sha256) for j in lock.jars)
    assert len({j.coordinate for j in lock.jars}) == len(lock.jars)
    assert {j.folder for j in lock.jars if j.group == "org.neo4j.gds"} == {"plugins"}
    assert {j.folder for j in lock.jars if j.group == "org.neo4j"} == {"lib"}


def test_every_dependency_the_pom_asks_for_is_locked_at_its_version() -> None:
    pom = ET.fromstring((neo4j_dist.DATA / "pom.xml").read_text(encoding="utf-8"))
    properties = pom.find("m:properties", POM_NS)
    assert properties is not None
    props = {p.tag.split("}")[1]: p.text for p in properties}
    wanted = {
        (d.findtext("m:groupId", namespaces=POM_NS), d.findtext("m:artifactId", namespaces=POM_NS)): re.sub(
            r"\$\{([^}]+)\}", lambda m: str(props[m[1]]), d.findtext("m:version", namespaces=POM_NS) or ""
        )
        for d in pom.iterfind("m:dependencies/m:dependency", POM_NS)
    }
    locked = {(j.group, j.artifact): j.version for j in read_lock().jars}
    assert {key: locked.get(key) for key in wanted} == wanted


def test_a_bad_lock_line_is_named() -> None:
    with pytest.raises(DistError, match=r"neo4j.lock line 2: expected"):
        parse_lock("# header\nnot-a-checksum  org.neo4j:neo4j:5.26.24\n")


def fake_dist(tmp: Path) -> tuple[Path, Lock]:
    """A two-jar distribution and the lock that matches it."""
    jars = []
    for group, artifact, folder in (("org.neo4j", "neo4j", "lib"), ("org.neo4j.gds", "proc", "plugins")):
        content = f"{group}:{artifact}".encode()
        jar = Jar(group, artifact, "1.0", "", hashlib.sha256(content).hexdigest())
        (tmp / folder).mkdir(exist_ok=True)
        (tmp / folder / jar.file_name).write_bytes(content)
        jars.append(jar)
    return tmp, Lock(tuple(jars))


def test_verify_accepts_the_locked_jars_and_names_a_tampered_one(tmp_path: Path) -> None:
    home, lock = fake_dist(tmp_path)
    verify(home, lock)
    (home / "plugins" / "org.neo4j.gds.proc-1.0.jar").write_bytes(b"tampered")
    with pytest.raises(DistError, match=r"org.neo4j.gds.proc-1.0.jar: SHA-256 .* differs from the lock's"):
        verify(home, lock)


def test_verify_refuses_a_jar_the_lock_does_not_list(tmp_path: Path) -> None:
    home, lock = fake_dist(tmp_path)
    (home / "lib" / "evil.jar").write_bytes(b"x")
    with pytest.raises(DistError, match=r"holds jars the lock does not list: lib/evil.jar"):
        verify(home, lock)


def test_the_fetch_pom_names_every_locked_jar_without_transitive_dependencies() -> None:
    lock = read_lock()
    pom = ET.fromstring(neo4j_dist.locked_pom(lock))
    deps = pom.findall("m:dependencies/m:dependency", POM_NS)
    assert len(deps) == len(lock.jars)
    assert all(d.findtext("m:exclusions/m:exclusion/m:artifactId", namespaces=POM_NS) == "*" for d in deps)
    classified = [d for d in deps if d.findtext("m:classifier", namespaces=POM_NS)]
    assert len(classified) == sum(1 for j in lock.jars if j.classifier)


def fake_java(folder: Path, version: str) -> Path:
    """A JAVA_HOME whose bin/java prints `version` the way `java -version` does (on stderr)."""
    java = folder / "bin" / "java"
    java.parent.mkdir(parents=True)
    java.write_text(f"#!/bin/sh\necho 'openjdk version \"{version}\" 2025-01-01' >&2\n", encoding="utf-8")
    java.chmod(java.stat().st_mode | stat.S_IXUSR)
    return java


def test_java_17_or_newer_is_found_through_java_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    java = fake_java(tmp_path, "21.0.4")
    monkeypatch.setenv("JAVA_HOME", str(tmp_path))
    assert neo4j_dist.find_java() == str(java)


def test_an_old_java_says_what_to_install(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    fake_java(tmp_path, "11.0.2")
    monkeypatch.setenv("JAVA_HOME", str(tmp_path))
    with pytest.raises(DistError, match=r"Java 17 or newer; .*bin/java is Java 11\. Install .*openjdk-17"):
        neo4j_dist.find_java()


def test_no_java_and_no_maven_say_what_to_install(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("JAVA_HOME", raising=False)
    monkeypatch.setenv("PATH", str(tmp_path))  # an empty folder: neither java nor mvn
    with pytest.raises(DistError, match=r"no `java` on PATH\. Install a Java 17 or 21 runtime"):
        neo4j_dist.find_java()
    with pytest.raises(DistError, match=r"needs Maven \(`mvn`\), which is not on PATH\. Install Maven"):
        neo4j_dist.find_maven()
    reason = neo4j_dist.missing_requirements()
    assert reason is not None and "Java 17" in reason


def test_make_neo4j_skips_without_the_tools_except_where_neo4j_is_required(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.delenv("JAVA_HOME", raising=False)
    monkeypatch.setenv("PATH", str(tmp_path))
    monkeypatch.delenv("CI", raising=False)
    monkeypatch.delenv("VALUENET_REQUIRE_NEO4J", raising=False)
    args = ["assemble", "--unless-missing-tools", str(tmp_path / "dist")]
    assert neo4j_dist.main(args) == 0
    assert "its tests will skip: Neo4j needs Java 17" in capsys.readouterr().out
    monkeypatch.setenv("VALUENET_REQUIRE_NEO4J", "1")  # as .ci/run does
    assert neo4j_dist.main(args) == 1
    assert "Neo4j is required here" in capsys.readouterr().out
    assert not (tmp_path / "dist").exists()


def test_start_without_java_fails_before_any_process_starts(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("JAVA_HOME", raising=False)
    monkeypatch.setenv("PATH", str(tmp_path / "empty"))
    s = Settings(
        _env_file=None, neo4j_uri=None, valuenet_home=tmp_path / "home", valuenet_bolt_port=free_port()
    )
    with pytest.raises(server.ServerError, match=r"Neo4j needs Java 17 or newer"):
        server.start(s, engine="neo4j")
    assert not (tmp_path / "home" / "server.pid").exists()


def test_the_one_community_database_is_valuenet() -> None:
    with pytest.raises(server.ServerError, match=r"NEO4J_DATABASE=other: Neo4j Community Edition holds one"):
        NEO4J.database(Settings(_env_file=None, neo4j_database="other"))
    assert NEO4J.database(Settings(_env_file=None, neo4j_database=None)) == "valuenet"
