"""The explorer's own network queries (`cypher/explorer/`) on the scale-1 reference graph: golden answers,
so a change of shape (they read the value types from the graph model) cannot change what the pages show."""

from __future__ import annotations

import pytest

from valuenet import queries
from valuenet.db import Graph
from valuenet.model import MODEL

pytestmark = pytest.mark.slow


def test_degree_distribution(reference_graph: Graph) -> None:
    rows = reference_graph.read(queries.text("explorer/degree_distribution"))
    counts = {r["degree"]: r["organizations"] for r in rows}
    assert (counts[0], counts[1], counts[2]) == (79, 24955, 8509)
    assert max(counts) == 4233 and counts[4233] == 1  # 华为
    assert sum(counts.values()) == reference_graph.read("MATCH (o:Organization) RETURN count(o) AS n")[0]["n"]


def test_strongest_partners_and_ego_network(reference_graph: Graph) -> None:
    partners = reference_graph.read(queries.text("explorer/org_partners"), {"id": "ref:清华大学", "k": 5})
    tech_in = [
        (r["partner"], r["partner_degree"])
        for r in partners
        if (r["type"], r["direction"]) == ("EMPOWERS", "in")
    ]
    assert tech_in == [("华为", 4233), ("腾讯", 2653), ("京东", 1583), ("百度", 1503), ("阿里云", 1367)]
    ego = reference_graph.read(
        queries.text("explorer/org_ego"),
        {"id": "ref:华为", "depth": 1, "types": list(MODEL.org_relationship_types), "max_nodes": 200},
    )[0]
    assert (ego["nodes_shown"], ego["nodes_total"], ego["capped"], len(ego["edges"])) == (
        200,
        3665,
        True,
        398,
    )
