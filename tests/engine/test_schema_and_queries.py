"""Schema migrations on the engine: applied once, versions recorded, an edited applied migration refused.
(The `.cypher` header checks need no engine: tests/unit/test_query_files.py.)"""

from __future__ import annotations

from collections.abc import Callable

import pytest

from valuenet import schema
from valuenet.db import Graph


def test_migrations_apply_once_and_record_versions(fresh_graph: Callable[..., Graph]) -> None:
    g = fresh_graph("mig", apply_schema=False)
    first = schema.apply(g)
    assert [m.version for m in first.applied] == [m.version for m in schema.migrations()]
    second = schema.apply(g)
    assert second.applied == [] and second.version == first.version
    recorded = schema.applied(g)
    assert set(recorded) == {m.version for m in schema.migrations()}
    constraints = g.run("SHOW CONSTRAINTS YIELD name RETURN count(*) AS n")[0]["n"]
    assert constraints >= 10


def test_changed_applied_migration_is_refused(fresh_graph: Callable[..., Graph]) -> None:
    g = fresh_graph("mig2")
    g.write("MATCH (m:SchemaMigration {version: 1}) SET m.checksum = 'edited-since'")
    with pytest.raises(schema.MigrationError, match="changed after it was applied"):
        schema.apply(g)
