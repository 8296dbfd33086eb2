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
// aggregate: org_ego
// aggregate_part: org
// aggregate_when: {depth: 1, types: [model: org_relationship_types]}
// example: {org: 华为, depth: 1}
{% if stored %}
{# the centre's part of org_ego (valuenet/aggregates.py): its nodes in the order shown, the centre first,
   and the relations among them in the order of the last node each needs; every list bound once (an
   element read from the node's property reads the whole list) #}
MATCH (a:Aggregate {key: $org})
WHERE a.name = 'org_ego' AND a.focal_set = '{{ model.focal_set.label or 'all' }}'
WITH a.nodes_total AS nodes_total, a.node_id AS ids, a.node_name_zh AS zh, a.node_name_en AS en,
     a.node_country AS country, a.node_labels AS labels, a.node_synthetic AS synthetic,
     a.edge_source AS sources, a.edge_target AS targets, a.edge_type AS types,
     a.edge_experience AS experiences, a.edges_within AS within
WITH nodes_total, ids, zh, en, country, labels, synthetic, sources, targets, types, experiences,
     CASE WHEN size(ids) < $max_nodes THEN size(ids) ELSE $max_nodes END AS shown, within
{# '' stands for no value in the part's lists #}
RETURN ids[0] AS center, shown AS nodes_shown, nodes_total, nodes_total > shown AS capped,
       [i IN range(0, shown - 1) | {id: ids[i], name_zh: CASE zh[i] WHEN '' THEN null ELSE zh[i] END,
        name_en: CASE en[i] WHEN '' THEN null ELSE en[i] END,
        country: CASE country[i] WHEN '' THEN null ELSE country[i] END,
        labels: CASE labels[i] WHEN '' THEN [] ELSE split(labels[i], '|') END, synthetic: synthetic[i]}] AS nodes,
       [j IN range(0, within[shown - 1] - 1) | {source: ids[sources[j]], target: ids[targets[j]], type: types[j],
        experience: CASE experiences[j] WHEN '' THEN null ELSE experiences[j] END}] AS edges
{% else %}
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
WITH o, kept1, centre_edges,
     size(COLLECT { MATCH (o)-[:{{ types }}]-(x) RETURN DISTINCT elementId(x) AS x }) AS first_total
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
{% endif %}
