"""Golden answers: every library question, asked with the parameter sets of tests/data/golden/cases.yaml
on the hand-built graph and on the scale-1 reference graph, answers exactly what it answered before the speed
rewrite (issue 16). They guard each reshaped query against ArcadeDB's known wrong answers in exactly the
fast shapes (COUNT{} returning a node, CALL{UNION ALL} dropping branches, count(*) with an inline WHERE).
A question that reads a maintained aggregate (valuenet/aggregates.py) answers the same from it as live."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from tests import golden_support as golden
from tests.conftest import load_question_fixture
from valuenet import aggregates, queries, questions
from valuenet.db import Graph
from valuenet.model import MODEL


def _params(graph: str, *, aggregated: bool = False) -> list[Any]:
    return [
        pytest.param(qid, params, id=golden.case_id(qid, params))
        for qid, params in golden.cases(graph)
        if not aggregated or questions.get(qid).aggregate
    ]


def test_every_question_every_parameter_and_every_query_shape_has_a_golden_case() -> None:
    """Each parameter is given at least once; a parameter whose value shapes the query text (`choice.<name>`
    in its template) is given every allowed value (a list parameter: each allowed element in some list)."""
    asked: dict[str, list[dict[str, Any]]] = {}
    for graph in golden.GRAPHS:
        for qid, params in golden.cases(graph):
            asked.setdefault(qid, []).append(params)
    assert sorted(asked) == sorted(questions.library())
    missing = []
    for qid, sets in asked.items():
        q = questions.get(qid)
        source = queries.load(f"questions/{qid}").source
        for name, p in q.params.items():
            values = {str(s[name]) for s in sets if name in s}
            if not values:
                missing.append(f"{qid}.{name}: never given")
            if f"choice.{name}" in source:
                shaping = p.allowed if p.allowed is not None else [True, False]
                if p.type == "list":
                    values = {str(v) for s in sets if isinstance(s.get(name), list) for v in s[name]}
                    missing += [f"{qid}.{name}: {v} in no list" for v in shaping if str(v) not in values]
                    continue
                missing += [f"{qid}.{name}={v}" for v in shaping if str(v) not in values | {str(p.default)}]
    assert not missing, f"not covered by tests/data/golden/cases.yaml: {missing}"


def test_every_case_has_a_captured_answer() -> None:
    for graph in golden.GRAPHS:
        wanted = {golden.case_id(qid, params) for qid, params in golden.cases(graph)}
        assert wanted == set(golden.load(graph)), (
            f"{golden.path(graph)}: re-capture (tests/golden_support.py)"
        )


def _answers_as_captured(g: Graph, graph: str, qid: str, params: dict[str, Any]) -> None:
    expected = golden.load(graph)[golden.case_id(qid, params)]
    assert golden.differences(expected, golden.ask(g, qid, params)) == []


@pytest.mark.parametrize(("qid", "params"), _params("hand"))
def test_hand_built_graph(question_graph: Graph, qid: str, params: dict[str, Any]) -> None:
    _answers_as_captured(question_graph, "hand", qid, params)


def _answers_from_the_aggregate(g: Graph, graph: str, qid: str, params: dict[str, Any]) -> None:
    assert aggregates.freshness(g, str(questions.get(qid).aggregate)).fresh
    _answers_as_captured(g, graph, qid, params)


def _aggregated_once(g: Graph) -> Graph:
    """A shared graph with its aggregates computed, once its module's live cases have run (file order)."""
    if not all(aggregates.freshness(g, name).fresh for name in MODEL.aggregates):
        aggregates.refresh(g)
    return g


@pytest.fixture(scope="module")
def aggregated_question_graph(fresh_graph: Callable[..., Graph]) -> Graph:
    """The hand-built graph with its aggregates computed, on a database of its own."""
    return _aggregated_once(load_question_fixture(fresh_graph("questions_aggregated")))


@pytest.mark.parametrize(("qid", "params"), _params("hand", aggregated=True))
def test_hand_built_graph_from_the_aggregates(
    aggregated_question_graph: Graph, qid: str, params: dict[str, Any]
) -> None:
    _answers_from_the_aggregate(aggregated_question_graph, "hand", qid, params)


@pytest.fixture(scope="module")
def neo4j_question_graph(neo4j_graph: Graph) -> Graph:
    """The same hand-built graph on the local Neo4j (issue 12: every question, the same rows on both)."""
    return load_question_fixture(neo4j_graph)


@pytest.mark.neo4j
@pytest.mark.parametrize(("qid", "params"), _params("hand"))
def test_hand_built_graph_on_neo4j(neo4j_question_graph: Graph, qid: str, params: dict[str, Any]) -> None:
    _answers_as_captured(neo4j_question_graph, "hand", qid, params)


@pytest.mark.neo4j
@pytest.mark.parametrize(("qid", "params"), _params("hand", aggregated=True))
def test_hand_built_graph_on_neo4j_from_the_aggregates(
    neo4j_question_graph: Graph, qid: str, params: dict[str, Any]
) -> None:
    _answers_from_the_aggregate(_aggregated_once(neo4j_question_graph), "hand", qid, params)


@pytest.fixture(scope="module")
def golden_reference(reference_graph: Graph) -> Graph:
    golden.prepare_reference(reference_graph)
    return reference_graph


@pytest.mark.slow
@pytest.mark.parametrize(("qid", "params"), _params("reference"))
def test_reference_graph(golden_reference: Graph, qid: str, params: dict[str, Any]) -> None:
    _answers_as_captured(golden_reference, "reference", qid, params)


@pytest.mark.slow
@pytest.mark.parametrize(("qid", "params"), _params("reference", aggregated=True))
def test_reference_graph_from_the_aggregates(
    golden_reference: Graph, qid: str, params: dict[str, Any]
) -> None:
    _answers_from_the_aggregate(_aggregated_once(golden_reference), "reference", qid, params)


# org_ego: no organisation of the hand-built graph has EGO_HUB_PARTNERS partners: these keep every one's view
EGO_CASES = [p for p in _params("hand") if p.values[0] == "ego_network"]


def _every_ego_view_kept(g: Graph) -> Graph:
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(aggregates, "EGO_HUB_PARTNERS", 1)
        patch.setattr(aggregates, "PARTS_PER_WRITE", 2)  # and written in several statements
        aggregates.refresh(g, names=["org_ego"])
    return g


def _answers_from_its_ego_view(g: Graph, params: dict[str, Any]) -> None:
    q = questions.get("ego_network")
    asked = questions.validated(g, q, params)
    kept = aggregates.part_freshness(g, "org_ego", asked["org"]).state
    known = bool(g.read("MATCH (o:Organization {id: $id}) RETURN o.id AS id", {"id": asked["org"]}))
    if q.answered_by_aggregate(asked):
        assert kept == ("fresh" if known else "missing")
    _answers_as_captured(g, "hand", "ego_network", params)


@pytest.fixture(scope="module")
def every_ego_view_kept(fresh_graph: Callable[..., Graph]) -> Graph:
    return _every_ego_view_kept(load_question_fixture(fresh_graph("questions_ego")))


@pytest.mark.parametrize(("qid", "params"), EGO_CASES)
def test_hand_built_graph_from_every_ego_view(
    every_ego_view_kept: Graph, qid: str, params: dict[str, Any]
) -> None:
    _answers_from_its_ego_view(every_ego_view_kept, params)


def test_a_stale_ego_view_is_never_read(every_ego_view_kept: Graph) -> None:
    g = every_ego_view_kept
    aggregates.mark_stale(g)
    try:
        assert aggregates.part_freshness(g, "org_ego", "huawei").state == "stale"
        result = questions.ask(g, "ego_network", {"org": "华为"})[2]
        assert any("org_ego" in note and "counted live" in note for note in result.notes)
        expected = golden.load("hand")[golden.case_id("ego_network", {"org": "华为"})]
        assert golden.differences(expected, golden.canonical("ego_network", result.rows)) == []
    finally:
        _every_ego_view_kept(g)


@pytest.mark.neo4j
@pytest.mark.parametrize(("qid", "params"), EGO_CASES)
def test_hand_built_graph_on_neo4j_from_every_ego_view(
    neo4j_question_graph: Graph, qid: str, params: dict[str, Any]
) -> None:
    g = neo4j_question_graph
    if not aggregates.part_freshness(g, "org_ego", "huawei").fresh:
        _every_ego_view_kept(g)
    _answers_from_its_ego_view(g, params)
