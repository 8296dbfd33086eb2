"""The maintained aggregates (valuenet/aggregates.py) on a graph the loader writes: a load marks them stale,
a stale aggregate is never read (the question counts live and says so), a refresh makes them fresh again,
and the answers from them are the live ones."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from loader import load_mapping
from loader.dimensions import load_dimensions
from tests.conftest import load_question_fixture
from tests.loader_support import EXAMPLES
from valuenet import aggregates, questions
from valuenet.db import Graph, QueryTimeoutError
from valuenet.model import MODEL

# Shapes of every question that reads an aggregate, on the examples.
CASES: list[tuple[str, dict[str, Any]]] = [
    ("cities_ranked", {"relation": "tech"}),
    ("cities_ranked", {"relation": "study", "within": "440000"}),
    ("provinces_ranked", {"relation": "tech_input", "edition": 2021}),
    ("provinces_ranked", {"relation": "financing"}),
    ("countries_ranked", {"relation": "tech", "include_domestic": True}),
    ("countries_ranked", {"relation": "investment", "edition": 2020}),
    ("relation_types_domestic_foreign", {}),
    ("relation_types_domestic_foreign", {"edition": 2021}),
    ("core_sector_flows", {"direction": "both", "by": "section"}),
    ("core_sector_flows", {"direction": "other_to_core", "by": "division", "edition": 2020}),
    ("co_investment_pairs", {}),
    ("co_investment_pairs", {"investor": "红杉资本中国", "edition": 2021}),
    ("platform_brokers", {}),
]


def _asked(g: Graph) -> list[tuple[list[dict[str, Any]], list[str]]]:
    out = []
    for qid, params in CASES:
        result = questions.ask(g, qid, params)[2]
        out.append((result.rows, result.notes))
    return out


@pytest.fixture(scope="module")
def examples_graph(fresh_graph: Callable[..., Graph]) -> Graph:
    g = fresh_graph("aggregates")
    load_dimensions(g)
    load_mapping(g, EXAMPLES / "mapping_2020.yaml")
    return g


def test_a_load_marks_them_stale_and_a_stale_one_is_never_read(examples_graph: Graph) -> None:
    g = examples_graph
    assert {aggregates.freshness(g, name).state for name in MODEL.aggregates} == {"missing"}
    live = _asked(g)
    assert all(notes == [] for _, notes in live), "nothing to say when none was ever computed"
    assert any(rows for rows, _ in live)

    aggregates.refresh(g)
    assert all(aggregates.freshness(g, name).fresh for name in MODEL.aggregates)
    assert _asked(g) == live, "the same answers from the aggregates"

    load_mapping(g, EXAMPLES / "mapping.yaml")  # the 2021 edition
    assert {aggregates.freshness(g, name).state for name in MODEL.aggregates} == {"stale"}
    stale = _asked(g)
    assert all(len(notes) == 1 and "is stale" in notes[0] for _, notes in stale)
    assert [rows for rows, _ in stale] != [rows for rows, _ in live], "the load changed the answers"

    assert set(aggregates.refresh(g, stale_only=True)) == set(MODEL.aggregates)
    assert _asked(g) == [(rows, []) for rows, _ in stale], "fresh again: the new answers, from it"
    assert aggregates.refresh(g, stale_only=True) == {}, "nothing stale, nothing recomputed"


def test_an_aggregate_is_kept_per_focal_set(examples_graph: Graph) -> None:
    """Computed for one focal set, an aggregate is not read for another: that one is counted live until it
    has its own."""
    g = examples_graph
    aggregates.refresh(g)
    everyone = MODEL.with_focal(None)
    assert aggregates.freshness(g, "focal_places", everyone).state == "missing"
    q = questions.get("countries_ranked")
    params = q.validate({"relation": "tech", "include_domestic": True})
    live = questions.run(g, q, params, model=everyone).rows
    assert live != questions.run(g, q, params).rows, "every organisation counts more relations"
    aggregates.refresh(g, everyone)
    assert aggregates.freshness(g, "focal_places", everyone).fresh
    assert aggregates.freshness(g, "focal_places").fresh
    assert questions.run(g, q, params, model=everyone).rows == live


def test_org_degrees_are_each_organisations_live_counts(examples_graph: Graph) -> None:
    """The links_* properties of org_degrees hold what counting each organisation's relations says, and its
    part the value network's degree distribution."""
    g = examples_graph
    aggregates.refresh(g, names=["org_degrees"])
    live = {
        r["id"]: r
        for r in g.read(
            "MATCH (o:Organization) RETURN o.id AS id, "
            "COUNT { (o)-[:EMPOWERS]->(:Organization) } AS empowers_out, "
            "COUNT { (o)<-[:SUPPLIES_TALENT]-(:Organization) } AS talent_in, "
            "COUNT { (o)-[:EMPOWERS|SUPPLIES_TALENT|INVESTS_IN|ACQUIRES]-(:Organization) } AS value, "
            "COUNT { (o)--(:Organization) } AS all, "
            "COUNT { MATCH (o)--(x:Organization) RETURN DISTINCT x } AS partners, "
            "COUNT { MATCH (o)--(n:Organization) WHERE NOT EXISTS { (n)--(m:Organization) WHERE m <> o } "
            "RETURN DISTINCT n } AS only_through"
        )
    }
    kept = {
        r["id"]: r
        for r in g.read(
            "MATCH (o:Organization) RETURN o.id AS id, o.links_EMPOWERS_out AS empowers_out, "
            "o.links_SUPPLIES_TALENT_in AS talent_in, o.links_value AS value, o.links_all AS all, "
            "o.links_partners AS partners, o.links_only_through AS only_through, "
            "o.links_only_through_examples AS examples"
        )
    }
    assert {k: {c: v for c, v in r.items() if c != "examples"} for k, r in kept.items()} == live
    assert any(r["only_through"] for r in live.values()) and any(
        r["all"] > r["partners"] for r in live.values()
    )
    assert all(len(r["examples"]) == min(5, r["only_through"]) for r in kept.values())
    part = g.read(
        "MATCH (a:Aggregate {name: 'org_degrees'}) RETURN a.value_degree AS d, "
        "a.value_degree_organizations AS n"
    )[0]
    distribution: dict[int, int] = {}
    for r in live.values():
        distribution[r["value"]] = distribution.get(r["value"], 0) + 1
    assert dict(zip(part["d"], part["n"], strict=True)) == distribution


def test_a_load_makes_stale_only_the_aggregates_whose_inputs_it_changes(
    fresh_graph: Callable[..., Graph], tmp_path: Path
) -> None:
    """A load that writes only investments between organisations already in the graph (of the same dataset:
    their provenance already names it) stales the aggregates that count INVESTS_IN (and every relationship),
    not focal_industries; the graph's relations version still rises."""
    g = fresh_graph("aggregates_inputs")
    load_dimensions(g)
    load_mapping(g, EXAMPLES / "mapping_2020.yaml")
    aggregates.refresh(g)
    version = aggregates.relations_version(g)
    (tmp_path / "investments.csv").write_text("投资方,被投方\n华为技术有限公司,科大讯飞\n", encoding="utf-8")
    (tmp_path / "mapping.yaml").write_text(
        "dataset: example-2020\nedition: 2020\nlicence: CC0-1.0\nfiles:\n"
        "  - path: investments.csv\n    relations:\n"
        "      sample: {name: 被投方, create: false}\n      partner: {name: 投资方, create: false}\n"
        "      type: {value: {type: INVESTS_IN, direction: partner_to_sample}}\n",
        encoding="utf-8",
    )
    report = load_mapping(g, tmp_path / "mapping.yaml")
    assert report.relationships_created == 1 and report.nodes_written == 0, report.timings
    assert aggregates.relations_version(g) > version
    states = {name: aggregates.freshness(g, name).state for name in MODEL.aggregates}
    assert states == {**dict.fromkeys(MODEL.aggregates, "stale"), "focal_industries": "fresh"}
    assert set(aggregates.refresh(g, stale_only=True)) == set(MODEL.aggregates) - {"focal_industries"}
    assert all(aggregates.freshness(g, name).fresh for name in MODEL.aggregates)


def test_org_degrees_and_org_ego_read_the_relations_once_per_version(
    examples_graph: Graph, monkeypatch: pytest.MonkeyPatch
) -> None:
    """One refresh of org_degrees and org_ego reads every relation between organisations once, the two
    recomputed at once (the second waits for the first's read); when the relations version rises between
    the two, one after another (a load began writing), the second reads them again."""
    g = examples_graph
    org_relations = aggregates.queries.load("aggregates/org_relations").render(MODEL)
    read = g.read
    asked: list[str] = []
    raise_version = False

    def counted(query: str, params: Any = None) -> Any:
        rows = read(query, params)
        if query == org_relations:
            asked.append(query)
            if raise_version:
                aggregates.mark_stale(g, [])  # as a load does before it writes
        return rows

    monkeypatch.setattr(g, "read", counted)
    assert set(aggregates.refresh(g, names=["org_degrees", "org_ego"])) == {"org_degrees", "org_ego"}
    assert len(asked) == 1
    raise_version = True
    monkeypatch.setattr(aggregates, "REFRESH_WORKERS", 1)
    aggregates.refresh(g, names=["org_degrees", "org_ego"])
    assert len(asked) == 3


def test_parts_of_another_layout_are_stale_and_never_read(fresh_graph: Callable[..., Graph]) -> None:
    """Parts an older valuenet wrote (no layout stamp: layout 1; co_investors is now 2) are not read: the
    question counts live and says the aggregate is stale, and a refresh of the stale ones rewrites them."""
    g = load_question_fixture(fresh_graph("aggregates_layout"))  # a pair with two investees in common
    aggregates.refresh(g)
    fresh = questions.ask(g, "co_investment_pairs", {})[2]
    assert fresh.rows and fresh.notes == []
    g.write("MATCH (a:Aggregate {name: 'co_investors'}) REMOVE a.layout")
    assert aggregates.freshness(g, "co_investors").state == "stale"
    assert aggregates.freshness(g, "focal_places").fresh, "the others keep their layout"
    live = questions.ask(g, "co_investment_pairs", {})[2]
    assert live.rows == fresh.rows and len(live.notes) == 1 and "is stale" in live.notes[0]
    assert set(aggregates.refresh(g, stale_only=True)) == {"co_investors"}
    assert questions.ask(g, "co_investment_pairs", {})[2].notes == []
    # org_ego's parts are read one at a time (part_freshness): a part of layout 1 is fresh, of 2 not
    part = {"name": "org_ego", "focal_set": aggregates.focal_key(MODEL), "key": "ref:某枢纽"}
    g.write("CREATE (a:Aggregate) SET a = $part, a.version = $v", {"part": part, "v": 10**9})
    assert aggregates.part_freshness(g, "org_ego", "ref:某枢纽").fresh
    g.write("MATCH (a:Aggregate {key: 'ref:某枢纽'}) SET a.layout = 2")
    assert aggregates.part_freshness(g, "org_ego", "ref:某枢纽").state == "stale"


def test_a_question_counted_live_past_a_limit_says_that_a_refresh_would_answer_it(
    fresh_graph: Callable[..., Graph],
) -> None:
    """A stale aggregate's question is counted live, which may meet a limit (at scale 10, co_investment_pairs
    met ArcadeDB's query heap budget): the error then says that `valuenet aggregates refresh` makes the
    question read its aggregate. A timeout too short for any answer stands in for the limit here."""
    g = load_question_fixture(fresh_graph("aggregates_limit"))
    aggregates.refresh(g)
    q = questions.get("co_investment_pairs")
    params = q.validate({})
    assert q.answered_by_aggregate(params)
    with pytest.raises(QueryTimeoutError) as fresh:
        questions.run(g, q, params, timeout=1e-4)
    assert fresh.value.stale_aggregate is None and "aggregates refresh" not in str(fresh.value)
    g.write("MATCH (a:Aggregate {name: 'co_investors'}) REMOVE a.layout")  # as an older valuenet wrote it
    with pytest.raises(QueryTimeoutError, match="co_investors is stale: `valuenet aggregates refresh`") as e:
        questions.run(g, q, params, timeout=1e-4)
    assert e.value.stale_aggregate == "co_investors"
    # an organisation org_ego keeps no part for is counted live, and a refresh would not change that
    ego = questions.get("ego_network")
    centre = ego.validate({"org": "ref:无此机构", "depth": 1, "max_nodes": 10})
    assert ego.answered_by_aggregate(centre)
    assert aggregates.part_freshness(g, "org_ego", "ref:无此机构").state == "missing"
    with pytest.raises(QueryTimeoutError) as part:
        questions.run(g, ego, centre, timeout=1e-4)
    assert part.value.stale_aggregate is None
