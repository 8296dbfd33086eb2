"""Neo4j Community + GDS + APOC from Maven Central, assembled from the lock kept in the package.

    valuenet/data/neo4j/pom.xml     what valuenet asks for (the direct dependencies and their versions)
    valuenet/data/neo4j/neo4j.lock  every jar Maven resolved from it: coordinates and SHA-256

`assemble(root)` has Maven fetch exactly the locked jars (each without its transitive dependencies: the lock
is the whole set), checks every SHA-256 against the lock and arranges them as a distribution:

    <root>/neo4j-5.26.24-gds-2.13.9-<lock digest>/
        lib/        Neo4j and every third-party jar
        plugins/    GDS and APOC (Neo4j scans only this folder for procedures; both folders are the classpath)
        dist.json   written last: its presence means "assembled"

An assembled distribution is reused, and `verify` checks every jar again before each use. Maven resolves
through its own cache (~/.m2, or `-Dmaven.repo.local` in MAVEN_OPTS), so a second state folder on the same
machine assembles without the network.

`python -m valuenet.engines.neo4j_dist lock` re-resolves pom.xml and rewrites the lock (`make neo4j-lock`);
`... assemble DIR` assembles into DIR (`make neo4j`, part of `make test`).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from valuenet.engines import ServerError, log_tail

DATA = resources.files("valuenet") / "data" / "neo4j"
# Neo4j loads procedures from the jars in its plugins folder only; their third-party dependencies go to lib/.
PLUGIN_GROUPS = frozenset({"org.neo4j.gds", "org.neo4j.procedure"})
# Pinned like every dependency; invoked by its full name so that no project plugin configuration is needed.
DEPENDENCY_PLUGIN = "org.apache.maven.plugins:maven-dependency-plugin:3.8.1"
JAVA_MIN = 17
INSTALL_JAVA = (
    "Install a Java 17 or 21 runtime, e.g. `sudo apt-get install openjdk-17-jre-headless` (Debian/Ubuntu), "
    "`sudo dnf install java-17-openjdk-headless` (Fedora) or `brew install openjdk@17` (macOS), "
    "or set JAVA_HOME to one."
)
INSTALL_MAVEN = (
    "Install Maven 3.6 or newer, e.g. `sudo apt-get install maven` (Debian/Ubuntu), `sudo dnf install maven` "
    "(Fedora) or `brew install maven` (macOS); it needs to reach Maven Central once."
)


class DistError(ServerError):
    """The distribution cannot be assembled or does not match the lock; the message says what to do."""


@dataclass(frozen=True)
class Jar:
    group: str
    artifact: str
    version: str
    classifier: str  # "" for none; e.g. "linux-x86_64" for netty's native transport
    sha256: str

    @property
    def coordinate(self) -> str:
        return ":".join(p for p in (self.group, self.artifact, self.version, self.classifier) if p)

    @property
    def file_name(self) -> str:
        """The name Maven's copy-dependencies gives it with prependGroupId (unique across groups)."""
        suffix = f"-{self.classifier}" if self.classifier else ""
        return f"{self.group}.{self.artifact}-{self.version}{suffix}.jar"

    @property
    def folder(self) -> str:
        return "plugins" if self.group in PLUGIN_GROUPS else "lib"


@dataclass(frozen=True)
class Lock:
    jars: tuple[Jar, ...]

    @property
    def digest(self) -> str:
        """SHA-256 of the locked set (not of comments): names the distribution folder."""
        lines = "\n".join(f"{j.sha256}  {j.coordinate}" for j in self.jars)
        return hashlib.sha256(lines.encode()).hexdigest()

    def version(self, group: str, artifact: str) -> str:
        for j in self.jars:
            if (j.group, j.artifact) == (group, artifact):
                return j.version
        raise DistError(f"the Neo4j lock has no {group}:{artifact}")

    @property
    def neo4j_version(self) -> str:
        return self.version("org.neo4j", "neo4j")

    @property
    def gds_version(self) -> str:
        return self.version("org.neo4j.gds", "proc")

    @property
    def apoc_version(self) -> str:
        return self.version("org.neo4j.procedure", "apoc-core")

    @property
    def dist_name(self) -> str:
        return f"neo4j-{self.neo4j_version}-gds-{self.gds_version}-{self.digest[:12]}"


_LOCK_LINE = re.compile(r"(?P<sha>[0-9a-f]{64})\s+(?P<coord>[\w.\-]+(?::[\w.\-]+){2,3})")


def parse_lock(text: str, source: str = "neo4j.lock") -> Lock:
    jars: list[Jar] = []
    for number, raw in enumerate(text.splitlines(), start=1):
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        m = _LOCK_LINE.fullmatch(line)
        if not m:
            raise DistError(
                f"{source} line {number}: expected '<sha256>  group:artifact:version[:classifier]', "
                f"got {raw!r}"
            )
        group, artifact, version, *classifier = m["coord"].split(":")
        jars.append(Jar(group, artifact, version, classifier[0] if classifier else "", m["sha"]))
    if not jars:
        raise DistError(f"{source} lists no jars")
    return Lock(tuple(jars))


def read_lock() -> Lock:
    return parse_lock((DATA / "neo4j.lock").read_text(encoding="utf-8"))


@dataclass(frozen=True)
class Distribution:
    home: Path
    lock: Lock

    @property
    def lib(self) -> Path:
        return self.home / "lib"

    @property
    def plugins(self) -> Path:
        return self.home / "plugins"

    @property
    def classpath(self) -> str:
        return f"{self.plugins}/*{os.pathsep}{self.lib}/*"


# -- requirements -----------------------------------------------------------------------------------------
def find_java() -> str:
    """The `java` to run Neo4j with (JAVA_HOME first, then PATH), checked to be Java 17 or newer."""
    java_home = os.environ.get("JAVA_HOME")
    java = str(Path(java_home) / "bin" / "java") if java_home else shutil.which("java")
    where = f"JAVA_HOME={java_home}" if java_home else "PATH"
    if not java or not Path(java).is_file():
        raise DistError(
            f"Neo4j needs Java {JAVA_MIN} or newer, and there is no `java` on {where}. {INSTALL_JAVA}"
        )
    major = java_major_version(java)
    if major is None or major < JAVA_MIN:
        found = f"Java {major}" if major else "a Java whose version could not be read"
        raise DistError(f"Neo4j needs Java {JAVA_MIN} or newer; {java} is {found}. {INSTALL_JAVA}")
    return java


def java_major_version(java: str) -> int | None:
    try:
        out = subprocess.run([java, "-version"], capture_output=True, text=True, timeout=60)
    except (OSError, subprocess.TimeoutExpired):
        return None
    m = re.search(r'version "(\d+)(?:\.(\d+))?', out.stderr + out.stdout)
    if not m:
        return None
    major = int(m[1])
    return int(m[2] or 0) if major == 1 else major  # "1.8.0_292" is Java 8


def find_maven() -> str:
    mvn = shutil.which("mvn")
    if not mvn:
        raise DistError(
            f"Assembling Neo4j from Maven Central needs Maven (`mvn`), which is not on PATH. {INSTALL_MAVEN}"
        )
    return mvn


def required() -> bool:
    """Whether this machine must run Neo4j (CI: `.ci/run` sets VALUENET_REQUIRE_NEO4J=1; most CI services
    set CI): then missing Java or Maven is an error, not a reason to skip the Neo4j + GDS tests."""
    return bool(os.environ.get("VALUENET_REQUIRE_NEO4J") or os.environ.get("CI"))


def missing_requirements() -> str | None:
    """Why a Neo4j distribution cannot be assembled and run here, or None when Java and Maven are present."""
    try:
        find_java()
        find_maven()
    except DistError as e:
        return str(e)
    return None


# -- assembly ---------------------------------------------------------------------------------------------
def assemble(root: Path, lock: Lock | None = None, *, log: Path | None = None) -> Distribution:
    """The distribution of `lock` under `root`: verified and reused if assembled, else assembled now."""
    lock = lock or read_lock()
    target = root / lock.dist_name
    if (target / "dist.json").exists():
        verify(target, lock)
        return Distribution(target, lock)
    find_java()  # Maven itself runs on Java: say so before Maven does, less clearly
    mvn = find_maven()
    root.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f"{lock.dist_name}.", suffix=".partial", dir=root))
    try:
        fetched = staging / "fetched"
        (staging / "pom.xml").write_text(locked_pom(lock), encoding="utf-8")
        log = log or root / "maven.log"
        started = time.monotonic()
        with open(log, "w", encoding="utf-8") as out:
            rc = subprocess.run(
                [
                    mvn,
                    "-B",
                    "-ntp",
                    "-Dstyle.color=never",
                    "-f",
                    str(staging / "pom.xml"),
                    f"{DEPENDENCY_PLUGIN}:copy-dependencies",
                    "-Dmdep.prependGroupId=true",
                    f"-DoutputDirectory={fetched}",
                ],
                stdin=subprocess.DEVNULL,
                stdout=out,
                stderr=subprocess.STDOUT,
                check=False,
            ).returncode
        if rc != 0:
            raise DistError(
                f"Maven could not fetch the Neo4j distribution (exit code {rc}); it needs Maven Central "
                f"(https://repo.maven.apache.org) once. Last lines of {log}:\n{log_tail(log, 20)}"
            )
        for folder in ("lib", "plugins"):
            (staging / folder).mkdir()
        for jar in lock.jars:
            src = fetched / jar.file_name
            _check_jar(src, jar)
            src.rename(staging / jar.folder / jar.file_name)
        extra = sorted(p.name for p in fetched.iterdir())
        if extra:
            raise DistError(f"Maven fetched jars the lock does not list: {', '.join(extra)}")
        fetched.rmdir()
        (staging / "pom.xml").unlink()
        (staging / "dist.json").write_text(
            json.dumps(
                {
                    "lock_digest": lock.digest,
                    "neo4j": lock.neo4j_version,
                    "gds": lock.gds_version,
                    "apoc": lock.apoc_version,
                    "jars": len(lock.jars),
                    "assembled_s": round(time.monotonic() - started, 1),
                },
                indent=2,
            ),
            encoding="utf-8",
        )
        staging.rename(target)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    return Distribution(target, lock)


def verify(home: Path, lock: Lock) -> None:
    """Every locked jar present with its SHA-256, and no other jar on the classpath."""
    for jar in lock.jars:
        _check_jar(home / jar.folder / jar.file_name, jar, home)
    expected = {f"{j.folder}/{j.file_name}" for j in lock.jars}
    extra = sorted(f"{folder}/{p.name}" for folder in ("lib", "plugins") for p in (home / folder).iterdir())
    extra = [name for name in extra if name not in expected]
    if extra:
        raise DistError(
            f"{home} holds jars the lock does not list: {', '.join(extra)}. "
            f"Delete {home} and start again to re-assemble it."
        )


def _check_jar(path: Path, jar: Jar, dist: Path | None = None) -> None:
    again = f" Delete {dist} and start again to re-assemble it." if dist else ""
    if not path.is_file():
        raise DistError(f"{jar.coordinate} is missing ({path}).{again}")
    digest = sha256_file(path)
    if digest != jar.sha256:
        raise DistError(
            f"{path}: SHA-256 {digest} differs from the lock's {jar.sha256} for {jar.coordinate}.{again}"
        )


def sha256_file(path: Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


def locked_pom(lock: Lock) -> str:
    """A pom naming every locked jar directly, each without its transitive dependencies."""
    deps = []
    for j in lock.jars:
        classifier = f"<classifier>{j.classifier}</classifier>" if j.classifier else ""
        deps.append(
            f"    <dependency><groupId>{j.group}</groupId><artifactId>{j.artifact}</artifactId>"
            f"<version>{j.version}</version>{classifier}"
            "<exclusions><exclusion><groupId>*</groupId><artifactId>*</artifactId></exclusion></exclusions>"
            "</dependency>"
        )
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<project xmlns="http://maven.apache.org/POM/4.0.0">\n'
        "  <modelVersion>4.0.0</modelVersion>\n"
        "  <groupId>valuenet</groupId><artifactId>valuenet-neo4j-locked</artifactId><version>1</version>\n"
        "  <packaging>pom</packaging>\n"
        "  <dependencies>\n" + "\n".join(deps) + "\n  </dependencies>\n</project>\n"
    )


# -- re-locking (maintainers, after changing pom.xml) -----------------------------------------------------
_LISTED = re.compile(r"^\s*(?P<coord>[^\s:]+:[^\s:]+:jar(?::[^\s:]+){2,3}?):(?P<path>/\S+\.jar)")


def relock() -> Lock:
    """Resolve pom.xml with Maven and write neo4j.lock beside it: every runtime jar with its SHA-256."""
    pom = Path(str(DATA / "pom.xml"))
    with tempfile.TemporaryDirectory() as tmp:
        listing = Path(tmp) / "list.txt"
        subprocess.run(
            [
                find_maven(),
                "-B",
                "-q",
                "-Dstyle.color=never",
                "-f",
                str(pom),
                f"{DEPENDENCY_PLUGIN}:list",
                "-DincludeScope=runtime",
                "-DoutputAbsoluteArtifactFilename=true",
                f"-DoutputFile={listing}",
            ],
            check=True,
        )
        jars = []
        for line in listing.read_text(encoding="utf-8").splitlines():
            m = _LISTED.match(line)
            if not m:
                continue
            group, artifact, _type, *rest = m["coord"].split(":")
            # group:artifact:jar[:classifier]:version:scope
            classifier, version = (rest[0], rest[1]) if len(rest) == 3 else ("", rest[0])
            jars.append(Jar(group, artifact, version, classifier, sha256_file(Path(m["path"]))))
    lock = Lock(tuple(sorted(jars, key=lambda j: j.coordinate)))
    header = (
        "# Every jar of valuenet's local Neo4j server as Maven resolved pom.xml: SHA-256 and coordinates.\n"
        "# Generated by `make neo4j-lock` (valuenet/engines/neo4j_dist.py); do not edit by hand.\n"
        f"# neo4j {lock.neo4j_version}  gds {lock.gds_version}  apoc {lock.apoc_version}  "
        f"({len(lock.jars)} jars)\n"
    )
    body = "".join(f"{j.sha256}  {j.coordinate}\n" for j in lock.jars)
    Path(str(DATA / "neo4j.lock")).write_text(header + body, encoding="utf-8")
    return lock


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m valuenet.engines.neo4j_dist")
    sub = parser.add_subparsers(dest="command", required=True)
    sub.add_parser("lock", help="re-resolve pom.xml and rewrite neo4j.lock")
    build = sub.add_parser("assemble", help="assemble (or verify) the locked distribution under ROOT")
    build.add_argument("root", type=Path)
    build.add_argument(
        "--unless-missing-tools",
        action="store_true",
        help="without Java or Maven: say so and exit 0 (1 where Neo4j is required: CI)",
    )
    args = parser.parse_args(argv)
    missing = missing_requirements()
    if args.command == "assemble" and args.unless_missing_tools and missing:
        if required():
            print(f"Neo4j is required here (VALUENET_REQUIRE_NEO4J or CI) and cannot run: {missing}")
            return 1
        print(f"Neo4j not assembled, its tests will skip: {missing}")
        return 0
    try:
        if args.command == "lock":
            lock = relock()
            print(f"neo4j.lock: {len(lock.jars)} jars, neo4j {lock.neo4j_version}, gds {lock.gds_version}")
        else:
            started = time.monotonic()
            dist = assemble(args.root.resolve())
            print(f"{dist.home} ready ({time.monotonic() - started:.1f} s)")
    except DistError as e:
        print(str(e), file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
