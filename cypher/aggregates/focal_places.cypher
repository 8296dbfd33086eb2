// title_zh: 某类焦点关系按对方机构汇总（聚合 focal_places 的计算）
// title_en: One kind of focal relation per counterpart, with its country, cities and provinces (computing the focal_places aggregate)
// answers: >
//   one row: for each counterpart of the focal set in relations of `kind`, per value of the split properties: the
//   editions of each such relation, and of each with a focal end in that edition's sample; the counterpart's
//   country, its cities and the province of each place it is located in, as the geography questions find
//   them (valuenet/aggregates.py folds these rows into the per-place totals)
// params: {}
// template: {kind: "a focal relation of the graph model (default tech_input)", split: "relationship properties a part is split by (default none)"}
{% set kind = kind | default('tech_input') %}
{% set split = split | default([]) %}
MATCH {{ focal_match(kind, 's', 'r', 'x') }}
WHERE {{ focal_where(kind, 'r', 'x') }}
// `s.sample_editions` as relation_types_domestic_foreign reads it
WITH x, [{% for p in split %}r.{{ p }}{{ ', ' if not loop.last }}{% endfor %}] AS part,
     coalesce(r.editions, []) AS editions,
     [e IN coalesce(r.editions, []) WHERE e IN coalesce(s.sample_editions, [])] AS sample_editions
WITH x, part, collect(editions) AS editions, collect(sample_editions) AS sample_editions
WITH x, collect({part: part, editions: editions, sample_editions: sample_editions}) AS parts
OPTIONAL MATCH (x)-[:LOCATED_IN]->(loc)
OPTIONAL MATCH (loc)-[:IN_PROVINCE]->(pp:Province)
WITH x, parts, collect(coalesce(CASE WHEN loc:Province THEN loc.code ELSE pp.code END, '')) AS provinces
// one row of lists: as many rows as counterparts cost the driver 25x more
RETURN collect({country: x.country, parts: parts, provinces: provinces,
                cities: COLLECT { MATCH (x)-[:LOCATED_IN]->(c:City) RETURN c.code AS code }}) AS counterparts
