// title_zh: 节点总数
// title_en: Number of nodes
// answers: how many nodes the database holds
// params: {}
MATCH (n) RETURN count(n) AS n
