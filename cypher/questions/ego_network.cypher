// group: network
// title_zh: 机构的自我中心网络
// title_en: An organisation's ego network
// answers: >
//   The organisations within 1 or 2 hops of an organisation over the chosen relation types (either direction),
//   as nodes and edges for a graph view, capped at `max_nodes` nodes: first-hop partners by the number of
//   relations with the centre, then (depth 2) their own partners by the number of relations with the shown
//   first-hop partners. The second hop is explored from the first-hop partners shown; nodes_total counts
//   the centre, all first-hop partners and the second-hop partners found that way; `capped` tells whether
//   the cap cut the network.
// answers_zh: "某机构沿所选关系类型（任一方向）1 步或 2 步以内的机构，画成节点和连线的网络，\
//   最多 max_nodes 个节点：先按与中心的关系数取第一层伙伴，深度为 2 时再按与已显示的第一层\
//   伙伴的关系数取它们的伙伴。nodes_total 计中心、全部第一层伙伴和这样找到的第二层伙伴；\
//   capped 表示网络是否因节点上限被截断。"
// chart: graph
// params:
//   org: {type: str, required: true, choices: organizations, description: 'organisation id or exact Chinese/English name or alias'}
//   depth: {type: int, default: 1, allowed: [1, 2]}
//   types: {type: list, default: [model: org_relationship_types], allowed: [model: org_relationship_types], description: 'relationship types between organisations'}
//   max_nodes: {type: int, default: 200, min: 2, max: 500}
// figures: []
// example: {org: 华为, depth: 1}
MATCH (o:Organization {id: $org})
OPTIONAL MATCH (o)-[r1]-(n1:Organization)
WHERE type(r1) IN $types
WITH o, n1, count(r1) AS w1
ORDER BY w1 DESC, n1.id
WITH o, [n IN collect(n1) WHERE n IS NOT NULL] AS hop1
WITH o, size(hop1) AS first_total, hop1[..($max_nodes - 1)] AS kept1
CALL (o, kept1) {
  UNWIND (CASE WHEN $depth = 2 THEN kept1 ELSE [] END) AS m
  MATCH (m)-[r2]-(n2:Organization)
  WHERE type(r2) IN $types AND n2 <> o AND NOT EXISTS { (o)-[x]-(n2) WHERE type(x) IN $types }
  WITH n2, count(r2) AS w2
  ORDER BY w2 DESC, n2.id
  RETURN collect(n2) AS hop2
}
WITH o, 1 + first_total + size(hop2) AS nodes_total,
     [o] + kept1 + hop2[..($max_nodes - 1 - size(kept1))] AS ns
UNWIND ns AS a
OPTIONAL MATCH (a)-[r]->(b:Organization)
WHERE b IN ns AND type(r) IN $types
WITH o, nodes_total, ns,
     [e IN collect({source: a.id, target: b.id, type: type(r), experience: r.experience}) WHERE e.target IS NOT NULL] AS edges
RETURN o.id AS center, size(ns) AS nodes_shown, nodes_total, nodes_total > size(ns) AS capped,
       [n IN ns | {id: n.id, name_zh: n.name_zh, name_en: n.name_en, country: n.country,
                   labels: [l IN labels(n) WHERE l <> 'Organization'], synthetic: coalesce(n.synthetic, false)}] AS nodes,
       edges
