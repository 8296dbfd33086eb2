// title_zh: 终止事务
// title_en: Terminate transactions
// answers: asks the engine to end the given running transactions and roll them back (the same command on ArcadeDB and Neo4j 5)
// params:
//   ids: {type: list}
TERMINATE TRANSACTIONS $ids
