"""The schema migrations (cypher/schema/) against the graph model: every key the model declares has its
uniqueness constraint and every uniqueness constraint is on a declared key, so the two cannot drift. A new
key label needs a new migration (applied migrations are never edited: valuenet refuses a changed checksum)."""

from __future__ import annotations

import re

from valuenet import schema
from valuenet.model import MODEL

UNIQUE = re.compile(r"CREATE CONSTRAINT (\w+) IF NOT EXISTS FOR \(n:(\w+)\) REQUIRE n\.(\w+) IS UNIQUE")


def constraint_statements() -> list[str]:
    return [s for m in schema.migrations() for s in m.statements if s.upper().startswith("CREATE CONSTRAINT")]


def unique_keys() -> set[tuple[str, str]]:
    """(label, property) of every uniqueness constraint the migrations create."""
    return {(m.group(2), m.group(3)) for s in constraint_statements() if (m := UNIQUE.fullmatch(s.strip()))}


def test_every_constraint_statement_is_understood() -> None:
    odd = [s for s in constraint_statements() if not UNIQUE.fullmatch(s.strip())]
    assert odd == [], "write CREATE CONSTRAINT name IF NOT EXISTS FOR (n:L) REQUIRE n.p IS UNIQUE"


def test_every_key_label_of_the_model_has_its_uniqueness_constraint() -> None:
    missing = sorted(set(MODEL.key_labels) - unique_keys())
    assert missing == [], f"add a migration cypher/schema/V<next>__<name>.cypher constraining {missing}"


def test_every_bookkeeping_key_has_its_uniqueness_constraint() -> None:
    keyed = {(label, b.key) for label, b in MODEL.bookkeeping.items() if b.key is not None}
    assert sorted(keyed - unique_keys()) == []


def test_every_uniqueness_constraint_is_on_a_key_of_the_model() -> None:
    declared = set(MODEL.key_labels) | {(label, b.key) for label, b in MODEL.bookkeeping.items() if b.key}
    assert sorted(unique_keys() - declared) == []
