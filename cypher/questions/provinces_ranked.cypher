// group: geography
// title_zh: 国内合作省份排名
// title_en: Provinces ranked by relations with the sample enterprises
// answers: >
//   Domestic relations of sample enterprises counted by the counterpart's province (schema.md 5.1: Beijing's
//   12,588 technology relations = 4,357 input + 8,231 empowerment). relation: tech, tech_input,
//   tech_empowerment, talent, study, work, financing (by the investor's province), investment (by the target's: outside the sample, and
//   acquisitions).
//   Share = percentage of all domestic relations of that kind (partners whose province is unknown count in
//   the total, as in the report's 46,642 domestic technology relations).
// answers_zh: "样本企业的国内关系按对方所在省份计数（如北京的 12,588 条技术关系 = 4,357 条输入 + \
//   8,231 条赋能）。关系：技术、技术输入、技术赋能、人才、学习、工作、\
//   融资（按投资者所在省份）、投资（按投资对象所在省份：样本之外的投资，以及收购）。\
//   占比 = 该类全部国内关系中的百分比（省份不详的伙伴也计入总数，与报告中 46,642 条国内技术关\
//   系的口径一致）。"
// chart: map
// params:
//   relation: {type: str, default: tech, allowed: [tech, tech_input, tech_empowerment, talent, study, work, financing, investment]}
//   edition: {type: int, default: null, allowed: [2020, 2021]}
//   limit: {type: int, default: 40, min: 1, max: 40}
// figures: [tech_coop_prov_*, tech_input_prov_*, tech_empowerment_prov_*, hc_prov_*, invest_rel_prov_*]
// example: {relation: tech}
// aggregate: focal_places
{% if stored %}
{% set variant = ('_' ~ choice.edition) if given.edition else '' %}
// the maintained totals per province (valuenet/aggregates.py), summed over the parts that make up the relation
MATCH (a:Aggregate {name: 'focal_places', focal_set: '{{ model.focal_set.label or 'all' }}'})
WHERE {{ aggregate_part('focal_places', choice.relation, 'a') }}
WITH collect(a) AS parts, sum(a.province_total{{ variant }}) AS total
UNWIND parts AS a
UNWIND range(0, size(a.province_codes) - 1) AS k
WITH total, a.province_codes[k] AS code, a.province_n{{ variant }}[k] AS n
WHERE n > 0
WITH total, code, sum(n) AS relations
MATCH (p:Province {code: code})
{% else %}
MATCH {{ focal_match(choice.relation, 's', 'r', 'x') }}
WHERE {{ focal_where(choice.relation, 'r', 'x') }}
{% if given.edition %}
  AND $edition IN r.editions
{% endif %}
// per counterpart first: its country and place are read once, not once per relation
WITH x, count(r) AS n
WHERE coalesce(x.country, '') IN ['CN', 'HK', 'MO', 'TW']
OPTIONAL MATCH (x)-[:LOCATED_IN]->(loc)
OPTIONAL MATCH (loc)-[:IN_PROVINCE]->(pp:Province)
WITH n, CASE WHEN loc:Province THEN loc ELSE pp END AS p
WITH p, sum(n) AS relations
WITH collect({p: p, relations: relations}) AS rows, sum(relations) AS total
UNWIND rows AS row
WITH row.p AS p, row.relations AS relations, total
WHERE p IS NOT NULL
{% endif %}
RETURN p.code AS code, p.name_zh AS province, p.name_en AS province_en, relations,
       round(10000.0 * relations / total) / 100 AS share
ORDER BY relations DESC, code
LIMIT $limit
