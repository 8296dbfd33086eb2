// group: network
// title_zh: 机构的自我中心网络
// title_en: An organisation's ego network
// answers: >
//   The organisations within 1 or 2 hops of an organisation over the chosen relation types (either direction),
//   as nodes and edges for a graph view; capped at `max_nodes` nodes (the strongest-connected first), with
//   `capped` telling whether the cap cut the network.
// chart: graph
// params:
//   org: {type: str, required: true, choices: organizations, description: 'organisation id or exact Chinese/English name or alias'}
//   depth: {type: int, default: 1, allowed: [1, 2]}
//   types: {type: list, default: [EMPOWERS, SUPPLIES_TALENT, INVESTS_IN, ACQUIRES, PART_OF], allowed: [EMPOWERS, SUPPLIES_TALENT, INVESTS_IN, ACQUIRES, PART_OF]}
//   max_nodes: {type: int, default: 200, min: 2, max: 500}
// figures: []
// example: {org: 华为, depth: 1}
MATCH (o:Organization)
WHERE o.id = $org OR o.name_zh = $org OR o.name_en = $org OR $org IN coalesce(o.aliases, [])
WITH o LIMIT 1
OPTIONAL MATCH (o)-[r1]-(n1:Organization)
WHERE type(r1) IN $types
WITH o, n1, count(r1) AS w1
WITH o, collect({n: n1, w: w1, hop: 1}) AS hop1
WITH o, hop1, [h IN hop1 WHERE h.n IS NOT NULL | h.n] AS first
UNWIND (CASE WHEN $depth = 2 AND size(first) > 0 THEN first ELSE [null] END) AS m
OPTIONAL MATCH (m)-[r2]-(n2:Organization)
WHERE type(r2) IN $types AND n2 <> o AND NOT n2 IN first
WITH o, hop1, n2, count(r2) AS w2
WITH o, hop1, [h IN collect({n: n2, w: w2, hop: 2}) WHERE h.n IS NOT NULL] AS hop2
WITH o, [h IN hop1 WHERE h.n IS NOT NULL] + hop2 AS found
UNWIND (CASE WHEN size(found) = 0 THEN [null] ELSE found END) AS h
WITH o, size(found) AS reachable, h ORDER BY h.hop, h.w DESC, h.n.id
WITH o, reachable, collect(h)[..($max_nodes - 1)] AS kept
WITH o, reachable, [o] + [h IN kept WHERE h IS NOT NULL | h.n] AS ns
UNWIND ns AS a
OPTIONAL MATCH (a)-[r]->(b:Organization)
WHERE b IN ns AND type(r) IN $types
WITH o, reachable, ns, [e IN collect({source: a.id, target: b.id, type: type(r), experience: r.experience}) WHERE e.target IS NOT NULL] AS edges
RETURN o.id AS center, size(ns) AS nodes_shown, reachable + 1 AS nodes_total, reachable + 1 > size(ns) AS capped,
       [n IN ns | {id: n.id, name_zh: n.name_zh, name_en: n.name_en, country: n.country,
                   labels: [l IN labels(n) WHERE l <> 'Organization'], synthetic: coalesce(n.synthetic, false)}] AS nodes,
       edges
