"""The question library without an engine: every question loads and is documented, parameters are checked
before anything reaches the engine, and headers take the graph model's lists where they name them."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest

from valuenet import queries, questions
from valuenet.model import MODEL


def test_library_loads_and_every_question_is_documented() -> None:
    lib = questions.library()
    assert len(lib) >= 20
    for q in lib.values():
        assert q.title_zh and q.title_en and q.answers, q.id
        # the explanation in both languages: the explorer shows answers_zh on Chinese pages
        assert q.answers_zh.strip(), f"{q.id}: header lacks answers_zh"
        assert re.search(r"[\u4e00-\u9fff]", q.answers_zh), f"{q.id}: answers_zh has no Chinese"
        cjk = "[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]"
        joined = re.search(f"{cjk} {cjk}", q.answers_zh)
        assert not joined, f"{q.id}: answers_zh lines joined with a space (end each with a backslash)"
        for p in q.params.values():
            if p.choices:
                assert (queries.CYPHER_DIR / "choices" / f"{p.choices}.cypher").is_file(), (q.id, p.name)


@pytest.mark.parametrize(
    ("params", "message"),
    [
        ({}, "needs parameter 'industry'"),
        ({"industry": "C36"}, "needs parameter 'place'"),
        ({"industry": "C36", "place": "440100", "side": "both"}, "not allowed"),
        ({"industry": "C36", "place": "440100", "limit": "many"}, "not a valid int"),
        ({"industry": "C36", "place": "440100", "limit": 0}, "below the minimum"),
        ({"industry": "C36", "place": "440100", "city": "440100"}, "has no parameter 'city'"),
    ],
)
def test_parameters_are_validated_before_the_engine(params: dict[str, Any], message: str) -> None:
    with pytest.raises(questions.QuestionError, match=message):
        questions.get("who_empowers_industry_in_place").validate(params)


def test_unknown_question_suggests_close_ids() -> None:
    with pytest.raises(questions.QuestionError, match="Did you mean who_empowers_industry_in_place"):
        questions.get("who_empowers")


def test_a_header_takes_the_graph_models_lists() -> None:
    types = questions.get("ego_network").params["types"]
    assert types.allowed == MODEL.org_relationship_types and types.default == list(
        MODEL.org_relationship_types
    )
    assert "PART_OF" in types.allowed  # structure counts for an ego network, not for the value network
    kind = questions.get("top_by_degree").params["kind"]
    assert kind.allowed == ("any", *MODEL.kind_labels, "Platform")
    with pytest.raises(questions.QuestionError, match="'FUNDS' is not allowed"):
        types.convert(["EMPOWERS", "FUNDS"])


def test_a_query_has_only_the_filters_in_use() -> None:
    q = questions.get("top_by_degree")
    plain = q.query(q.validate({"relation": "tech", "among": "sample"}))
    assert plain.startswith("MATCH (o:Sample)") and "$edition" not in plain and "$place" not in plain
    assert queries.used_parameters(plain) == {"limit"}
    narrowed = q.query(
        q.validate({"relation": "study", "kind": "University", "edition": 2021, "place": "PRD"})
    )
    assert narrowed.startswith("MATCH (o:University)") and "r.experience = 'study'" in narrowed
    assert queries.used_parameters(narrowed) == {"edition", "place", "limit"}


def test_a_template_shapes_only_on_listed_values(tmp_path: Path) -> None:
    p = tmp_path / "shaped.cypher"
    p.write_text(
        "// title_zh: 测试\n// title_en: T\n// answers: a\n// params:\n//   name: {type: str, default: x}\n"
        "MATCH (n) WHERE n.name = '{{ choice.name }}' RETURN n\n"
    )
    with pytest.raises(queries.QueryFileError, match="only a parameter with `allowed` values or a bool"):
        questions._question(queries.parse(p, "shaped"))


def test_a_question_cannot_take_a_map(tmp_path: Path) -> None:
    p = tmp_path / "mapq.cypher"
    p.write_text(
        "// title_zh: 测试\n// title_en: T\n// answers: a\n// params:\n//   m: {type: map}\nRETURN $m\n"
    )
    with pytest.raises(questions.QuestionError, match=r"mapq\.cypher: a question's parameters take"):
        questions._question(queries.parse(p, "mapq"))


def test_ego_network_reads_its_kept_view_only_for_what_the_view_holds() -> None:
    """org_ego keeps each hub's view of every type at depth 1, as many partners as max_nodes can show."""
    from valuenet import aggregates

    q = questions.get("ego_network")
    assert (q.aggregate, q.aggregate_part) == ("org_ego", "org")
    assert q.params["max_nodes"].maximum - 1 == aggregates.EGO_SHOWN
    every = list(reversed(MODEL.org_relationship_types))
    assert q.answered_by_aggregate({"org": "x", "depth": 1, "types": every, "max_nodes": 3})
    assert not q.answered_by_aggregate({"org": "x", "depth": 2, "types": every, "max_nodes": 3})
    assert not q.answered_by_aggregate({"org": "x", "depth": 1, "types": every[1:], "max_nodes": 3})
