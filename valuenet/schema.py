"""Schema as versioned migrations: `cypher/schema/V<NNN>__<name>.cypher`, applied in order, once each.

Each applied file is recorded as `(:SchemaMigration {version, name, checksum, applied_at})`. Statements are
written `IF NOT EXISTS`, so re-running a file is harmless; a recorded file whose text has changed since is
an error (add a new version instead of editing an applied one).
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass

from valuenet import queries
from valuenet.db import Graph

_VERSION = re.compile(r"V(\d+)__(\w+)$")


class MigrationError(RuntimeError):
    pass


@dataclass(frozen=True)
class Migration:
    version: int
    name: str
    statements: list[str]
    checksum: str


@dataclass(frozen=True)
class ApplyResult:
    applied: list[Migration]
    already: list[Migration]

    @property
    def version(self) -> int:
        return max((m.version for m in self.applied + self.already), default=0)


def migrations() -> list[Migration]:
    """The migration files shipped in `cypher/schema/`, in version order."""
    out: list[Migration] = []
    for f in queries.list_dir("schema"):
        m = _VERSION.search(f.path.stem)
        if not m:
            raise MigrationError(f"{f.path}: migration files are named V<number>__<name>.cypher")
        checksum = hashlib.sha256(f.text.encode("utf-8")).hexdigest()[:16]
        out.append(Migration(int(m.group(1)), m.group(2), f.statements, checksum))
    versions = [m.version for m in out]
    if len(set(versions)) != len(versions):
        raise MigrationError(f"duplicate migration versions in cypher/schema: {sorted(versions)}")
    return sorted(out, key=lambda m: m.version)


def applied(graph: Graph) -> dict[int, str]:
    """Version -> checksum of the migrations recorded in the graph."""
    return {int(r["version"]): str(r["checksum"]) for r in graph.run(queries.text("engine/schema_applied"))}


def apply(graph: Graph) -> ApplyResult:
    """Apply every migration not yet recorded; idempotent."""
    done = applied(graph)
    new: list[Migration] = []
    old: list[Migration] = []
    for mig in migrations():
        if mig.version in done:
            if done[mig.version] != mig.checksum:
                raise MigrationError(
                    f"Migration V{mig.version:03d}__{mig.name} was changed after it was applied "
                    f"(checksum {done[mig.version]} in the graph, {mig.checksum} on disk). "
                    "Restore the file and add a new V<next>__*.cypher migration instead."
                )
            old.append(mig)
            continue
        for statement in mig.statements:
            graph.run(statement)
        graph.write(
            queries.text("engine/schema_record"),
            {"version": mig.version, "name": mig.name, "checksum": mig.checksum},
        )
        new.append(mig)
    return ApplyResult(applied=new, already=old)
