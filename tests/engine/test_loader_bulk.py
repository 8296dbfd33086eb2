"""The loader's bulk write of new organisations and the relationships from them (Graph.create_new: on the
embedded engine its bulk endpoint) gives the graph and the report the Cypher CREATE steps give, and the
engine still enforces one node per organisation id on that path."""

from __future__ import annotations

from typing import Any

import pytest

from loader import load_mapping
from loader.dimensions import load_dimensions
from loader.load_report import LoadReport
from tests.loader_support import EXAMPLES, dump
from valuenet import aggregates
from valuenet.db import BulkWriteError, Graph, NewNode, NewRelationship
from valuenet.model import MODEL

# The shipped examples (both editions: the second meets the first's organisations) and the listed example
# (own taxonomy, crosswalk, inferred supply relations, rejects).
LOADS = {
    "examples": (EXAMPLES / "mapping.yaml", EXAMPLES / "mapping_2020.yaml"),
    "listed": (EXAMPLES / "listed" / "mapping.yaml",),
}
BULK_STEP = "create_new (bulk)"


def _load(fresh_graph: Any, name: str, *, bulk: bool) -> tuple[dict[str, Any], list[LoadReport]]:
    g: Graph = fresh_graph(f"bulk_{name}")
    g.bulk_fast_paths = bulk
    load_dimensions(g)
    return dump(g), [load_mapping(g, m, allow_rejects=True) for m in LOADS[name]]


def _counts(r: LoadReport) -> tuple[Any, ...]:
    return (
        r.rows_read,
        r.rows_loaded,
        [(p.where, p.reason) for p in r.rejects],
        r.nodes_created,
        r.nodes_updated,
        r.nodes_written,
        r.relationships_created,
        r.relationships_updated,
        r.relationships_written,
    )


@pytest.mark.parametrize("name", sorted(LOADS))
def test_bulk_and_cypher_writes_make_the_same_graph(fresh_graph: Any, name: str) -> None:
    bulk_graph, bulk_reports = _load(fresh_graph, name, bulk=True)
    cypher_graph, cypher_reports = _load(fresh_graph, name, bulk=False)
    assert bulk_graph == cypher_graph
    assert [_counts(r) for r in bulk_reports] == [_counts(r) for r in cypher_reports]
    assert BULK_STEP in bulk_reports[0].timings  # the bulk path ran, and only there
    assert not any(BULK_STEP in r.timings for r in cypher_reports)
    assert any(step.startswith("create_rel") for step in cypher_reports[0].timings)
    assert not any(step.startswith(("create_org", "create_rel")) for step in bulk_reports[0].timings)


def test_an_existing_id_is_refused_and_stays_one_node(graph: Graph) -> None:
    graph.run("CREATE (:Organization:Enterprise {id: 'x1', name_zh: '甲'})")
    node = NewNode(("Organization", "Enterprise"), "id", {"id": "x1", "name_zh": "乙"})
    with pytest.raises(BulkWriteError):
        graph.create_new([node], [])
    assert graph.run("MATCH (o:Organization {id: 'x1'}) RETURN o.name_zh AS n") == [{"n": "甲"}]


def test_ends_in_the_call_or_the_graph_and_missing_ends_left_out(graph: Graph) -> None:
    graph.run("CREATE (:Organization:University {id: 'u1'})")
    org = ("Organization", "id")
    summary = graph.create_new(
        [NewNode(("Organization", "Enterprise", "Sample"), "id", {"id": "e1", "name_en": None, "n": [1, 2]})],
        [
            NewRelationship("EMPOWERS", (*org, "e1"), (*org, "u1"), {"editions": [2021], "w": None}),
            NewRelationship("EMPOWERS", (*org, "e1"), (*org, "nowhere"), {"editions": [2021]}),
        ],
    )
    assert summary is not None and (summary.nodes_created, summary.relationships_created) == (1, 1)
    rows = graph.run(
        "MATCH (e:Sample)-[r:EMPOWERS]->(u:University) "
        "RETURN labels(e) AS labels, properties(e) AS props, properties(r) AS rel, u.id AS u"
    )
    assert [{**r, "labels": sorted(r["labels"])} for r in rows] == [
        {
            "labels": ["Enterprise", "Organization", "Sample"],
            "props": {"id": "e1", "n": [1, 2]},
            "rel": {"editions": [2021]},
            "u": "u1",
        }
    ]


def test_elsewhere_there_is_no_bulk_path(graph: Graph) -> None:
    graph.bulk_fast_paths = False
    assert not graph.creates_in_bulk()
    assert graph.create_new([NewNode(("Organization",), "id", {"id": "z"})], []) is None
    assert graph.run("MATCH (o:Organization {id: 'z'}) RETURN count(o) AS n") == [{"n": 0}]


def _links(g: Graph) -> dict[str, dict[str, Any]]:
    props = aggregates.links_properties(MODEL)
    columns = ", ".join(f"o.{p} AS {p}" for p in props)
    return {r["id"]: r for r in g.run(f"MATCH (o:Organization) RETURN o.id AS id, {columns}")}


def test_new_organisations_carry_the_counts_the_refresh_computes(fresh_graph: Any) -> None:
    """The bulk write creates each new organisation with its org_degrees counts (links_*), so the refresh
    after the load only rewrites what it finds different: into an empty graph, nothing; then, meeting those
    organisations, the new ones' counts per type and partners as written."""
    g: Graph = fresh_graph("bulk_links")
    load_dimensions(g)
    load_mapping(g, EXAMPLES / "mapping_2020.yaml")
    written = _links(g)
    assert written and all(r["links_all"] is not None for r in written.values())
    assert any(r["links_only_through"] for r in written.values())
    aggregates.refresh(g, names=["org_degrees"])
    assert _links(g) == written
    load_mapping(g, EXAMPLES / "mapping.yaml")
    before = _links(g)
    aggregates.refresh(g, names=["org_degrees"])
    after = _links(g)
    new = set(after) - set(written)
    assert new and before != after  # the organisations met again got more relations
    counted = [p for p in aggregates.links_properties(MODEL) if "only_through" not in p]
    assert {k: [before[k][p] for p in counted] for k in new} == {
        k: [after[k][p] for p in counted] for k in new
    }


def test_relationships_between_known_organisations_are_merged_only_where_the_graph_holds_them(
    fresh_graph: Any,
) -> None:
    """The 2020 edition of the examples meets the 2021 edition's organisations: of its relationships between
    them, the ones the graph holds are merged (the rel step), the others are created (create_rel, in bulk on
    the embedded engine): MERGE would look for each among every relationship of its start."""
    from loader import mapping as mapping_mod
    from loader.diff import leave_out_unchanged
    from loader.pipeline import prepare
    from loader.resolve import existing_ids
    from loader.write import Plan

    g: Graph = fresh_graph("bulk_known")
    load_dimensions(g)
    first, second = LOADS["examples"]
    load_mapping(g, first)
    m = mapping_mod.load(second)

    def plan_between_known() -> dict[str, list[dict[str, Any]]]:
        resolved = prepare(g, m, mapping_name=second.name).resolved
        plan = Plan(resolved, m, existing_ids(g, set(resolved.nodes)))
        known = {
            (r["source"], r["target"])
            for step, rows in plan.rels.items()
            if step.template == "rel"
            for r in rows
        }
        leave_out_unchanged(g, plan)
        return {
            step.template: [r for r in rows if (r["source"], r["target"]) in known]
            for step, rows in plan.rels.items()
            if step.name("type") == "EMPOWERS"
        }

    merged = plan_between_known().get("rel", [])
    assert merged  # the second edition has EMPOWERS relationships between the first one's organisations
    gone = merged[0]
    delete = "MATCH (:Organization {id: $s})-[r:EMPOWERS]->(:Organization {id: $t}) DELETE r"
    g.write(delete, {"s": gone["source"], "t": gone["target"]})
    steps = plan_between_known()
    assert [(r["source"], r["target"]) for r in steps.get("create_rel", [])] == [
        (gone["source"], gone["target"])
    ]
    assert [
        r for r in steps.get("rel", []) if r["source"] == gone["source"] and r["target"] == gone["target"]
    ] == []
    report = load_mapping(g, second)
    count = (
        "MATCH (:Organization {id: $s})-[r:EMPOWERS]->(:Organization {id: $t}) RETURN r.editions AS editions"
    )
    assert [r["editions"] for r in g.read(count, {"s": gone["source"], "t": gone["target"]})] == [[2020]]
    again = load_mapping(g, second)  # and loading it again finds every relationship held
    assert report.relationships_created and again.relationships_created == 0
