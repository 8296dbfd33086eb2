// title_zh: "投资机构与非投资机构投资的样本企业数"
// title_en: "Number of sample firms each investor invested in"
// answers: "Table 9 — distinct sample firms reached by INVESTS_IN from each observed (non-synthetic) investor, investment institution (:Investor) or not"
// params: {}
// metric_ids: [invest_top20_institution_r01_sequoia_capital_china, invest_top20_noninstitution_r01_tencent]
MATCH (i:Organization)-[:INVESTS_IN]->(s:Sample)
WHERE NOT coalesce(i.synthetic, false)
RETURN 'invdeg:' + i.name_zh AS k, count(DISTINCT s) AS v
