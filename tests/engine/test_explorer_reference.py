"""The explorer's own network queries (`cypher/explorer/`) on the scale-1 reference graph: golden answers,
so a change of shape (they read the value types from the graph model) cannot change what the pages show."""

from __future__ import annotations

import pytest

from valuenet import aggregates, queries
from valuenet import questions as qlib
from valuenet.db import Graph

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
    # the organisation page's ego view is the library's ego_network: from its org_ego part when fresh
    ego_q = qlib.get("ego_network")
    params = ego_q.validate({"org": "ref:华为", "depth": 1, "max_nodes": 200})
    live = reference_graph.run_readonly(ego_q.query(params), params, row_cap=None).rows[0]
    if not aggregates.part_freshness(reference_graph, "org_ego", "ref:华为").fresh:
        aggregates.refresh(reference_graph, names=["org_ego"])
    assert aggregates.part_freshness(reference_graph, "org_ego", "ref:华为").fresh
    stored = qlib.run(reference_graph, ego_q, params).rows[0]
    for ego in (stored, live):
        assert (ego["nodes_shown"], ego["nodes_total"], ego["capped"], len(ego["edges"])) == (
            200,
            3665,
            True,
            398,
        )
