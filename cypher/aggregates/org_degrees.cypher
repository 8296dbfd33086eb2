// title_zh: 每个机构按关系类型和方向的关系数（聚合 org_degrees 的计算）
// title_en: Each organisation's relations per relationship type and direction (computing the org_degrees aggregate)
// answers: >
//   one row of lists: every organisation's id; per relationship type between organisations (the graph
//   model's order), its outgoing then incoming relations of that type (those types join organisations
//   only); how many distinct organisations it has relations with; for those with one, that one's id and
//   their own name (`sole`: [partner id, name] pairs); and its counts as kept on it now (`properties`, null where never computed), so that only the
//   organisations whose counts changed are written (valuenet/aggregates.py folds the rest)
// params: {}
// template: {properties: "the links_* properties of the organisations, in the order they are compared"}
MATCH (o:{{ org }})
WITH o, size(COLLECT { MATCH (o)-[:{{ org_rel_types }}]-(x) RETURN DISTINCT elementId(x) AS x }) AS partners
WITH o.id AS id, partners,
     CASE WHEN partners = 1
       THEN [COLLECT { MATCH (o)-[:{{ org_rel_types }}]-(x) RETURN x.id AS x LIMIT 1 }[0], o.name_zh] END AS sole,
     [{% for t in model.org_relationship_types %}COUNT { (o)-[:{{ t }}]->() }, COUNT { (o)<-[:{{ t }}]-() }{{ ', ' if not loop.last }}{% endfor %}] AS counts,
     [{% for p in properties | default([]) %}o.{{ p }}{{ ', ' if not loop.last }}{% endfor %}] AS kept
RETURN collect(id) AS ids, collect(counts) AS counts, collect(partners) AS partners, collect(sole) AS sole,
       collect(kept) AS kept
