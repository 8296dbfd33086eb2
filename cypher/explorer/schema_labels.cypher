// title_zh: 标签及节点数
// title_en: Node labels and their counts
// answers: every node label of the database with its number of nodes (one scan; the explorer caches it)
// params: {}
MATCH (n)
UNWIND labels(n) AS label
RETURN label, count(*) AS nodes
ORDER BY nodes DESC, label
