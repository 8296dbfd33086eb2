// title_zh: 机构的关系（按类型与方向）
// title_en: An organisation's relations by type and direction
// answers: >
//   how many relations of each type an organisation has, in and out, with the report editions and source
//   datasets they come from and how many are synthetic (provenance of its place in the network)
// params:
//   id: {type: str, required: true, description: organisation id}
MATCH (o:Organization {id: $id})-[r]-(x:Organization)
WITH type(r) AS type, CASE WHEN startNode(r) = o THEN 'out' ELSE 'in' END AS direction, r
RETURN type, direction, count(r) AS relations, collect(r.editions) AS editions, collect(r.sources) AS sources,
       sum(CASE WHEN r.synthetic = true THEN 1 ELSE 0 END) AS synthetic
ORDER BY type, direction
