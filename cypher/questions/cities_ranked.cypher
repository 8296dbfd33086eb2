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
// aggregate: focal_places
{% if stored %}
{% set variant = ('_' ~ choice.edition) if given.edition else '' %}
// the maintained totals per city (valuenet/aggregates.py), summed over the parts that make up the relation
MATCH (a:Aggregate {name: 'focal_places', focal_set: '{{ model.focal_set.label or 'all' }}'})
WHERE {{ aggregate_part('focal_places', choice.relation, 'a') }}
WITH collect(a) AS parts, sum(a.city_total{{ variant }}) AS total
UNWIND parts AS a
UNWIND range(0, size(a.city_codes) - 1) AS k
WITH total, a.city_codes[k] AS code, a.city_n{{ variant }}[k] AS n
WHERE n > 0
WITH total, code, sum(n) AS relations
{% if not given.within %}
// every code names a city (it was read from one): the ranking is known before the cities are looked up
ORDER BY relations DESC, code
LIMIT $limit
{% endif %}
MATCH (c:City {code: code})
{% else %}
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
WITH row.c AS c, row.relations AS relations, total
WHERE c IS NOT NULL
{% endif %}
{% if given.within %}
WITH c, relations, total
WHERE EXISTS { (c)-[:IN_PROVINCE|IN_METRO]->(w) WHERE w.code = $within }
{% endif %}
RETURN c.code AS code, c.name_zh AS city, c.name_en AS city_en, c.lat AS lat, c.lon AS lon, relations,
       round(10000.0 * relations / total) / 100 AS share
ORDER BY relations DESC, code
LIMIT $limit
