"""The degree-table check (Tables 5-9): on a hand-built graph with known answers, and on the scale-1
reference graph."""

from __future__ import annotations

import pytest

from gds_jobs import catalogue, degree_tables
from gds_jobs.degree_tables import TableRow
from gds_jobs.local import LocalBackend
from gds_jobs.runner import latest_network_stats, run_job
from tests.jobs_fixtures import load_orgs, load_rels
from valuenet import figures, queries
from valuenet.db import Graph
from valuenet.figures import Figure, Verdict

DEGREE_JOBS = [j for j in catalogue.JOBS if j.startswith("degree_")]
TABLES = {t.prefix: t for t in figures.RANKING_TABLES}


def test_every_table_is_measured_by_a_degree_job() -> None:
    written = {catalogue.get(j).write_property for j in DEGREE_JOBS}
    assert {t.job_property for t in figures.RANKING_TABLES} <= written


def test_table_rows_parse_the_report_figures() -> None:
    rows = degree_tables.table_rows()
    by_id = {r.figure.metric_id: r for r in rows}
    huawei = by_id["tech_degree_top30_sample_r01_huawei"]
    assert (huawei.name, huawei.figure.number, huawei.table.job_property, huawei.table.sample) == (
        "华为",
        4125,
        "degree_tech",
        True,
    )
    assert by_id["invest_top20_institution_r02_idg_capital"].name == "IDG资本"  # printed "IDG 资本"
    assert by_id["tech_empowerment_top20_relation_r01_intel"].table.job_property == "degree_tech_out"
    assert len(rows) == 30 + 30 + 31 + 20 + 31 + 20 + 4 * 20 + 2 * 20
    assert all(r.name for r in rows)


def row(prefix: str, rank: int, name: str | None, value: int) -> TableRow:
    fig = Figure(
        "2021",
        "IV.3",
        f"{prefix}_r{rank:02d}_x",
        f"rank {rank} (Table 5): {name}",
        str(value),
        "degree",
        "",
        "1",
    )
    return TableRow(TABLES[prefix], rank, name, fig)


def test_check_on_a_hand_built_graph(graph: Graph) -> None:
    load_orgs(graph, ["甲", "乙"], samples=["甲", "乙"])
    load_orgs(graph, ["英特尔", "丙", "丁"])
    load_rels(
        graph, "EMPOWERS", [("英特尔", "甲"), ("英特尔", "乙"), ("甲", "丙"), ("甲", "乙"), ("乙", "丁")]
    )
    graph.write("MATCH (n:Organization) SET n.name_zh = n.id")
    for job in DEGREE_JOBS:  # the graph has technology relations only: the other degree jobs would fail
        if catalogue.get(job).projection == "technology":
            run_job(graph, catalogue.get(job), backend=LocalBackend(graph))
    sample, relation = "tech_degree_top30_sample", "tech_empowerment_top20_relation"
    good = [row(sample, 1, "甲", 3), row(sample, 2, "乙", 3), row(relation, 1, "英特尔", 2)]
    judged = degree_tables.check(graph, good)
    assert [j.verdict for j in judged] == [Verdict.equal] * 5  # three rows, two rank orders
    assert [j.metric_id for j in judged[3:]] == [f"rank_order:{sample}", f"rank_order:{relation}"]

    wrong = degree_tables.check(
        graph,
        [
            row(sample, 1, "甲", 4),  # the table says 4, the job 3
            row(sample, 2, "戊", 1),  # not in the graph
            row(sample, 3, None, 1),  # a printed name nobody matches
            row(relation, 1, "甲", 3),  # a sample node listed as a relation node
        ],
    )
    by_id = {j.metric_id: j for j in wrong}
    assert (by_id[f"{sample}_r01_x"].verdict, by_id[f"{sample}_r01_x"].measured) == (Verdict.off, 3)
    assert by_id[f"{sample}_r02_x"].verdict is Verdict.not_measured
    assert by_id[f"{sample}_r02_x"].note == "戊 is not in the graph"
    assert by_id[f"{sample}_r03_x"].verdict is Verdict.not_measured
    assert by_id[f"{relation}_r01_x"].verdict is Verdict.off
    assert "listed as a relation node" in by_id[f"{relation}_r01_x"].note
    # 乙 (3) reaches the last listed value (1) of the sample table without being listed in it
    order = by_id[f"rank_order:{sample}"]
    assert (order.verdict, order.measured, order.note) == (Verdict.off, 1, "乙 (degree_tech 3)")


@pytest.mark.slow
def test_degree_jobs_reproduce_tables_5_to_9_on_the_reference_graph(reference_graph: Graph) -> None:
    g = reference_graph  # the session's scale-1 reference graph (tests/conftest.py)
    for job in DEGREE_JOBS:
        run_job(g, catalogue.get(job), backend=LocalBackend(g))
    judged = degree_tables.check(g, degree_tables.table_rows())
    bad = [j for j in judged if j.verdict is not Verdict.equal]
    assert not bad, "\n".join(f"{j.metric_id}: {j.verdict} {j.measured} ({j.note})" for j in bad[:30])
    assert len(judged) == 282 + 6  # every printed row, and the rank order of Tables 5-7
    # Table 3: written as (:NetworkStats), readable by `valuenet report` through latest_network_stats.
    run_job(g, catalogue.get("network_stats"), backend=LocalBackend(g))
    stats = latest_network_stats(g)
    assert stats is not None
    print({s.field: stats[s.field] for s in figures.TABLE3})
    # 43,742 nodes as printed. Edges: the report prints 97,980, but its own parts sum to 98,007
    # (technology 51,168 + talent 21,340 + investment 25,477 + acquisitions; reference/schema.md §9);
    # the reference graph follows the parts.
    assert stats["nodes"] == 43742
    assert stats["edges"] == g.read(queries.text("jobs/count_projection"))[0]["n"] == 98007
