// group: who
// title_zh: 某机构赋能了哪些行业？
// title_en: Whom does organisation Z empower, by sector?
// answers: >
//   The receivers of an organisation's technology (outgoing EMPOWERS), grouped by the receivers' GB/T 4754
//   division and section, with the section's tier (primary / secondary / tertiary / AI core).
// answers_zh: "某机构技术赋能（发出的 EMPOWERS）的对象，按对象所属的 GB/T 4754 大类和门类分组，\
//   并给出门类属于哪一次产业（第一、第二、第三产业或人工智能核心产业）。"
// chart: bar
// params:
//   org: {type: str, required: true, choices: organizations, description: 'organisation id or exact Chinese/English name or alias'}
//   edition: {type: int, default: null, allowed: [2020, 2021]}
//   limit: {type: int, default: 50, min: 1, max: 1000}
// figures: []
// example: {org: 华为}
{# each receiver's industry once, then each industry's section (not one lookup per receiver) #}
MATCH (o:{{ org }} {id: $org})
MATCH (o)-[e:EMPOWERS]->(t)
{% if given.edition %}
WHERE $edition IN e.editions
{% endif %}
OPTIONAL MATCH (t)-[:IN_INDUSTRY]->(i:Industry)
WITH o, i, count(DISTINCT t) AS receivers
OPTIONAL MATCH (i)-[:SUBCLASS_OF]->(s:Industry)
RETURN o.name_zh AS organization, coalesce(i.code, '?') AS code, coalesce(i.name_zh, '未知行业') AS industry,
       coalesce(s.code, i.code) AS section, coalesce(i.tier, s.tier) AS tier, receivers
ORDER BY receivers DESC, code
LIMIT $limit
