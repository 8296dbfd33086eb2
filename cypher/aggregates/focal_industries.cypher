// title_zh: 核心产业样本企业的某类技术关系按伙伴行业汇总（聚合 focal_industries 的计算）
// title_en: One kind of technology relation of the AI-core focal organisations per partner industry (computing the focal_industries aggregate)
// answers: >
//   for relations of `kind` between a focal organisation in the AI core sector (IN_INDUSTRY -> Industry 'AI')
//   and an organisation with an industry, per partner industry (one per IN_INDUSTRY link of the partner): the
//   editions of each relation, as core_sector_flows counts them (valuenet/aggregates.py folds them)
// params: {}
// template: {kind: "a focal relation of the graph model (default tech_input)"}
{% set kind = kind | default('tech_input') %}
MATCH (core:Industry {code: 'AI'})<-[:IN_INDUSTRY]-{{ focal_match(kind, 's', 'r', 'x') }}-[:IN_INDUSTRY]->(i:Industry)
WHERE x:{{ org }} AND {{ focal_where(kind, 'r', 'x') }}
RETURN i.code AS code, collect(coalesce(r.editions, [])) AS editions
