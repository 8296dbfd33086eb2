// title_zh: 机构之间的全部关系（聚合 org_degrees 的计算）
// title_en: Every relationship between organisations (computing the org_degrees aggregate)
// answers: >
//   one row of lists: the start and end element ids and the type of every relationship of the types between
//   organisations (they join organisations only); valuenet/aggregates.py counts them per organisation (ten
//   COUNT{} per organisation took 3x longer)
// params: {}
MATCH (a)-[r:{{ org_rel_types }}]->(b)
RETURN collect([elementId(a), elementId(b), type(r)]) AS relations
