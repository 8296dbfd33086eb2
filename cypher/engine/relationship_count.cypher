// title_zh: 关系总数
// title_en: Number of relationships
// answers: how many relationships the database holds
// params: {}
MATCH ()-[r]->() RETURN count(r) AS n
