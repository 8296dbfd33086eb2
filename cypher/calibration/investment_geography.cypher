// title_zh: "投融资关系地域分布：投资方与被投资方的国家和省份"
// title_en: "Geography of investment relations: countries and provinces of investors and investees"
// answers: "§V.3 and Table 12 — each INVESTS_IN with a sample firm at one end counts twice: at the investor (investment relation) and at the investee (financing relation); domestic = country CN, HK, MO or TW"
// params: {}
// metric_ids: [invfin_geo_total, invfin_geo_domestic_count, invfin_geo_intl_count, invfin_country_usa_degree, invfin_prov_beijing_count, invest_rel_total, invest_rel_prov_beijing_count, financing_rel_total, financing_rel_prov_beijing_count]
MATCH (a:{{ org }})-[:{{ projection_types('investment') }}]->(b:{{ org }})
WHERE {{ counted('investment', 'a', 'b') }}
UNWIND ['investor', 'investee'] AS side
WITH side, CASE WHEN side = 'investor' THEN a ELSE b END AS o
OPTIONAL MATCH (o)-[:LOCATED_IN]->(:City)-[:IN_PROVINCE]->(cp:Province)
OPTIONAL MATCH (o)-[:LOCATED_IN]->(pp:Province)
WITH side, o.country IN ['CN', 'HK', 'MO', 'TW'] AS domestic, o.country AS country,
     coalesce(cp.code, pp.code) AS province, count(*) AS n
UNWIND [
  ['inv:geo:total', n],
  ['inv:geo:' + CASE WHEN domestic THEN 'domestic' ELSE 'foreign' END, n],
  ['inv:' + side + ':' + CASE WHEN domestic THEN 'domestic' ELSE 'foreign' END, n],
  CASE WHEN NOT domestic THEN ['inv:' + side + ':country:' + country, n] END,
  CASE WHEN domestic AND province IS NOT NULL THEN ['inv:' + side + ':province:' + province, n] END,
  CASE WHEN domestic AND province IS NOT NULL THEN ['inv:geo:province:' + province, n] END
] AS kv
WITH kv WHERE kv IS NOT NULL
RETURN kv[0] AS k, sum(kv[1]) AS v
