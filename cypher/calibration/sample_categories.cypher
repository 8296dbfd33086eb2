// title_zh: "样本企业的类别分布：省份、城市、都市圈、技术层次、核心技术、应用领域、成立年份"
// title_en: "Sample firms by category: province, city, metro area, tech layer, core technology, application field, founding year"
// answers: "§III.1-2, III.5, III.7-8 — counts of :Sample firms per value (shares are computed against attr:samples)"
// params: {}
// metric_ids: [ent_prov_share_beijing, ent_city_share_shenzhen, ent_metro_share_jingjinji, layer_share_application, coretech_share_big_data_cloud, coretech_basetech_share_big_data_cloud, app_field_share_smart_healthcare, estab_share_2012_2018, estab_peak_year, estab_peak_year_share, sample_ai_enterprises_guangdong]
MATCH (s:Sample)
OPTIONAL MATCH (s)-[:LOCATED_IN]->(c:City)-[:IN_PROVINCE]->(cp:Province)
OPTIONAL MATCH (s)-[:LOCATED_IN]->(pp:Province)
OPTIONAL MATCH (c)-[:IN_METRO]->(m:MetroArea)
OPTIONAL MATCH (s)-[:AT_LAYER]->(l:TechLayer)
OPTIONAL MATCH (s)-[:USES_TECH]->(t:CoreTechnology)
OPTIONAL MATCH (s)-[:APPLIES_IN]->(f:ApplicationField)
WITH s, c.code AS city, coalesce(cp.code, pp.code) AS province, m.code AS metro, l.code AS layer,
     t.code AS tech, f.code AS field, s.founded_year AS year
UNWIND [
  ['attr:samples', 1],
  CASE WHEN province IS NOT NULL THEN ['attr:province:' + province, 1] END,
  CASE WHEN city IS NOT NULL THEN ['attr:city:' + city, 1] END,
  CASE WHEN metro IS NOT NULL THEN ['attr:metro:' + metro, 1] END,
  CASE WHEN layer IS NOT NULL THEN ['attr:layer:' + layer, 1] END,
  CASE WHEN tech IS NOT NULL THEN ['attr:coretech:' + tech, 1] END,
  CASE WHEN tech IS NOT NULL AND layer IN ['base', 'technology'] THEN ['attr:coretech_bt:' + tech, 1] END,
  CASE WHEN layer IN ['base', 'technology'] THEN ['attr:basetech', 1] END,
  CASE WHEN field IS NOT NULL THEN ['attr:field:' + field, 1] END,
  CASE WHEN year IS NOT NULL THEN ['attr:founded:' + toString(year), 1] END,
  CASE WHEN year >= 2012 AND year <= 2018 THEN ['attr:founded_range:2012-2018', 1] END
] AS kv
WITH kv WHERE kv IS NOT NULL
RETURN kv[0] AS k, sum(kv[1]) AS v
