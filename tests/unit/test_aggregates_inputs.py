"""Which aggregates a write makes stale (valuenet.aggregates.changed_by), from the graph model; what a command
says after a refresh (refreshed_lines)."""

from __future__ import annotations

import pytest

from valuenet import aggregates
from valuenet.model import MODEL

# the aggregates of no focal relation: they count every relationship between organisations
EVERY_RELATIONSHIP = {name for name, decl in MODEL.aggregates.items() if not decl.kinds}


def test_organisations_change_every_aggregate() -> None:
    assert aggregates.changed_by(MODEL, organizations=True, relationship_types=(), links=()) == list(
        MODEL.aggregates
    )


@pytest.mark.parametrize(
    ("types", "links", "stale"),
    [
        ({"INVESTS_IN"}, set(), {"focal_places", "co_investors", *EVERY_RELATIONSHIP}),
        ({"EMPOWERS"}, set(), {"focal_places", "focal_industries", *EVERY_RELATIONSHIP}),
        ({"PART_OF"}, set(), EVERY_RELATIONSHIP),  # of no focal relation
        (set(), {"IN_INDUSTRY"}, {"focal_industries"}),
        (set(), {"LOCATED_IN"}, {"focal_places"}),
        (set(), {"APPLIES_IN"}, set()),
    ],
)
def test_relationships_and_links_change_the_aggregates_counting_them(
    types: set[str], links: set[str], stale: set[str]
) -> None:
    assert "org_degrees" in EVERY_RELATIONSHIP
    found = aggregates.changed_by(MODEL, organizations=False, relationship_types=types, links=links)
    assert set(found) == stale


def test_an_unknown_aggregate_is_refused() -> None:
    with pytest.raises(ValueError, match="not_one"):
        aggregates.mark_stale(None, ["not_one"])  # type: ignore[arg-type]  # refused before any query


def test_degree_values_count_each_organisations_relations_partners_and_sole_partners() -> None:
    """org_degrees' values from a handful of relations: per type and direction, value network and all,
    distinct partners (a relation to itself makes it its own partner), and the organisations reachable
    only through another (named, up to five, sorted), leaving out ends that are no organisation given and
    the organisations given only in part."""
    names = {"a": "甲", "b": "乙", "c": None, "d": "丁", "e": "戊", "f": "己", "g": "庚"}
    relations = [
        ("a", "b", "EMPOWERS"),
        ("a", "b", "EMPOWERS"),  # twice: two relations, one partner
        ("b", "a", "INVESTS_IN"),
        ("c", "a", "SUPPLIES_TALENT"),
        ("a", "d", "PART_OF"),  # not of the value network
        ("e", "e", "ACQUIRES"),  # to itself
        ("f", "a", "EMPOWERS"),
        ("a", "outsider", "EMPOWERS"),  # an end not given: not counted
        ("g", "d", "EMPOWERS"),
    ]
    props = aggregates.links_properties(MODEL)
    got = {k: dict(zip(props, v, strict=True)) for k, v in aggregates.degree_values(
        MODEL, names, relations, partial={"f"}).items()}  # fmt: skip
    assert list(got) == list(names)
    a = got["a"]
    assert (a["links_EMPOWERS_out"], a["links_EMPOWERS_in"], a["links_INVESTS_IN_in"]) == (2, 1, 1)
    assert (a["links_SUPPLIES_TALENT_in"], a["links_PART_OF_out"]) == (1, 1)
    assert (a["links_value"], a["links_all"], a["links_partners"]) == (5, 6, 4)  # b, c, d, f
    # b and c have a as their one partner (f too, but it is given only in part); c has no name
    assert (a["links_only_through"], a["links_only_through_examples"]) == (2, ["乙"])
    assert (got["d"]["links_partners"], got["d"]["links_only_through_examples"]) == (2, ["庚"])
    e = got["e"]
    assert (e["links_ACQUIRES_out"], e["links_ACQUIRES_in"]) == (1, 1)
    assert (e["links_all"], e["links_partners"]) == (2, 1)
    assert (e["links_only_through"], e["links_only_through_examples"]) == (1, ["戊"])  # its own sole partner
    assert (got["b"]["links_only_through"], got["b"]["links_only_through_examples"]) == (0, [])
    counts = [v for row in got.values() for k, v in row.items() if k != "links_only_through_examples"]
    assert all(type(v) is int for v in counts)  # plain ints, as the engine stores them
    empty = aggregates.degree_values(MODEL, {"x": None}, [])
    assert empty == {"x": [0] * (len(props) - 1) + [[]]}


def test_a_refresh_is_reported_per_aggregate_and_together() -> None:
    """Recomputed REFRESH_WORKERS at a time, their own seconds overlap: the report adds how long they took
    together (and says nothing more for one)."""
    from valuenet.aggregates import REFRESH_WORKERS, refreshed_lines

    lines = refreshed_lines({"focal_places": 2.081, "org_ego": 1.5}, 2.6)
    assert lines == [
        "aggregate focal_places recomputed in 2.08 s",
        "aggregate org_ego recomputed in 1.50 s",
        f"2 aggregates recomputed in 2.60 s, {REFRESH_WORKERS} at a time",
    ]
    assert refreshed_lines({"org_ego": 1.5}, 1.6) == ["aggregate org_ego recomputed in 1.50 s"]
    assert refreshed_lines({}, 0.0) == []
