// title_zh: 机构的自我中心网络（服务器端截断）
// title_en: An organisation's ego network, capped server-side
// answers: >
//   the organisations within 1 or 2 hops of an organisation over the chosen relation types (either direction),
//   the most strongly linked first, at most `max_nodes` nodes in all, and the relations among them; the same
//   shape as the ego_network question, but it keeps only ids while ranking so that hubs with thousands of
//   partners stay cheap (the explorer's organisation page uses it)
// params:
//   id: {type: str, required: true, description: organisation id}
//   depth: {type: int, default: 1, allowed: [1, 2]}
//   types: {type: list, default: [model: org_relationship_types], description: 'relationship types between organisations'}
//   max_nodes: {type: int, default: 200, min: 2, max: 500}
MATCH (o:Organization {id: $id})
OPTIONAL MATCH (o)-[r1]-(n1:Organization)
WHERE type(r1) IN $types
WITH o, n1, count(r1) AS w
ORDER BY w DESC, n1.id
WITH o, [x IN collect(n1) WHERE x IS NOT NULL] AS hop1_all
WITH o, hop1_all, hop1_all[..($max_nodes - 1)] AS hop1
CALL (o, hop1, hop1_all) {
  UNWIND (CASE WHEN $depth = 2 THEN hop1 ELSE [] END) AS m
  MATCH (m)-[r2]-(n2:Organization)
  WHERE type(r2) IN $types AND n2 <> o AND NOT n2 IN hop1_all
  WITH n2, count(r2) AS w
  ORDER BY w DESC, n2.id
  RETURN collect(n2) AS hop2_all
}
WITH o, size(hop1_all) + size(hop2_all) AS reachable,
     [o] + hop1 + hop2_all[..($max_nodes - 1 - size(hop1))] AS ns
UNWIND ns AS a
OPTIONAL MATCH (a)-[r]->(b:Organization)
WHERE type(r) IN $types AND b IN ns
WITH o, reachable, ns, [e IN collect({source: a.id, target: b.id, type: type(r), experience: r.experience}) WHERE e.target IS NOT NULL] AS edges
RETURN o.id AS center, size(ns) AS nodes_shown, reachable + 1 AS nodes_total, reachable + 1 > size(ns) AS capped,
       [n IN ns | {id: n.id, name_zh: n.name_zh, name_en: n.name_en, country: n.country,
                   labels: [l IN labels(n) WHERE l <> 'Organization'], synthetic: coalesce(n.synthetic, false)}] AS nodes,
       edges
