// title_zh: "样本企业的数值汇总：融资总额（按省份、领域）、研发均值与具名企业数值、各技术层次专利"
// title_en: "Sample firms' numeric totals: financing (by province and field), R&D means and named firms' values, patents by tech layer"
// answers: "§III.6 (financing totals and averages in 亿元), III.9 (R&D intensity and staff share in %, patents by layer)"
// params: {}
// metric_ids: [fin_total_amount, fin_prov_total_beijing, fin_prov_avg_beijing, fin_field_share_smart_commerce_retail, fin_provinces_count, rd_intensity_avg, rd_staff_share_avg, rd_intensity_top20_r01_yunhong_information, rd_staff_top_r01_archermind, patent_share_layer_base, patent_avg_layer_base]
MATCH (s:Sample)
WHERE s.financing_total_cny IS NOT NULL
OPTIONAL MATCH (s)-[:LOCATED_IN]->(:City)-[:IN_PROVINCE]->(cp:Province)
OPTIONAL MATCH (s)-[:LOCATED_IN]->(pp:Province)
WITH coalesce(cp.code, pp.code) AS province, sum(s.financing_total_cny) / 1.0e8 AS total, count(s) AS n
WITH collect([province, total, n]) AS rows, sum(total) AS all_total
UNWIND rows AS r
WITH r, all_total, size(rows) AS provinces
UNWIND [['fin:province:' + r[0] + ':total', round(r[1] * 100) / 100],
        ['fin:province:' + r[0] + ':avg', round(r[1] / r[2] * 100) / 100]] AS kv
RETURN kv[0] AS k, kv[1] AS v
UNION ALL
MATCH (s:Sample)
WHERE s.financing_total_cny IS NOT NULL
WITH sum(s.financing_total_cny) / 1.0e8 AS total
RETURN 'fin:total' AS k, round(total * 100) / 100 AS v
UNION ALL
MATCH (s:Sample)
WHERE s.financing_total_cny IS NOT NULL
OPTIONAL MATCH (s)-[:LOCATED_IN]->(:City)-[:IN_PROVINCE]->(cp:Province)
OPTIONAL MATCH (s)-[:LOCATED_IN]->(pp:Province)
WITH count(DISTINCT coalesce(cp.code, pp.code)) AS provinces
RETURN 'fin:provinces' AS k, provinces AS v
UNION ALL
MATCH (s:Sample)-[:APPLIES_IN]->(f:ApplicationField)
WHERE s.financing_total_cny IS NOT NULL
RETURN 'fin:field:' + f.code AS k, sum(s.financing_total_cny) / 1.0e8 AS v
UNION ALL
MATCH (s:Sample)
WHERE s.rd_intensity IS NOT NULL
WITH avg(s.rd_intensity) * 100 AS rd, avg(s.rd_staff_share) * 100 AS st,
     collect([s.name_zh, s.rd_intensity * 100, s.rd_staff_share * 100, coalesce(s.synthetic, false)]) AS firms
UNWIND [['attr:rd:mean', rd], ['attr:rdstaff:mean', st]] + [f IN firms WHERE NOT f[3] | ['attr:rd:' + f[0], f[1]]]
       + [f IN firms WHERE NOT f[3] | ['attr:rdstaff:' + f[0], f[2]]] AS kv
RETURN kv[0] AS k, kv[1] AS v
UNION ALL
MATCH (s:Sample)-[:AT_LAYER]->(l:TechLayer)
WHERE s.patents IS NOT NULL
WITH l.code AS layer, sum(s.patents) AS total, count(s) AS n
UNWIND [['pat:layer:' + layer + ':total', total], ['pat:layer:' + layer + ':n', n],
        ['pat:layer:' + layer + ':avg', round(toFloat(total) / n * 100) / 100], ['pat:total', total]] AS kv
RETURN kv[0] AS k, kv[1] AS v
