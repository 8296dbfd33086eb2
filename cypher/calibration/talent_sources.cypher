// title_zh: "核心人力资本来源：前期学习与工作经验，按机构国家和省份"
// title_en: "Sources of core human capital: prior study and work experience, by the institution's country and province"
// answers: "Table 4, §V.2 and Tables 10-11 — SUPPLIES_TALENT into sample firms by experience; domestic = institution country CN, HK, MO or TW"
// params: {}
// metric_ids: [rel_hc_study_total, rel_hc_study_domestic, rel_hc_work_total, hc_total, hc_domestic_count, hc_country_usa_count, hc_prov_beijing_count, hc_study_domestic_top10_r01_beijing, hc_work_foreign_top10_r01_usa]
MATCH (p:Organization)-[r:SUPPLIES_TALENT]->(:Sample)
OPTIONAL MATCH (p)-[:LOCATED_IN]->(:City)-[:IN_PROVINCE]->(cp:Province)
OPTIONAL MATCH (p)-[:LOCATED_IN]->(pp:Province)
WITH r.experience AS e, p.country IN ['CN', 'HK', 'MO', 'TW'] AS domestic, p.country AS country,
     coalesce(cp.code, pp.code) AS province, count(*) AS n
UNWIND [
  ['hc:' + e, n], ['hc:all', n],
  ['hc:' + e + ':' + CASE WHEN domestic THEN 'domestic' ELSE 'foreign' END, n],
  ['hc:' + CASE WHEN domestic THEN 'domestic' ELSE 'foreign' END, n],
  CASE WHEN NOT domestic THEN ['hc:' + e + ':country:' + country, n] END,
  CASE WHEN NOT domestic THEN ['hc:all:country:' + country, n] END,
  CASE WHEN domestic AND province IS NOT NULL THEN ['hc:' + e + ':province:' + province, n] END,
  CASE WHEN domestic AND province IS NOT NULL THEN ['hc:all:province:' + province, n] END
] AS kv
WITH kv WHERE kv IS NOT NULL
RETURN kv[0] AS k, sum(kv[1]) AS v
