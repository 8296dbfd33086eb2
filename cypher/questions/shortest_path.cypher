// group: network
// title_zh: 两个机构之间的最短路径
// title_en: Shortest path between two organisations
// answers: >
//   One shortest chain of relations between organisations (of every type between organisations, either
//   direction) linking two organisations, up to max_hops,
//   with each step's relation type and direction. No row when they are not connected within max_hops.
// answers_zh: "连接两个机构的一条最短关系链（机构之间任意类型的关系、任一方向），最多 max_hops 步，\
//   给出每一步的关系类型和方向。两者在 max_hops 步内不相连时没有结果。"
// chart: graph
// params:
//   source: {type: str, required: true, choices: organizations, description: 'organisation id or exact name'}
//   target: {type: str, required: true, choices: organizations, description: 'organisation id or exact name'}
//   max_hops: {type: int, default: 6, min: 1, max: 10}
// figures: []
// example: {source: 清华大学, target: 华为}
MATCH (a:Organization {id: $source})
MATCH (b:Organization {id: $target})
MATCH p = shortestPath((a)-[:{{ org_rel_types }}*..10]-(b))
WHERE length(p) <= $max_hops
RETURN length(p) AS hops,
       [n IN nodes(p) | n.name_zh] AS names,
       [n IN nodes(p) | {id: n.id, name_zh: n.name_zh, name_en: n.name_en, labels: [l IN labels(n) WHERE l <> 'Organization'], synthetic: coalesce(n.synthetic, false)}] AS nodes,
       [r IN relationships(p) | {source: startNode(r).id, target: endNode(r).id, type: type(r), experience: r.experience}] AS edges
LIMIT 1
