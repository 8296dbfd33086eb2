"""The loader's lookups of ids and name keys in the graph: by index, or by one read of every organisation when
the graph holds fewer than a load asks about (the reference data's second layer asks about 44k ids against
the first layer's 284). Both give the same answers; the read is only taken when it is the smaller one."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from loader import resolve
from loader.write import render
from valuenet.db import Graph


@pytest.fixture
def three(fresh_graph: Callable[..., Graph]) -> Graph:
    """Three organisations, two of them under one name key."""
    g = fresh_graph("lookups")
    rows = [
        {"id": i, "name_key": k, "name_zh": k, "name_en": None, "aliases": [], "props": {}, "dataset": "t"}
        | {"sample_editions": [], "synthetic": False}
        for i, k in (("b", "甲"), ("a", "甲"), ("c", "乙"))
    ]
    g.write_batches(render("create_org", labels=("Enterprise",)), rows)
    return g


def _queries(g: Graph, monkeypatch: pytest.MonkeyPatch) -> list[str]:
    ran: list[str] = []
    run = g.run

    def recording(query: str, params: Any = None) -> Any:
        ran.append(query)
        return run(query, params)

    monkeypatch.setattr(g, "run", recording)
    return ran


def test_a_graph_with_fewer_organisations_than_asked_is_read_once(
    three: Graph, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(resolve, "LOOKUP_BATCH", 2)  # lookups of more than 2 would take several queries
    ran = _queries(three, monkeypatch)
    asked = {"a", "c", "x", "y", "z"}
    assert resolve.existing_ids(three, asked) == {"a", "c"}
    assert resolve.ids_by_name_key(three, ["甲", "乙", "丙", "丁"]) == {"甲": "a", "乙": "c"}  # smallest id
    assert not any("UNWIND" in q for q in ran)  # no lookup: counted, then read
    assert sum("RETURN o.id AS id, o.name_key AS key" in q for q in ran) == 2


def test_a_graph_with_as_many_organisations_is_looked_up(
    three: Graph, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(resolve, "LOOKUP_BATCH", 1)
    ran = _queries(three, monkeypatch)
    assert resolve.existing_ids(three, {"a", "x", "y"}) == {"a"}
    assert resolve.ids_by_name_key(three, ["甲", "丙"]) == {"甲": "a"}
    assert sum("UNWIND" in q for q in ran) == 5  # 3 ids and 2 keys, one per query at this batch size
    assert not any("RETURN o.id AS id, o.name_key AS key" in q for q in ran)
