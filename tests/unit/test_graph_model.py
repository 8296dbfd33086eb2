"""The graph model declaration (valuenet/data/graph_model.yaml) against the public contract
docs/graph-model.md: every name the contract gives is declared, and every declared name is documented."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from valuenet.model import MODEL, GraphModel, load

DOC = (Path(__file__).resolve().parents[2] / "docs" / "graph-model.md").read_text(encoding="utf-8")

# Names the contract writes as `:Label` / `:TYPE` (labels CamelCase, types UPPER_SNAKE).
DOC_LABELS = set(re.findall(r":([A-Z][a-z][A-Za-z]*)\b", DOC))
DOC_TYPES = set(re.findall(r":([A-Z][A-Z_]{2,})\b", DOC))


def test_every_label_of_the_contract_is_declared() -> None:
    declared = {*MODEL.organization_labels, *MODEL.dimensions, *MODEL.bookkeeping}
    assert sorted(DOC_LABELS - declared) == []


def test_every_relationship_type_of_the_contract_is_declared() -> None:
    declared = {*MODEL.relationships, *MODEL.links}
    assert sorted(DOC_TYPES - declared) == []


def test_every_declared_public_name_is_documented() -> None:
    public = {*MODEL.organization_labels, *MODEL.dimensions, *MODEL.relationships, *MODEL.links}
    missing = sorted(n for n in public if f":{n}" not in DOC)
    assert missing == []


def test_organisation_properties_of_the_contract_are_declared() -> None:
    table = DOC[DOC.index("| property | meaning |") : DOC.index("## Relationships")]
    documented = set(re.findall(r"`([a-z_]+)`", table)) - {"degree_tech", "pagerank", "betweenness"}
    documented -= {"community", "clustering"}  # scores the jobs write; gds_jobs documents them
    assert sorted(documented - set(MODEL.organization.properties)) == []


def test_provenance_of_every_relationship_is_declared() -> None:
    for prop in ("editions", "sources", "synthetic"):
        assert f"`{prop}`" in DOC
        assert prop in MODEL.provenance


def test_the_value_network_is_the_reports_relation_data() -> None:
    p = MODEL.projection("value_network")
    assert p.types == ("EMPOWERS", "SUPPLIES_TALENT", "INVESTS_IN", "ACQUIRES")
    assert "PART_OF" not in p.types  # structure, not a value flow
    assert p.focal == "either" and p.nodes == "touched" and p.distinct_pairs
    assert MODEL.focal_set.label == "Sample"


def test_cypher_fragments() -> None:
    assert MODEL.focal_predicate("n") == "n:Sample"
    assert MODEL.counted_predicate("value_network", "a", "b") == "(a:Sample OR b:Sample)"
    assert MODEL.counted_predicate("investment_into_focal", "a", "b") == "b:Sample"
    assert MODEL.rel_where("talent_work", "r") == "r.experience = 'work'"
    assert MODEL.rel_where("technology", "r") == "true"
    everyone = MODEL.with_focal(None)
    assert everyone.focal_predicate("n") == "true"
    assert everyone.counted_predicate("value_network", "a", "b") == "true"
    # a focal set's editions: the sample's are recorded, other focal sets count whatever the edition
    assert MODEL.focal_edition("s") == "$edition IN s.sample_editions"
    assert everyone.focal_edition("s") == MODEL.with_focal("Enterprise").focal_edition("s") == "true"
    assert everyone.with_focal("Sample").focal_edition("s") == "$edition IN s.sample_editions"
    with pytest.raises(ValueError, match="not a Cypher variable"):
        MODEL.focal_predicate("n) DETACH DELETE (m")
    with pytest.raises(ValueError, match="not an organisation label"):
        MODEL.with_focal("City")


def test_focal_relations() -> None:
    assert MODEL.focal_match("tech", "s", "r", "x") == "(s:Sample)-[r:EMPOWERS]-(x)"
    assert MODEL.focal_match("tech_input", "s", "r", "x") == "(s:Sample)<-[r:EMPOWERS]-(x)"
    assert MODEL.focal_match("investment", "s", "r", "x") == "(s:Sample)-[r:INVESTS_IN|ACQUIRES]->(x)"
    assert MODEL.focal_where("study", "r", "x") == "r.experience = 'study'"
    assert MODEL.focal_where("investment", "r", "x") == "(type(r) IN ['ACQUIRES'] OR NOT x:Sample)"
    assert MODEL.focal_where("tech", "r", "x") == "true"
    assert MODEL.with_focal(None).focal_where("investment", "r", "x") == "true"
    with pytest.raises(ValueError, match="no focal relation 'funding'"):
        MODEL.focal_match("funding", "s", "r", "x")


def test_a_model_with_an_unknown_type_in_a_projection_is_refused() -> None:
    data = load().model_dump(by_alias=True)
    data["projections"]["value_network"]["types"] = ["EMPOWERS", "FUNDS"]
    with pytest.raises(ValueError, match="unknown relationship types"):
        GraphModel.model_validate(data)


def test_dimensions_of_relations() -> None:
    assert MODEL.types_of_dimension("technology") == ("EMPOWERS",)
    assert MODEL.types_of_dimension("investment") == ("INVESTS_IN", "ACQUIRES")
    assert MODEL.relationships["PART_OF"].dimension is None


def test_every_focal_relation_is_made_of_the_parts_of_the_places_aggregate() -> None:
    """The geography questions read any focal relation from the focal_places parts: its own, both
    directions of `tech`, and the talent parts of one experience for `study` and `work`."""
    part = {kind: MODEL.aggregate_part("focal_places", kind, "a") for kind in MODEL.focal_relations}
    assert part == {
        "tech": "a.kind IN ['tech_input', 'tech_empowerment']",
        "tech_input": "a.kind = 'tech_input'",
        "tech_empowerment": "a.kind = 'tech_empowerment'",
        "talent": "a.kind = 'talent'",
        "study": "a.kind = 'talent' AND a.experience = 'study'",
        "work": "a.kind = 'talent' AND a.experience = 'work'",
        "financing": "a.kind = 'financing'",
        "investment": "a.kind = 'investment'",
    }
    data = load().model_dump(by_alias=True)
    data["aggregates"]["focal_places"]["split"] = []
    without_split = GraphModel.model_validate(data)
    with pytest.raises(ValueError, match="focal relation 'study' is not made of its parts"):
        without_split.aggregate_part("focal_places", "study", "a")
    data["aggregates"]["focal_places"]["kinds"] = ["tech_input", "funding"]
    with pytest.raises(ValueError, match=r"aggregate focal_places: unknown focal relations \['funding'\]"):
        GraphModel.model_validate(data)


def test_co_investment_pairs_reads_its_aggregate_only_where_it_holds_the_answer() -> None:
    """The co_investors aggregate keeps the pairs with at least SHARED_AT_LEAST investees in common: the
    question reads it from there on, and counts live below."""
    from valuenet import aggregates, questions

    q = questions.get("co_investment_pairs")
    assert q.aggregate_at_least == {"min_shared": aggregates.SHARED_AT_LEAST}
    assert q.answered_by_aggregate(q.validate({"min_shared": aggregates.SHARED_AT_LEAST}))
    assert not q.answered_by_aggregate(q.validate({"min_shared": aggregates.SHARED_AT_LEAST - 1}))
