// group: geography
// title_zh: 国际合作国家排名
// title_en: Countries ranked by relations with the sample enterprises
// answers: >
//   Relations of sample enterprises counted by the counterpart's country (schema.md 5.1: the US total 2,265 =
//   1,028 input providers + 1,237 empowerment targets). relation: tech (input + empowerment), tech_input,
//   tech_empowerment, talent, study, work, financing (investors of samples), investment (targets of samples outside the sample, and acquisitions).
//   Foreign only by default; share = percentage of the foreign relations of that kind.
// chart: bar
// params:
//   relation: {type: str, default: tech, allowed: [tech, tech_input, tech_empowerment, talent, study, work, financing, investment]}
//   include_domestic: {type: bool, default: false}
//   edition: {type: int, default: null, allowed: [2020, 2021]}
//   limit: {type: int, default: 20, min: 1, max: 300}
// figures: [tech_coop_intl_*, tech_input_foreign_*, tech_empowerment_foreign_*, hc_country_*, invfin_country_*]
// example: {relation: tech}
CALL () {
  MATCH ({{ focal_node() }})<-[r:EMPOWERS]-(x:Organization) WHERE $relation IN ['tech', 'tech_input'] RETURN r, x
  UNION ALL
  MATCH ({{ focal_node() }})-[r:EMPOWERS]->(x:Organization) WHERE $relation IN ['tech', 'tech_empowerment'] RETURN r, x
  UNION ALL
  MATCH ({{ focal_node() }})<-[r:SUPPLIES_TALENT]-(x:Organization)
  WHERE $relation IN ['talent', 'study', 'work'] AND ($relation = 'talent' OR r.experience = $relation) RETURN r, x
  UNION ALL
  MATCH ({{ focal_node() }})<-[r:INVESTS_IN]-(x:Organization) WHERE $relation = 'financing' RETURN r, x
  UNION ALL
  MATCH ({{ focal_node() }})-[r:INVESTS_IN|ACQUIRES]->(x:Organization)
  WHERE $relation = 'investment' AND (type(r) = 'ACQUIRES' OR NOT {{ focal('x') }}) RETURN r, x
}
WITH r, x
WHERE ($edition IS NULL OR $edition IN r.editions) AND x.country IS NOT NULL
  AND ($include_domestic OR NOT x.country IN ['CN', 'HK', 'MO', 'TW'])
WITH x.country AS code, count(r) AS relations
WITH collect({code: code, relations: relations}) AS rows, sum(relations) AS total
UNWIND rows AS row
OPTIONAL MATCH (c:Country {code: row.code})
RETURN row.code AS code, coalesce(c.name_zh, row.code) AS country, c.name_en AS country_en, row.relations AS relations,
       round(10000.0 * row.relations / total) / 100 AS share
ORDER BY relations DESC, code
LIMIT $limit
