"""The hubs' ego views org_degrees keeps (links_ego_*, valuenet/aggregates.py): ego_network answers from them
exactly as it ranks and expands live, on both engines. The hand-built graph has no hub of 100 partners, so
the threshold is lowered here: every organisation with a few partners keeps its view."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from tests import golden_support as golden
from tests.conftest import load_question_fixture
from valuenet import aggregates, questions
from valuenet.db import Graph

WITH_PARTNERS = (
    "MATCH (o:Organization) WITH o, COUNT { MATCH (o)--(x:Organization) RETURN DISTINCT x } AS partners "
    "WHERE partners >= $least RETURN o.id AS id ORDER BY id"
)
VIEWS = (
    "MATCH (o:Organization) WHERE o.links_ego_partners IS NOT NULL "
    "RETURN o.id AS id, size(o.links_ego_partners) AS kept ORDER BY id"
)


def _ego_answers(g: Graph, orgs: list[str]) -> dict[tuple[str, int, int], list[dict[str, Any]]]:
    q = questions.get("ego_network")
    return {
        (org, depth, max_nodes): golden.canonical(
            "ego_network",
            questions.run(g, q, q.validate({"org": org, "depth": depth, "max_nodes": max_nodes})).rows,
        )
        for org in orgs
        for depth in (1, 2)
        for max_nodes in (3, 200)  # 3: the view cut to two partners (the ranking and its relations)
    }


def _views_answer_as_live(g: Graph, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(aggregates, "HUB_PARTNERS", 2)
    hubs = [r["id"] for r in g.read(WITH_PARTNERS, {"least": 2})]
    fewer = [r["id"] for r in g.read(WITH_PARTNERS, {"least": 3})]
    # asked of a few: hubs cut at max_nodes 3, and hubs of two partners only (no hub at the second refresh)
    asked = fewer[:4] + [h for h in hubs if h not in fewer][:2]
    assert len(asked) == 6
    assert aggregates.freshness(g, "org_degrees").state == "missing"
    live = _ego_answers(g, asked)

    aggregates.refresh(g, names=["org_degrees"])
    assert [r["id"] for r in g.read(VIEWS)] == hubs
    assert _ego_answers(g, asked) == live

    # fewer hubs: the others' views emptied (read as none), their answers still ranked live
    monkeypatch.setattr(aggregates, "HUB_PARTNERS", 3)
    aggregates.refresh(g, names=["org_degrees"])
    kept = {r["id"]: r["kept"] for r in g.read(VIEWS)}
    assert {k for k, n in kept.items() if n} == set(fewer) and set(kept) == set(hubs)
    assert _ego_answers(g, asked) == live


def test_ego_views_answer_as_live(fresh_graph: Callable[..., Graph], monkeypatch: pytest.MonkeyPatch) -> None:
    _views_answer_as_live(load_question_fixture(fresh_graph("ego_views")), monkeypatch)


@pytest.mark.neo4j
def test_ego_views_answer_as_live_on_neo4j(neo4j_graph: Graph, monkeypatch: pytest.MonkeyPatch) -> None:
    _views_answer_as_live(load_question_fixture(neo4j_graph), monkeypatch)
