// title_zh: 样本节点或关系节点中某度数的前 k 名
// title_en: Top-k sample nodes (or relation nodes) by a degree property
// answers: who leads a degree ranking within the report's population (sample nodes or relation nodes), to check a table's rank order
// params:
//   property: {type: str, doc: "e.g. degree_tech"}
//   sample: {type: bool, doc: "true = :Sample nodes, false = relation nodes, null = all"}
//   k: {type: int}
MATCH (n:Organization)
WHERE n[$property] IS NOT NULL AND ($sample IS NULL OR (n:Sample) = $sample)
RETURN n.name_zh AS name, n[$property] AS score
ORDER BY score DESC, name
LIMIT $k
