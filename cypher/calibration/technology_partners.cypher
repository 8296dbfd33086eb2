// title_zh: "技术关系：输入与赋能，按合作方国家、省份和城市"
// title_en: "Technology relations: input and empowerment, by the partner's country, province and city"
// answers: "Table 4 and §V.1 — input = EMPOWERS into a sample firm (the partner provides), empowerment = EMPOWERS out of a sample firm; domestic = partner country CN, HK, MO or TW; places are the partner's"
// params: {}
// metric_ids: [tech_coop_total, tech_coop_input_total, tech_coop_empowerment_total, rel_tech_empowerment_total, tech_coop_domestic_count, tech_coop_intl_count, tech_coop_intl_usa_count, tech_input_foreign_usa_count, tech_empowerment_foreign_usa_count, tech_coop_prov_beijing_count, tech_input_prov_beijing_count, tech_empowerment_prov_beijing_count, tech_coop_city_shenzhen_count, tech_input_city_shenzhen_count, tech_empowerment_city_shenzhen_count]
UNWIND ['input', 'empowerment'] AS d
MATCH (a:Organization)-[:EMPOWERS]->(b:Organization)
WHERE (d = 'input' AND b:Sample) OR (d = 'empowerment' AND a:Sample)
WITH d, CASE WHEN d = 'input' THEN a ELSE b END AS p
OPTIONAL MATCH (p)-[:LOCATED_IN]->(c:City)-[:IN_PROVINCE]->(cp:Province)
OPTIONAL MATCH (p)-[:LOCATED_IN]->(pp:Province)
WITH d, p.country IN ['CN', 'HK', 'MO', 'TW'] AS domestic, p.country AS country,
     c.code AS city, coalesce(cp.code, pp.code) AS province
WITH d, domestic, country, city, province, count(*) AS n
UNWIND [
  ['tech:' + d, n], ['tech:all', n],
  ['tech:' + d + ':' + CASE WHEN domestic THEN 'domestic' ELSE 'foreign' END, n],
  ['tech:' + CASE WHEN domestic THEN 'domestic' ELSE 'foreign' END, n],
  CASE WHEN NOT domestic THEN ['tech:' + d + ':country:' + country, n] END,
  CASE WHEN NOT domestic THEN ['tech:all:country:' + country, n] END,
  CASE WHEN domestic AND province IS NOT NULL THEN ['tech:' + d + ':province:' + province, n] END,
  CASE WHEN domestic AND province IS NOT NULL THEN ['tech:all:province:' + province, n] END,
  CASE WHEN domestic AND city IS NOT NULL THEN ['tech:' + d + ':city:' + city, n] END,
  CASE WHEN domestic AND city IS NOT NULL THEN ['tech:all:city:' + city, n] END
] AS kv
WITH kv WHERE kv IS NOT NULL
RETURN kv[0] AS k, sum(kv[1]) AS v
