// group: geography
// title_zh: 国际合作国家排名
// title_en: Countries ranked by relations with the sample enterprises
// answers: >
//   Relations of sample enterprises counted by the counterpart's country (schema.md 5.1: the US total 2,265 =
//   1,028 input providers + 1,237 empowerment targets). relation: tech (input + empowerment), tech_input,
//   tech_empowerment, talent, study, work, financing (investors of samples), investment (targets of samples outside the sample, and acquisitions).
//   Foreign only by default; share = percentage of the foreign relations of that kind.
// answers_zh: "样本企业的关系按对方所在国家计数（如美国合计 2,265 = 1,028 个技术输入方 + 1,23\
//   7 个技术赋能对象）。关系：技术（输入 + 赋能）、技术输入、技术赋能、\
//   人才、学习、工作、融资（样本企业的投资者）、投资（样本企业在样本之外的投资对象，\
//   以及收购）。默认只看国外；占比 = 该类国外关系中的百分比。"
// chart: bar
// params:
//   relation: {type: str, default: tech, allowed: [tech, tech_input, tech_empowerment, talent, study, work, financing, investment]}
//   include_domestic: {type: bool, default: false}
//   edition: {type: int, default: null, allowed: [2020, 2021]}
//   limit: {type: int, default: 20, min: 1, max: 300}
// figures: [tech_coop_intl_*, tech_input_foreign_*, tech_empowerment_foreign_*, hc_country_*, invfin_country_*]
// example: {relation: tech}
// aggregate: focal_places
{% if stored %}
{% set variant = ('_' ~ choice.edition) if given.edition else '' %}
// the maintained totals per country (valuenet/aggregates.py), summed over the parts that make up the relation
MATCH (a:Aggregate {name: 'focal_places', focal_set: '{{ model.focal_set.label or 'all' }}'})
WHERE {{ aggregate_part('focal_places', choice.relation, 'a') }}
UNWIND range(0, size(a.country_codes) - 1) AS k
WITH a.country_codes[k] AS code, a.country_n{{ variant }}[k] AS n
WHERE n > 0
{% if not choice.include_domestic %}
  AND NOT code IN ['CN', 'HK', 'MO', 'TW']
{% endif %}
{% else %}
MATCH {{ focal_match(choice.relation, 's', 'r', 'x') }}
WHERE {{ focal_where(choice.relation, 'r', 'x') }}
{% if given.edition %}
  AND $edition IN r.editions
{% endif %}
// per counterpart first: its country and place are read once, not once per relation
WITH x, count(r) AS n
WHERE x.country IS NOT NULL
{% if not choice.include_domestic %}
  AND NOT x.country IN ['CN', 'HK', 'MO', 'TW']
{% endif %}
WITH x.country AS code, n
{% endif %}
WITH code, sum(n) AS relations
WITH collect({code: code, relations: relations}) AS rows, sum(relations) AS total
UNWIND rows AS row
OPTIONAL MATCH (c:Country {code: row.code})
RETURN row.code AS code, coalesce(c.name_zh, row.code) AS country, c.name_en AS country_en, row.relations AS relations,
       round(10000.0 * row.relations / total) / 100 AS share
ORDER BY relations DESC, code
LIMIT $limit
