"""The reference dataset (issue 4): determinism, layer 1, the scale-1 calibration on the embedded engine
(measured by the Cypher calibration queries after loading through the loader), and scale-10 shares
measured on the generated tables."""

from __future__ import annotations

import json
from pathlib import Path

from loader.reference import calibrate
from loader.reference.generate import build
from loader.reference.load import generate_to
from loader.reference.measure import measure
from loader.reference.observed import load as load_observed
from valuenet.db import Graph
from valuenet.figures import Verdict


def test_same_seed_same_files_other_seed_other_files(tmp_path: Path) -> None:
    _, first, _ = generate_to(tmp_path / "a", 1, 7)
    _, second, _ = generate_to(tmp_path / "b", 1, 7)
    assert first["files"] == second["files"]
    assert len(first["files"]) == 9  # 2 mappings + 7 tables
    _, other, _ = generate_to(tmp_path / "c", 1, 8)
    assert other["files"]["synthetic/关系.csv"] != first["files"]["synthetic/关系.csv"]
    # the observed layer does not depend on the seed
    assert other["files"]["observed/关系.csv"] == first["files"]["observed/关系.csv"]
    manifest = json.loads((tmp_path / "a" / "MANIFEST.json").read_text(encoding="utf-8"))
    assert manifest["scale"] == 1 and manifest["seed"] == 7


def test_observed_layer_maps_platforms_and_the_guangzhou_study() -> None:
    obs = load_observed()
    hosts = {o.name_zh: o.props["platform_domain"] for o in obs.orgs.values() if "Platform" in o.roles}
    assert len(hosts) == 15
    assert hosts["百度"] == "自动驾驶" and hosts["阿里云"] == "城市大脑" and hosts["华为"] == "基础软硬件"
    assert obs.orgs["广汽丰田"].city == "440100" and obs.orgs["明珞装备"].city == "440100"
    assert obs.orgs["奔驰"].country == "DE" and obs.orgs["联发科"].country == "TW"
    empowers = {(r.source, r.target) for r in obs.rels if r.type == "EMPOWERS"}
    for supplier in ("瑞松科技", "明珞装备", "广州科腾"):
        assert any(s == f"ref:{supplier}" for s, _ in empowers)
    assert ("ref:瑞松科技", "ref:广汽丰田") in empowers
    rel = next(r for r in obs.rels if (r.source, r.target) == ("ref:瑞松科技", "ref:广汽丰田"))
    assert rel.sources == ["report2021:L1412"] and rel.editions == [2021] and not rel.synthetic
    part_of = {(r.source, r.target) for r in obs.rels if r.type == "PART_OF"}
    assert ("ref:阿里云", "ref:阿里巴巴") in part_of and ("ref:一汽红旗", "ref:一汽集团") in part_of
    assert all(reason for *_, reason in obs.skipped)


def test_synthetic_names_are_obviously_generated() -> None:
    ds = build(1, 3)
    syn = ds.orgs[ds.orgs["synthetic"]]
    assert syn["name_zh"].str.startswith("合成").all()
    assert syn["name_en"].str.startswith("Synthetic ").all()
    real = ds.orgs[~ds.orgs["synthetic"]]
    assert real["id"].str.startswith("ref:").all()


def test_scale_10_keeps_every_share_and_multiplies_every_count() -> None:
    ds = build(10, 42)
    measured = measure(ds)
    judged = calibrate.compare(measured, 10) + calibrate.rankings(measured, 10)
    misses = [(j.metric_id, j.published, j.measured) for j in judged if not j.verdict.met]
    assert not misses
    expected = {j.metric_id: j.published for j in judged}
    assert expected["network_relation_nodes"] == 415370 and expected["fin_provinces_count"] == 27  # count1
    assert measured["techdeg:华为:in"] == 12310 and measured["hcdeg:study:清华大学"] == 2750
    assert measured["network:relation_nodes"] == 415370


def test_scale_1_calibration_measured_by_cypher(reference_graph: Graph) -> None:
    measured = calibrate.measure_graph(reference_graph)
    judged = calibrate.compare(measured, 1) + calibrate.rankings(measured, 1)
    misses = [(j.metric_id, j.published, j.measured, j.verdict) for j in judged if not j.verdict.met]
    assert not misses
    assert len(judged) == 781 + 12  # every target the generator aims at, and the 12 ranking tables
    verdicts = {j.verdict for j in judged}
    assert Verdict.equal in verdicts and Verdict.within in verdicts


def test_a_miss_is_judged_off_and_a_contradicted_one_a_variant() -> None:
    measured = measure(build(1, 42))
    measured["network:sample_nodes"] += 1
    measured["attr:coretech_bt:image_recognition"] = 0.0  # an x-share row: the report contradicts it
    measured["rank:tech_deg_sample:合成甲"] = 1e9  # an unnamed organisation tops Table 5
    judged = {j.metric_id: j for j in calibrate.compare(measured, 1) + calibrate.rankings(measured, 1)}
    assert judged["network_sample_nodes"].verdict is Verdict.off
    assert judged["coretech_basetech_share_graphics_image_recognition"].verdict is Verdict.variant
    ranking = judged["ranking:tech_deg_sample"]
    assert (ranking.verdict, ranking.measured) == (Verdict.off, 1) and ranking.note.startswith("合成甲")


def test_named_degrees_follow_the_model_directions(reference_graph: Graph) -> None:
    rows = reference_graph.read(
        "MATCH (h:Organization {name_zh: $name}) "
        "RETURN COUNT { (h)<-[:EMPOWERS]-() } AS fin, COUNT { (h)-[:EMPOWERS]->() } AS fout, "
        "COUNT { (h)-[:SUPPLIES_TALENT {experience: 'study'}]->(:Sample) } AS study, "
        "COUNT { (h)-[:INVESTS_IN]->(:Sample) } AS invested",
        {"name": "华为"},
    )
    assert rows == [{"fin": 1231, "fout": 2894, "study": 0, "invested": 0}]
    rows = reference_graph.read(
        "MATCH (t:Organization {name_zh: $name})-[r:SUPPLIES_TALENT {experience: 'study'}]->(:Sample) "
        "RETURN count(r) AS n, collect(DISTINCT r.synthetic) AS synthetic",
        {"name": "清华大学"},
    )
    assert rows == [{"n": 275, "synthetic": [True]}]
    rows = reference_graph.read(
        "MATCH (c:Organization {name_zh: '广汽丰田'})-[:LOCATED_IN]->(city:City), "
        "(c)-[:IN_INDUSTRY]->(i:Industry), (p:Organization)-[e:EMPOWERS]->(c) "
        "RETURN city.code AS city, i.code AS industry, collect(p.name_zh) AS providers, "
        "collect(e.citations) AS citations, collect(e.sources) AS sources"
    )
    assert rows[0]["city"] == "440100" and rows[0]["industry"] == "C36"
    assert sorted(rows[0]["providers"]) == ["广州科腾", "瑞松科技"]
    assert rows[0]["citations"] == [["report2021:L1412"], ["report2021:L1412"]]
    assert rows[0]["sources"] == [["cingai-reports-observed"], ["cingai-reports-observed"]]
