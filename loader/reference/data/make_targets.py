"""Build targets.csv: the figures.csv rows the generator targets, each with the keys that measure it.

Run from the repository root when figures.csv or the rules change:
    .venv/bin/python loader/reference/data/make_targets.py
Columns: metric_id, published (as printed), kind, num, den, note. valuenet/figures.py judges every kind with
its one set of tolerances:
- count / amount: measured value of `num` (counts scale with --scale; amounts in 亿元 too), equal at the
  printed precision (count1: does not scale; count+1: one more than printed; count~0.1%: within 0.1 %);
- share: 100 * num / den (den: keys joined by "+"), within 0.1 percentage point (share>: above the printed
  bound);
- value / rank / argmax: measured value of `num`, the rank of `num` among the keys `den*`, the most frequent
  `num*` key, equal at the printed precision;
- emergent: a network statistic the generator does not fit, judged within ±20 % where measured (Table 3);
- x-<kind>: contradicted by the report itself: a miss is a variant.
Rows of figures.csv that are not targeted are listed with kind `skip` and the reason (`variant:` or
`contradiction:` when the report prints another value elsewhere), so every 2021 row of sections II-VI has a
line here.
"""

from __future__ import annotations

import csv
import re
from pathlib import Path

HERE = Path(__file__).resolve().parent

PROV = {
    "beijing": "110000", "guangdong": "440000", "shanghai": "310000", "zhejiang": "330000",
    "jiangsu": "320000", "sichuan": "510000", "shandong": "370000", "hubei": "420000", "fujian": "350000",
    "hunan": "430000", "hainan": "460000", "shaanxi": "610000", "anhui": "340000", "hong_kong": "810000",
    "heilongjiang": "230000",
}  # fmt: skip
CITY = {
    "beijing": "110100",
    "shanghai": "310100",
    "shenzhen": "440300",
    "guangzhou": "440100",
    "hangzhou": "330100",
}
COUNTRY = {
    "usa": "US", "germany": "DE", "uk": "GB", "japan": "JP", "south_korea": "KR", "australia": "AU",
    "singapore": "SG", "canada": "CA", "france": "FR", "netherlands": "NL", "switzerland": "CH",
    "finland": "FI", "sweden": "SE", "new_zealand": "NZ", "belgium": "BE", "russia": "RU", "india": "IN",
    "denmark": "DK", "ireland": "IE", "norway": "NO", "portugal": "PT", "italy": "IT", "iceland": "IS",
    "israel": "IL", "vietnam": "VN", "uae": "AE", "qatar": "QA", "saudi_arabia": "SA", "thailand": "TH",
    "malaysia": "MY", "spain": "ES",
}  # fmt: skip
FIELD = {
    "enterprise_tech_integration_solutions": "enterprise_solutions",
    "smart_commerce_retail": "smart_commerce_retail",
    "intelligent_robots": "intelligent_robots",
    "intelligent_hardware": "intelligent_hardware",
    "technology_finance": "fintech",
    "smart_healthcare": "smart_healthcare",
    "intelligent_manufacturing": "intelligent_manufacturing",
    "new_media_digital_content": "new_media_digital_content",
    "smart_transportation": "smart_transportation",
    "key_tech_rd_application_platform": "key_tech_platforms",
}
TECH = {
    "big_data_cloud": "big_data_cloud", "hardware": "hardware", "ml_recommendation": "ml_recommendation",
    "service_robot": "service_robots", "iot": "iot", "industrial_robot": "industrial_robots",
    "speech_nlp": "speech_nlp", "graphics_image_recognition": "image_recognition",
    "face_gait_expression": "face_gait_expression", "ai_chip": "ai_chips",
}  # fmt: skip
SECTION = {"manufacturing": "C", "construction": "E", "utilities": "D", "mining": "B"}
TIERS = ("primary", "secondary", "tertiary")
ALL_FIELDS = "+".join(
    f"fin:field:{f}"
    for f in sorted(
        set(FIELD.values())
        | {"smart_city", "smart_home", "smart_education", "intelligent_security", "intelligent_vehicles"}
    )
)


NAME_ALIASES = {"IDG": "IDG资本", "奇虎": "奇虎360", "用友软件": "用友"}
# Targets the report makes unreachable together with others: measured and shown, never failing.
FIG15 = "Fig. 15 shares are of 382 firms; the layer shares give 351"
BINS = "bins give 460 firms with >100 patents; the text says 470 (kept)"
LAYERS = "layer averages + shares imply 305 technology firms with patents; layers give 299"
CONTRADICTED = {
    "coretech_basetech_share_graphics_image_recognition": FIG15,
    "coretech_basetech_share_industrial_robot": FIG15,
    "patent_share_50_100": BINS,
    "patent_share_100_200": BINS,
    "patent_share_layer_technology": LAYERS,
    "patent_share_layer_application": LAYERS,
}


def named(desc: str) -> str:
    m = re.search(r"\): (\S+)", desc)
    name = m.group(1) if m else "?"
    return NAME_ALIASES.get(name, name)


def rule(mid: str, desc: str) -> tuple[str, str, str, str] | str:
    """(kind, num, den, note) or a reason to skip."""
    m = re.fullmatch
    if mid in ("network_sample_nodes", "sample_ai_enterprises_2021"):
        return ("count", "network:sample_nodes", "", "")
    if mid == "network_relation_nodes":
        return ("count", "network:relation_nodes", "", "")
    if mid == "network_nodes_total":
        return ("count", "network:nodes", "", "")
    if mid == "network_edges_total":
        return ("count~0.1%", "network:edges", "", "total within 0.1% (DECISIONS.md: 98,007 relations)")
    if mid == "sample_ai_enterprises_guangdong":
        return ("count", "attr:province:440000", "", "")
    if mid.startswith("network_"):
        # not fitted by the generator; the network_stats job measures them (valuenet report, Table 3)
        return ("emergent", "", "", "emergent statistic, not fitted: judged within ±20 %")
    # III.1
    if mid == "estab_share_2012_2018":
        return ("share", "attr:founded_range:2012-2018", "attr:samples", "")
    if mid == "estab_peak_year_share":
        return ("share", "attr:founded:2015", "attr:samples", "")
    if mid == "estab_peak_year":
        return ("argmax", "attr:founded:", "", "the most frequent founding year")
    # III.2
    if x := m(r"ent_metro_share_(.+)", mid):
        code = {"jingjinji": "JJJ", "yangtze_river_delta": "YRD", "pearl_river_delta": "PRD"}[x.group(1)]
        if code == "PRD":
            return "contradiction: PRD share 26.39% > Guangdong's 579/2205 = 26.26% (DECISIONS.md)"
        return ("share", f"attr:metro:{code}", "attr:samples", "")
    if x := m(r"ent_prov_rank_r(\d+)_(.+)", mid):
        return ("rank", f"attr:province:{PROV[x.group(2)]}", "attr:province:", "")
    if x := m(r"ent_prov_share_(.+)", mid):
        if x.group(1) == "guangdong":
            return "contradiction: 26.39% vs the 579 Guangdong firms of Table 1 (DECISIONS.md)"
        return ("share", f"attr:province:{PROV[x.group(1)]}", "attr:samples", "")
    if x := m(r"ent_city_share_(.+)", mid):
        c = CITY[x.group(1)]
        key = f"attr:province:{c[:2]}0000" if c[2:4] == "01" and c[:2] in ("11", "31") else f"attr:city:{c}"
        return ("share", key, "attr:samples", "")
    # III.3-4
    if mid == "staff_listed_sample":
        return ("count", "attr:staff:n", "", "")
    for j, suffix in enumerate(("lt_2000", "2000_4000", "4000_6000", "gt_6000")):
        if mid == f"staff_share_{suffix}":
            return ("share", f"attr:staff:bin{j}", "attr:staff:n", "")
    if mid == "revenue_listed_sample":
        return ("count", "attr:revenue:n", "", "")
    if mid == "revenue_share_lt_40e8":
        return ("share", "attr:revenue:bin0", "attr:revenue:n", "")
    if mid == "revenue_share_gt_80e8":
        return ("share", "attr:revenue:bin2", "attr:revenue:n", "")
    if mid == "mktcap_listed_sample":
        return ("count", "attr:mktcap:n", "", "")
    if mid == "mktcap_share_lt_100e8":
        return ("share", "attr:mktcap:bin0", "attr:mktcap:n", "")
    if mid == "mktcap_share_gt_400e8":
        return ("share", "attr:mktcap:bin2", "attr:mktcap:n", "")
    # III.5
    if mid == "app_fields_count":
        return "the dimension tables hold the 15 field names recoverable from the text, not Fig. 8's 20"
    if x := m(r"app_field_share_(.+)", mid):
        return ("share", f"attr:field:{FIELD[x.group(1)]}", "attr:samples", "")
    # III.6
    if mid == "fin_enterprises_with_financing":
        return ("count", "fin:n", "", "")
    if mid == "fin_enterprises_with_financing_share":
        return ("share", "fin:n", "attr:samples", "")
    if mid == "fin_total_amount":
        return ("amount", "fin:total", "", "")
    for j, suffix in enumerate(("lt_1e8", "1e8_10e8", "gt_10e8")):
        if mid == f"fin_share_{suffix}":
            return ("share", f"fin:bin{j}", "fin:n", "")
    if x := m(r"fin_field_share_(.+)", mid):
        if desc.count(">") or "above 5%" in desc:
            return ("share>", f"fin:field:{FIELD[x.group(1)]}", ALL_FIELDS, "printed as above 5%")
        return ("share", f"fin:field:{FIELD[x.group(1)]}", ALL_FIELDS, "")
    if mid == "fin_provinces_count":
        return ("count1", "fin:provinces", "", "does not scale")
    if x := m(r"fin_prov_total_(.+)", mid):
        return ("amount", f"fin:province:{PROV[x.group(1)]}:total", "", "")
    if x := m(r"fin_prov_avg_(.+)", mid):
        return ("value", f"fin:province:{PROV[x.group(1)]}:avg", "", "")
    # III.7-8
    if x := m(r"layer_share_(.+)", mid):
        return ("share", f"attr:layer:{x.group(1)}", "attr:samples", "")
    if mid == "coretech_base_tech_layer_sample":
        return "contradiction: 382 vs 15.95% x 2,205 = 352 base+technology firms (DECISIONS.md)"
    if x := m(r"coretech_basetech_share_(.+)", mid):
        return (
            "share",
            f"attr:coretech_bt:{TECH[x.group(1)]}",
            "attr:basetech",
            "of the 353 base+technology firms",
        )
    if x := m(r"coretech_share_(.+)", mid):
        return ("share", f"attr:coretech:{TECH[x.group(1)]}", "attr:samples", "")
    # III.9
    if mid == "rd_listed_sample":
        return ("count", "attr:rd:n", "", "")
    for j, suffix in enumerate(("lt_5", "5_15", "gt_15")):
        if mid == f"rd_intensity_share_{suffix}":
            return ("share", f"attr:rd:bin{j}", "attr:rd:n", "")
    if mid == "rd_intensity_avg":
        return ("value", "attr:rd:mean", "", "")
    if x := m(r"rd_intensity_top20_r\d+_(.+)", mid):
        if "variant" in x.group(1):
            return "variant spelling of a name"
        name = re.search(r"\): (\S+) ", desc + " ")
        return (
            "value",
            f"attr:rd:{name.group(1) if name else '?'}",
            "",
            "the firm's value (the top-20 ranking itself contradicts the >15% share, DECISIONS.md)",
        )
    for j, suffix in ((0, "lt_10"), (1, "10_20"), (3, "gt_50")):
        if mid == f"rd_staff_share_{suffix}":
            return ("share", f"attr:rdstaff:bin{j}", "attr:rd:n", "")
    if mid == "rd_staff_share_avg":
        return ("value", "attr:rdstaff:mean", "", "")
    if x := m(r"rd_staff_top_r\d+_(.+)", mid):
        name = re.search(r": (\S+) ", desc + " ")
        return ("value", f"attr:rdstaff:{name.group(1) if name else '?'}", "", "")
    if mid == "patent_sample":
        return ("count", "pat:n", "", "")
    for j, suffix in enumerate(("lt_50", "50_100", "100_200", "200_1000", "gt_1000")):
        if mid == f"patent_share_{suffix}":
            return ("share", f"pat:bin{j}", "pat:n", "")
    if mid == "patent_gt100_enterprises":
        return ("count", "pat:gt100", "", "")
    if mid == "patent_gt100_top5_prov_share":
        keys = "+".join(
            f"pat:gt100:province:{PROV[p]}"
            for p in ("guangdong", "beijing", "zhejiang", "shanghai", "shandong")
        )
        return ("share", keys, "pat:gt100", "")
    if x := m(r"patent_gt100_prov_share_(.+)", mid):
        return ("share", f"pat:gt100:province:{PROV[x.group(1)]}", "pat:gt100", "")
    if x := m(r"patent_share_layer_(.+)", mid):
        return ("share", f"pat:layer:{x.group(1)}:total", "pat:total", "")
    if x := m(r"patent_avg_layer_(.+)", mid):
        return ("value", f"pat:layer:{x.group(1)}:avg", "", "")
    # IV.2 Table 4
    t4 = {
        "rel_tech_input_total": "variant: Table 4 prints 15,491; targeted as 15,493 (V.1.1)",
        "rel_tech_input_domestic": "variant: Table 4 prints 13,781; targeted as 13,782 (V.1.1)",
        "rel_tech_input_foreign": "variant: Table 4 prints 1,710; 15,493 - 13,782 = 1,711",
        "rel_tech_empowerment_domestic": "variant: Table 4 prints 32,861; targeted as 32,860 (V.1.1)",
        "rel_tech_empowerment_foreign": "variant: Table 4 prints 2,814; 35,675 - 32,860 = 2,815",
    }
    if mid in t4:
        return t4[mid]
    simple = {
        "rel_tech_empowerment_total": ("count", "tech:empowerment"),
        "rel_hc_study_total": ("count", "hc:study"),
        "rel_hc_study_domestic": ("count", "hc:study:domestic"),
        "rel_hc_study_foreign": ("count", "hc:study:foreign"),
        "rel_hc_work_total": ("count", "hc:work"),
        "rel_hc_work_domestic": ("count", "hc:work:domestic"),
        "rel_hc_work_foreign": ("count", "hc:work:foreign"),
        "rel_invfin_received": ("count", "inv:received"),
        "rel_invfin_invested": ("count", "inv:made"),
    }
    if mid in simple:
        k, num = simple[mid]
        return (k, num, "", "")
    if mid == "rel_invfin_events_total":
        return ("count", "inv:received+inv:made", "", "received + made (one relationship each)")
    shares = {
        "rel_tech_input_domestic_share": ("tech:input:domestic", "tech:input"),
        "rel_tech_input_foreign_share": ("tech:input:foreign", "tech:input"),
        "rel_tech_empowerment_domestic_share": ("tech:empowerment:domestic", "tech:empowerment"),
        "rel_tech_empowerment_foreign_share": ("tech:empowerment:foreign", "tech:empowerment"),
        "rel_hc_study_domestic_share": ("hc:study:domestic", "hc:study"),
        "rel_hc_study_foreign_share": ("hc:study:foreign", "hc:study"),
        "rel_hc_work_domestic_share": ("hc:work:domestic", "hc:work"),
        "rel_hc_work_foreign_share": ("hc:work:foreign", "hc:work"),
        "rel_invfin_received_share": ("inv:received", "inv:received+inv:made"),
        "rel_invfin_invested_share": ("inv:made", "inv:received+inv:made"),
        "tech_input_share": ("tech:input", "tech:all"),
        "tech_empowerment_share": ("tech:empowerment", "tech:all"),
    }
    if mid in shares:
        return ("share", shares[mid][0], shares[mid][1], "")
    # IV.3 rankings
    if x := m(r"tech_degree_top30_(sample|relation)_r(\d+)_.+", mid):
        return ("count", f"techdeg:{named(desc)}:deg", "", f"rank {int(x.group(2))} ({x.group(1)} nodes)")
    if x := m(r"tech_(input|empowerment)_top(30|20)_(sample|relation)_r(\d+)_.+", mid):
        own = {
            "sample": {"input": "in", "empowerment": "out"},
            "relation": {"input": "in", "empowerment": "out"},
        }
        return (
            "count",
            f"techdeg:{named(desc)}:{own[x.group(3)][x.group(1)]}",
            "",
            f"rank {int(x.group(4))}",
        )
    if x := m(r"hc_(study|work)_top20_(domestic|foreign)_r(\d+)_.+", mid):
        return ("count", f"hcdeg:{x.group(1)}:{named(desc)}", "", f"rank {int(x.group(3))} {x.group(2)}")
    if x := m(r"invest_top20_(institution|noninstitution)_r(\d+)_.+", mid):
        return ("count", f"invdeg:{named(desc)}", "", f"rank {int(x.group(2))} {x.group(1)}")
    # V.1
    v1 = {
        "tech_coop_total": ("count", "tech:all", ""),
        "tech_coop_input_total": ("count", "tech:input", ""),
        "tech_coop_input_share": ("share", "tech:input", "tech:all"),
        "tech_coop_empowerment_total": ("count", "tech:empowerment", ""),
        "tech_coop_empowerment_share": ("share", "tech:empowerment", "tech:all"),
        "tech_coop_domestic_count": ("count", "tech:domestic", ""),
        "tech_coop_domestic_share": ("share", "tech:domestic", "tech:all"),
        "tech_coop_intl_count": ("count", "tech:foreign", ""),
        "tech_coop_intl_share": ("share", "tech:foreign", "tech:all"),
        "tech_input_domestic_count_v": ("count", "tech:input:domestic", ""),
        "tech_input_domestic_share_v": ("share", "tech:input:domestic", "tech:input"),
        "tech_empowerment_domestic_count_v": ("count", "tech:empowerment:domestic", ""),
        "tech_empowerment_domestic_share_v": ("share", "tech:empowerment:domestic", "tech:empowerment"),
        "tech_coop_domestic_total": ("count", "tech:domestic", ""),
        "tech_coop_domestic_input": ("count", "tech:input:domestic", ""),
        "tech_coop_domestic_input_share": ("share", "tech:input:domestic", "tech:domestic"),
        "tech_coop_domestic_empowerment": ("count", "tech:empowerment:domestic", ""),
        "tech_coop_domestic_empowerment_share": ("share", "tech:empowerment:domestic", "tech:domestic"),
    }
    if mid in v1:
        k, num, den = v1[mid]
        return (k, num, den, "")
    if x := m(r"tech_coop_intl_(.+)_(count|share)", mid):
        key = f"tech:all:country:{COUNTRY[x.group(1)]}"
        return ("count", key, "", "") if x.group(2) == "count" else ("share", key, "tech:foreign", "")
    if x := m(r"tech_(input|empowerment)_foreign_(.+)_(count|share)", mid):
        key = f"tech:{x.group(1)}:country:{COUNTRY[x.group(2)]}"
        return ("count", key, "", "") if x.group(3) == "count" else ("share", key, f"tech:{x.group(1)}", "")
    if x := m(r"tech_(coop|input|empowerment)_prov_rank_r(\d+)_(.+)", mid):
        d = "all" if x.group(1) == "coop" else x.group(1)
        return ("rank", f"tech:{d}:province:{PROV[x.group(3)]}", f"tech:{d}:province:", "")
    if x := m(r"tech_(coop|input|empowerment)_(prov|city)_(.+)_(count|share)", mid):
        d = "all" if x.group(1) == "coop" else x.group(1)
        code = PROV[x.group(3)] if x.group(2) == "prov" else CITY[x.group(3)]
        key = f"tech:{d}:{'province' if x.group(2) == 'prov' else 'city'}:{code}"
        den = "tech:domestic" if d == "all" else f"tech:{d}:domestic"
        return ("count", key, "", "") if x.group(4) == "count" else ("share", key, den, "")
    # V.2
    v2 = {
        "hc_total": ("count", "hc:all", ""),
        "hc_domestic_count": ("count", "hc:domestic", ""),
        "hc_domestic_share": ("share", "hc:domestic", "hc:all"),
        "hc_foreign_count": ("count", "hc:foreign", ""),
        "hc_foreign_share": ("share", "hc:foreign", "hc:all"),
        "hc_country_china_count": ("count", "hc:domestic", ""),
        "hc_country_china_share": ("share", "hc:domestic", "hc:all"),
    }
    if mid in v2:
        k, num, den = v2[mid]
        return (k, num, den, "")
    if mid in ("hc_study_share_of_hc", "hc_work_share_of_hc"):
        return "contradiction: 20.08% / 79.92% vs 4,826 / 16,514 of 21,340 = 22.61% / 77.39% (DECISIONS.md)"
    if x := m(r"hc_country_(.+)_(count|share)", mid):
        key = f"hc:all:country:{COUNTRY[x.group(1)]}"
        return ("count", key, "", "") if x.group(2) == "count" else ("share", key, "hc:all", "")
    if x := m(r"hc_prov_(.+)_(count|share)", mid):
        key = f"hc:all:province:{PROV[x.group(1)]}"
        return ("count", key, "", "") if x.group(2) == "count" else ("share", key, "hc:domestic", "")
    if x := m(r"hc_(study|work)_(domestic|foreign)_top10_r\d+_(.+)", mid):
        if x.group(2) == "domestic":
            return (
                "share",
                f"hc:{x.group(1)}:province:{PROV[x.group(3)]}",
                f"hc:{x.group(1)}:domestic",
                "share of the domestic relations (DECISIONS.md)",
            )
        return (
            "share",
            f"hc:{x.group(1)}:country:{COUNTRY[x.group(3)]}",
            f"hc:{x.group(1)}",
            "share of all relations of the kind (DECISIONS.md)",
        )
    # V.3
    v3 = {
        "invfin_geo_total": ("count", "inv:geo:total", ""),
        "invfin_geo_domestic_count": ("count", "inv:geo:domestic", ""),
        "invfin_geo_domestic_share": ("share", "inv:geo:domestic", "inv:geo:total"),
        "invfin_geo_intl_count": ("count", "inv:geo:foreign", ""),
        "invfin_geo_intl_share": ("share", "inv:geo:foreign", "inv:geo:total"),
        "invfin_country_china_degree": ("count", "inv:geo:domestic", ""),
        "invest_rel_total": ("count", "inv:investor:domestic", ""),
        "invest_rel_share": ("share", "inv:investor:domestic", "inv:geo:domestic"),
        "financing_rel_total": ("count", "inv:investee:domestic", ""),
        "financing_rel_share": ("share", "inv:investee:domestic", "inv:geo:domestic"),
    }
    if mid in v3:
        k, num, den = v3[mid]
        return (k, num, den, "")
    if mid == "invfin_country_singapore_degree_dup_row22":
        return "Table 12 lists 新加坡 twice; the second row (1) is taken as an unnamed country (DECISIONS.md)"
    if mid == "invfin_country_abu_dhabi_degree":
        return "阿布扎比 is an emirate of the UAE: counted in AE (2 + 1 = 3, DECISIONS.md)"
    if mid == "invfin_country_uae_degree":
        return ("count+1", "inv:investor:country:AE", "", "2 printed + 1 for 阿布扎比")
    if x := m(r"invfin_country_(.+)_degree", mid):
        return ("count", f"inv:investor:country:{COUNTRY[x.group(1)]}", "", "")
    if x := m(r"invfin_intl_(.+)_share", mid):
        return ("share", f"inv:investor:country:{COUNTRY[x.group(1)]}", "inv:investor:foreign", "")
    if x := m(r"invfin_prov_(.+)_(count|share)", mid):
        key = f"inv:geo:province:{PROV[x.group(1)]}"
        return ("count", key, "", "") if x.group(2) == "count" else ("share", key, "inv:geo:domestic", "")
    if x := m(r"invest_rel_prov_(.+)_(count|share)", mid):
        key = f"inv:investor:province:{PROV[x.group(1)]}"
        return (
            ("count", key, "", "") if x.group(2) == "count" else ("share", key, "inv:investor:domestic", "")
        )
    if x := m(r"financing_rel_prov_(.+)_(count|share)", mid):
        key = f"inv:investee:province:{PROV[x.group(1)]}"
        return (
            ("count", key, "", "") if x.group(2) == "count" else ("share", key, "inv:investee:domestic", "")
        )
    # VI
    vi = {
        "core_emp_target_core_share": (
            "sector:empowerment:AI",
            "sector:empowerment:AI+sector:empowerment:converged",
        ),
        "core_emp_target_converged_share": (
            "sector:empowerment:converged",
            "sector:empowerment:AI+sector:empowerment:converged",
        ),
        "core_input_from_core_share": ("sector:input:AI", "sector:input:AI+sector:input:converged"),
        "core_input_from_converged_share": (
            "sector:input:converged",
            "sector:input:AI+sector:input:converged",
        ),
        "core_secondary_coop_core_to_secondary_share": (
            "sector:empowerment:tier:secondary",
            "sector:coop:tier:secondary",
        ),
        "core_secondary_coop_secondary_to_core_share": (
            "sector:input:tier:secondary",
            "sector:coop:tier:secondary",
        ),
        "core_mfg_coop_core_to_mfg_share": ("sector:empowerment:section:C", "sector:coop:section:C"),
        "core_mfg_coop_mfg_to_core_share": ("sector:input:section:C", "sector:coop:section:C"),
        "core_tertiary_coop_core_to_tertiary_share": (
            "sector:empowerment:tier:tertiary",
            "sector:coop:tier:tertiary",
        ),
        "core_tertiary_coop_tertiary_to_core_share": (
            "sector:input:tier:tertiary",
            "sector:coop:tier:tertiary",
        ),
    }
    if mid in vi:
        return ("share", vi[mid][0], vi[mid][1], "")
    if mid == "converged_to_core_primary_share":
        return "contradiction: the three tier shares sum to 100.54% (DECISIONS.md); primary measured at 0.23%"
    if x := m(r"(core_to_converged|converged_to_core)_(primary|secondary|tertiary)_share", mid):
        d = "empowerment" if x.group(1) == "core_to_converged" else "input"
        return ("share", f"sector:{d}:tier:{x.group(2)}", f"sector:{d}:converged", "")
    if x := m(r"(secondary_to_core|core_to_secondary)_(.+)_share", mid):
        d = "input" if x.group(1) == "secondary_to_core" else "empowerment"
        return ("share", f"sector:{d}:section:{SECTION[x.group(2)]}", f"sector:{d}:tier:secondary", "")
    if x := m(r"core_mfg_coop_(c\d\d)_(count|share)", mid):
        key = f"sector:coop:division:{x.group(1).upper()}"
        return (
            ("count", key, "", "") if x.group(2) == "count" else ("share", key, "sector:coop:section:C", "")
        )
    if x := m(r"(mfg_to_core|core_to_mfg)_emp_(c\d\d)_share", mid):
        d = "input" if x.group(1) == "mfg_to_core" else "empowerment"
        return ("share", f"sector:{d}:division:{x.group(2).upper()}", f"sector:{d}:section:C", "")
    if x := m(r"core_tertiary_coop_([a-z])_(count|share)", mid):
        key = f"sector:coop:section:{x.group(1).upper()}"
        if x.group(2) == "share" and x.group(1) == "j":
            return (
                "share~0.1",
                key,
                "sector:coop:tier:tertiary",
                "printed 10.03% contradicts 2,383 / 23,613 = 10.09% (DECISIONS.md)",
            )
        return (
            ("count", key, "", "")
            if x.group(2) == "count"
            else ("share", key, "sector:coop:tier:tertiary", "")
        )
    if x := m(r"(tertiary_to_core|core_to_tertiary)_emp_([a-z])_share", mid):
        d = "input" if x.group(1) == "tertiary_to_core" else "empowerment"
        return ("share", f"sector:{d}:section:{x.group(2).upper()}", f"sector:{d}:tier:tertiary", "")
    return "not a property of the value network graph (context figure)"


def main() -> None:
    with (HERE / "figures.csv").open(encoding="utf-8", newline="") as f:
        figures = list(csv.DictReader(f))
    rows = []
    sections = ("II", "III", "IV", "V", "VI")
    for r in figures:
        if (
            r["edition"] != "2021"
            or not r["section"].startswith(sections)
            or (r["section"].startswith("VI") and r["section"] not in ("VI.1", "VI.2", "VI.3", "VI.4"))
        ):
            continue
        if r["section"].startswith("VII") or r["section"].startswith("VIII"):
            continue
        got = rule(r["metric_id"], r["description_en"])
        if isinstance(got, str):
            rows.append([r["metric_id"], r["value"], "skip", "", "", got, r["line"]])
        else:
            kind, num, den, note = got
            if r["metric_id"] in CONTRADICTED:
                kind, note = (
                    f"x-{kind}",
                    f"contradiction, shown but not checked: {CONTRADICTED[r['metric_id']]}",
                )
            rows.append([r["metric_id"], r["value"], kind, num, den, note, r["line"]])
    with (HERE / "targets.csv").open("w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["metric_id", "published", "kind", "num", "den", "note", "line"])
        w.writerows(rows)
    targeted = sum(1 for r in rows if r[2] not in ("skip", "emergent"))
    print(f"{len(rows)} rows, {targeted} targeted by the generator")


if __name__ == "__main__":
    main()
