"""The loader's lookups of ids and name keys in the graph: by index, or by one read of every organisation when
the graph holds fewer than `SCAN_OVER` times as many as a load asks about (the reference data's second layer
asks about 44k ids against the first layer's 284; a reload asks about every one). Both give the same
answers; the read is only taken when it costs less."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from loader import resolve
from loader.write import render
from valuenet.db import Graph

EVERY = "RETURN collect([o.id, o.name_key]) AS organizations"  # loader/organization_keys


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
    assert sum(EVERY in q for q in ran) == 2


def test_a_graph_holding_more_than_asked_but_under_scan_over_times_is_read_once(
    three: Graph, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A reload's case: the load asks about most of what the graph holds (here 2 of 3)."""
    monkeypatch.setattr(resolve, "LOOKUP_BATCH", 1)
    ran = _queries(three, monkeypatch)
    assert resolve.existing_ids(three, {"a", "x"}) == {"a"}
    assert resolve.ids_by_name_key(three, ["甲", "丙"]) == {"甲": "a"}
    assert not any("UNWIND" in q for q in ran)
    assert sum(EVERY in q for q in ran) == 2


def test_a_graph_with_scan_over_times_as_many_organisations_is_looked_up(
    three: Graph, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(resolve, "LOOKUP_BATCH", 1)
    monkeypatch.setattr(resolve, "SCAN_OVER", 1)  # 3 held, 3 or 2 asked: looked up
    ran = _queries(three, monkeypatch)
    assert resolve.existing_ids(three, {"a", "x", "y"}) == {"a"}
    assert resolve.ids_by_name_key(three, ["甲", "丙"]) == {"甲": "a"}
    assert sum("UNWIND" in q for q in ran) == 5  # 3 ids and 2 keys, one per query at this batch size
    assert not any(EVERY in q for q in ran)


def test_a_graph_holding_no_organisation_answers_nothing(fresh_graph: Callable[..., Graph]) -> None:
    g = fresh_graph("lookups_empty")
    assert resolve.existing_ids(g, {f"id{i}" for i in range(resolve.LOOKUP_BATCH + 1)}) == set()
    assert resolve.ids_by_name_key(g, [f"k{i}" for i in range(resolve.LOOKUP_BATCH + 1)]) == {}
