// group: who
// title_zh: 谁赋能某地的某行业？
// title_en: Who empowers industry X in place Y?
// answers: >
//   The organisations that supply technology (EMPOWERS) to organisations of a GB/T 4754 section or division,
//   where the place (a city, province, metro area or country code) is the receiver's location, the provider's,
//   or either (default: either, as the report's Guangzhou automobile study counts the city's own suppliers
//   of car makers anywhere as well as suppliers of the city's car makers).
//   Ranked by the number of distinct receivers.
// answers_zh: "向某个 GB/T 4754 门类或大类的机构提供技术（EMPOWERS）的机构；\
//   地区（城市、省份、都市圈或国家代码）可以是接受方所在地、提供方所在地或任一端（默认任一端，\
//   与报告对广州汽车产业的研究一致：既计为广州车企提供技术的机构，也计广州本地为各地车企提供技术的机构）。\
//   按不同接受方的数量排名。"
// chart: bar
// params:
//   industry: {type: str, dimension: Industry, required: true, pattern: '[A-T]|[A-T][0-9]{2}|AI', choices: industries, description: 'GB/T 4754-2017 section (C) or division (C36), or AI for the AI core sector'}
//   place: {type: str, dimension: [City, Province, MetroArea, Country], required: true, pattern: '[0-9]{6}|[A-Z]{2,3}', choices: places, description: 'GB/T 2260 city (440100) or province (440000) code, metro area (PRD, YRD, JJJ) or ISO country code (CN, US)'}
//   side: {type: str, default: either, allowed: [either, receiver, provider], description: 'which end must be in the place'}
//   edition: {type: int, default: null, allowed: [2020, 2021], description: 'only relations reported in this edition'}
//   limit: {type: int, default: 20, min: 1, max: 1000}
// figures: []
// example: {industry: C36, place: '440100'}
MATCH (i:Industry)
WHERE i.code = $industry OR EXISTS { (i)-[:SUBCLASS_OF]->(:Industry {code: $industry}) }
// from the industry's organisations: each receiver's place is asked once, each provider's once, as lists of
// codes (ArcadeDB: EXISTS {} per organisation took 2-3x longer, A/B on one server)
MATCH (t)-[:IN_INDUSTRY]->(i)
WITH DISTINCT t
WITH t, (t.country = $place
      OR $place IN [(t)-[:LOCATED_IN]->(pl) | pl.code]
      OR $place IN [(t)-[:LOCATED_IN]->()-[:IN_PROVINCE|IN_METRO]->(r) | r.code]) AS receiver_in
{% if choice.side == 'receiver' %}
WHERE receiver_in
{% endif %}
MATCH (p)-[e:EMPOWERS]->(t)
{% if given.edition %}
WHERE $edition IN e.editions
{% endif %}
WITH p, collect({t: t, receiver_in: receiver_in}) AS links
{% if choice.side != 'receiver' %}
WITH p, links, (p.country = $place
      OR $place IN [(p)-[:LOCATED_IN]->(pl) | pl.code]
      OR $place IN [(p)-[:LOCATED_IN]->()-[:IN_PROVINCE|IN_METRO]->(r) | r.code]) AS provider_in
{% endif %}
UNWIND links AS link
{% if choice.side == 'receiver' %}
WITH p, link.t AS t
{% elif choice.side == 'provider' %}
WITH p, link.t AS t, provider_in
WHERE provider_in
{% else %}
WITH p, link.t AS t, link.receiver_in AS receiver_in, provider_in
WHERE receiver_in OR provider_in
{% endif %}
WITH p, count(DISTINCT t) AS receivers, collect(DISTINCT t.name_zh) AS names
OPTIONAL MATCH (p)-[:LOCATED_IN]->(loc)
RETURN p.id AS id, p.name_zh AS provider, p.name_en AS provider_en, coalesce(loc.name_zh, p.country) AS location,
       receivers, names[..5] AS examples, coalesce(p.synthetic, false) AS synthetic
ORDER BY receivers DESC, provider
LIMIT $limit
