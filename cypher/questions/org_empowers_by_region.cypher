// group: who
// title_zh: 某机构赋能了哪些地区？
// title_en: Whom does organisation Z empower, by region?
// answers: >
//   The receivers of an organisation's technology (outgoing EMPOWERS), grouped by the receivers' province
//   (domestic) or country (foreign), with the number of distinct receivers.
// answers_zh: "某机构技术赋能（发出的 EMPOWERS）的对象，按对象所在省份（国内）或国家（国外）分组，\
//   给出不同对象的数量。"
// chart: map
// params:
//   org: {type: str, required: true, choices: organizations, description: 'organisation id or exact Chinese/English name or alias'}
//   edition: {type: int, default: null, allowed: [2020, 2021]}
//   limit: {type: int, default: 50, min: 1, max: 1000}
// figures: []
// example: {org: 华为}
{# each receiver's province once, then the names of each group's place (not one lookup per receiver) #}
MATCH (o:{{ org }} {id: $org})
MATCH (o)-[e:EMPOWERS]->(t)
{% if given.edition %}
WHERE $edition IN e.editions
{% endif %}
OPTIONAL MATCH (t)-[:LOCATED_IN]->(:City)-[:IN_PROVINCE]->(pv:Province)
WITH o, pv, CASE WHEN pv IS NULL THEN t.country END AS country, count(DISTINCT t) AS receivers
OPTIONAL MATCH (c:Country {code: country})
RETURN o.name_zh AS organization,
       CASE WHEN pv IS NOT NULL THEN 'province' ELSE 'country' END AS level,
       CASE WHEN pv IS NOT NULL THEN pv.code ELSE coalesce(country, '?') END AS code,
       CASE WHEN pv IS NOT NULL THEN pv.name_zh ELSE coalesce(c.name_zh, country, '未知') END AS region,
       receivers
ORDER BY receivers DESC, code
LIMIT $limit
