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
// aggregate: org_degrees
// example: {org: 华为, depth: 1}
{# the types asked as the pattern's own (they join organisations only); the relations with the centre are
   kept from the first hop, so only those among the other nodes shown are matched again #}
{% set types = choice.types | join('|') %}
MATCH (o:{{ org }} {id: $org})
CALL (o) {
  OPTIONAL MATCH (o)-[r1:{{ types }}]-(n1)
  WITH n1, collect(r1) AS with_centre
  ORDER BY size(with_centre) DESC, n1.id
  LIMIT $max_nodes - 1
  RETURN [n IN collect(n1) WHERE n IS NOT NULL] AS kept1, collect(with_centre) AS centre_edges
}
{# every type asked: org_degrees keeps how many partners the centre has #}
WITH o, kept1, centre_edges,
{% if stored and choice.types | sort == model.org_relationship_types | sort %}
     o.links_partners AS first_total
{% else %}
     size(COLLECT { MATCH (o)-[:{{ types }}]-(x) RETURN DISTINCT elementId(x) AS x }) AS first_total
{% endif %}
{% if choice.depth == 2 %}
CALL (o, kept1) {
  UNWIND kept1 AS m
  MATCH (m)-[r2:{{ types }}]-(n2)
  WHERE n2 <> o AND NOT EXISTS { (o)-[:{{ types }}]-(n2) }
  WITH n2, count(r2) AS w2
  ORDER BY w2 DESC, n2.id
  RETURN collect(n2) AS hop2
}
{% else %}
WITH o, kept1, centre_edges, first_total, [] AS hop2
{% endif %}
WITH o, centre_edges, 1 + first_total + size(hop2) AS nodes_total,
     kept1 + hop2[..($max_nodes - 1 - size(kept1))] AS others
CALL (others) {
  UNWIND others AS a
  MATCH (a)-[r:{{ types }}]->(b)
  WHERE b IN others
  RETURN collect({source: a.id, target: b.id, type: type(r), experience: r.experience}) AS among_others
}
WITH o, nodes_total, [o] + others AS ns, among_others,
     [rs IN centre_edges | [r IN rs | {source: startNode(r).id, target: endNode(r).id, type: type(r), experience: r.experience}]] AS centre
RETURN o.id AS center, size(ns) AS nodes_shown, nodes_total, nodes_total > size(ns) AS capped,
       [n IN ns | {id: n.id, name_zh: n.name_zh, name_en: n.name_en, country: n.country,
                   labels: [l IN labels(n) WHERE l <> '{{ org }}'], synthetic: coalesce(n.synthetic, false)}] AS nodes,
       reduce(all = among_others, rs IN centre | all + rs) AS edges
