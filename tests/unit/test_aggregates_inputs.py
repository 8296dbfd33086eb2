"""Which aggregates a write makes stale (valuenet.aggregates.changed_by), from the graph model."""

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
