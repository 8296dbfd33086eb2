// title_zh: 查找带标记的运行中事务
// title_en: Running transactions of one tagged query
// answers: the ids of the engine's running transactions whose query text contains the tag valuenet put in a comment (the same command on ArcadeDB and Neo4j 5)
// params:
//   tag: {type: str}
SHOW TRANSACTIONS YIELD transactionId, currentQuery
WHERE currentQuery CONTAINS $tag
RETURN transactionId AS id
