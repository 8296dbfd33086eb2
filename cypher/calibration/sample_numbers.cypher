// title_zh: "样本企业的数值属性分档：员工、营收、市值、研发强度、研发人员占比、融资、专利"
// title_en: "Sample firms' numeric attributes in the report's bins: staff, revenue, market value, R&D intensity, R&D staff share, financing, patents"
// answers: "§III.3-4, III.6, III.9 — bin counts and the number of firms with each attribute (amounts in yuan; 亿元 = 1e8; shares as fractions)"
// params: {}
// metric_ids: [staff_share_lt_2000, revenue_share_lt_40e8, mktcap_share_gt_400e8, rd_intensity_share_5_15, rd_staff_share_gt_50, fin_enterprises_with_financing, fin_share_gt_10e8, patent_sample, patent_share_gt_1000, patent_gt100_enterprises]
MATCH (s:Sample)
OPTIONAL MATCH (s)-[:LOCATED_IN]->(:City)-[:IN_PROVINCE]->(cp:Province)
OPTIONAL MATCH (s)-[:LOCATED_IN]->(pp:Province)
WITH s, coalesce(cp.code, pp.code) AS province
UNWIND [
  CASE WHEN s.listed THEN ['attr:listed', 1] END,
  CASE WHEN s.staff IS NOT NULL THEN ['attr:staff:n', 1] END,
  CASE WHEN s.staff IS NOT NULL THEN ['attr:staff:bin' + CASE WHEN s.staff < 2000 THEN '0' WHEN s.staff < 4000 THEN '1' WHEN s.staff < 6000 THEN '2' ELSE '3' END, 1] END,
  CASE WHEN s.revenue_cny IS NOT NULL THEN ['attr:revenue:n', 1] END,
  CASE WHEN s.revenue_cny IS NOT NULL THEN ['attr:revenue:bin' + CASE WHEN s.revenue_cny < 4.0e9 THEN '0' WHEN s.revenue_cny < 8.0e9 THEN '1' ELSE '2' END, 1] END,
  CASE WHEN s.market_value_cny IS NOT NULL THEN ['attr:mktcap:n', 1] END,
  CASE WHEN s.market_value_cny IS NOT NULL THEN ['attr:mktcap:bin' + CASE WHEN s.market_value_cny < 1.0e10 THEN '0' WHEN s.market_value_cny <= 4.0e10 THEN '1' ELSE '2' END, 1] END,
  CASE WHEN s.rd_intensity IS NOT NULL THEN ['attr:rd:n', 1] END,
  CASE WHEN s.rd_intensity IS NOT NULL THEN ['attr:rd:bin' + CASE WHEN s.rd_intensity < 0.05 THEN '0' WHEN s.rd_intensity <= 0.15 THEN '1' ELSE '2' END, 1] END,
  CASE WHEN s.rd_staff_share IS NOT NULL THEN ['attr:rdstaff:bin' + CASE WHEN s.rd_staff_share < 0.10 THEN '0' WHEN s.rd_staff_share < 0.20 THEN '1' WHEN s.rd_staff_share <= 0.50 THEN '2' ELSE '3' END, 1] END,
  CASE WHEN s.financing_total_cny IS NOT NULL THEN ['fin:n', 1] END,
  CASE WHEN s.financing_total_cny IS NOT NULL THEN ['fin:bin' + CASE WHEN s.financing_total_cny < 1.0e8 THEN '0' WHEN s.financing_total_cny <= 1.0e9 THEN '1' ELSE '2' END, 1] END,
  CASE WHEN s.patents IS NOT NULL THEN ['pat:n', 1] END,
  CASE WHEN s.patents IS NOT NULL THEN ['pat:bin' + CASE WHEN s.patents < 50 THEN '0' WHEN s.patents <= 100 THEN '1' WHEN s.patents <= 200 THEN '2' WHEN s.patents <= 1000 THEN '3' ELSE '4' END, 1] END,
  CASE WHEN s.patents > 100 THEN ['pat:gt100', 1] END,
  CASE WHEN s.patents > 100 AND province IS NOT NULL THEN ['pat:gt100:province:' + province, 1] END
] AS kv
WITH kv WHERE kv IS NOT NULL
RETURN kv[0] AS k, sum(kv[1]) AS v
