// title_zh: 机构之间的全部关系及其经验类型（聚合 org_degrees 与 org_ego 的计算）
// title_en: Every relationship between organisations with its experience (computing org_degrees and org_ego)
// answers: >
//   one row of lists: the start and end element ids, the type and the experience of every relationship of
//   the types between organisations (they join organisations only); read once for both aggregates of a
//   refresh: org_degrees counts them per organisation (ten COUNT{} per organisation took 3x longer), org_ego
//   keeps them as ego_network shows its edges
// params: {}
MATCH (a)-[r:{{ org_rel_types }}]->(b)
RETURN collect([elementId(a), elementId(b), type(r), r.experience]) AS relations
