// group: geography
// title_zh: 国内合作城市排名
// title_en: Cities ranked by relations with the sample enterprises
// answers: >
//   Domestic relations of sample enterprises counted by the counterpart's city, optionally within one province
//   or metro area. relation as in provinces_ranked. Share = percentage of all domestic relations of that
//   kind (partners whose city is unknown count in the total).
// answers_zh: "样本企业的国内关系按对方所在城市计数，可只看某个省份或都市圈内的城市；\
//   关系的种类与省份排名相同。占比 = 该类全部国内关系中的百分比（城市不详的伙伴也计入总数）。"
// chart: map
// params:
//   relation: {type: str, default: tech, allowed: [tech, tech_input, tech_empowerment, talent, study, work, financing, investment]}
//   within: {type: str, dimension: [Province, MetroArea], default: null, pattern: '[0-9]{6}|JJJ|YRD|PRD', choices: regions, description: 'province code or metro area'}
//   edition: {type: int, default: null, allowed: [2020, 2021]}
//   limit: {type: int, default: 20, min: 1, max: 400}
// figures: [tech_coop_city_*, tech_input_city_*, tech_empowerment_city_*]
// example: {relation: tech}
MATCH {{ focal_match(choice.relation, 's', 'r', 'x') }}
WHERE {{ focal_where(choice.relation, 'r', 'x') }}
{% if given.edition %}
  AND $edition IN r.editions
{% endif %}
// per counterpart first: its country and city are read once, not once per relation
WITH x, count(r) AS n
WHERE coalesce(x.country, '') IN ['CN', 'HK', 'MO', 'TW']
OPTIONAL MATCH (x)-[:LOCATED_IN]->(c:City)
WITH c, sum(n) AS relations
WITH collect({c: c, relations: relations}) AS rows, sum(relations) AS total
UNWIND rows AS row
WITH row, total, row.c AS c
WHERE c IS NOT NULL
{% if given.within %}
  AND EXISTS { (c)-[:IN_PROVINCE|IN_METRO]->(w) WHERE w.code = $within }
{% endif %}
RETURN c.code AS code, c.name_zh AS city, c.name_en AS city_en, c.lat AS lat, c.lon AS lon, row.relations AS relations,
       round(10000.0 * row.relations / total) / 100 AS share
ORDER BY relations DESC, code
LIMIT $limit
