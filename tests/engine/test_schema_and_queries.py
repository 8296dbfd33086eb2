"""Schema migrations and the house rule that every query lives in a documented .cypher file."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from valuenet import queries, schema
from valuenet.db import Graph

ALL_FILES = queries.list_dir(".")


@pytest.mark.parametrize("f", ALL_FILES, ids=[f.name for f in ALL_FILES])
def test_every_cypher_file_has_a_bilingual_header(f: queries.CypherFile) -> None:
    assert f.text, f"{f.path}: no query after the header"
    for key in ("title_zh", "title_en"):
        assert isinstance(f.meta.get(key), str) and f.meta[key].strip(), f"{f.path}: header lacks {key}"
    assert any(k in f.meta for k in ("answers", "description")), f"{f.path}: header says not what it answers"
    assert "params" in f.meta, f"{f.path}: header lacks params (write `params: {{}}` when there are none)"


def test_header_parsing_and_statement_split(tmp_path: Path) -> None:
    p = tmp_path / "x.cypher"
    p.write_text(
        "// title_zh: 测试\n// title_en: Test\n// params:\n//   a: {type: int, default: 3}\n"
        "MATCH (n) // trailing comment\nRETURN n;\n// a comment between statements\nRETURN 2 AS 'a;b';\n",
        encoding="utf-8",
    )
    f = queries.parse(p, "x")
    assert f.meta == {"title_zh": "测试", "title_en": "Test", "params": {"a": {"type": "int", "default": 3}}}
    assert f.statements == ["MATCH (n) // trailing comment\nRETURN n", "RETURN 2 AS 'a;b'"]


def test_bad_header_is_a_clear_error(tmp_path: Path) -> None:
    p = tmp_path / "bad.cypher"
    p.write_text("// title_zh: [unclosed\nRETURN 1\n", encoding="utf-8")
    with pytest.raises(queries.QueryFileError, match="not valid YAML"):
        queries.parse(p, "bad")


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
