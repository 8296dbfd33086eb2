// title_zh: 基准：清空数据库（仅限显式允许）
// title_en: Benchmark — empty the database (only with --neo4j-wipe)
// answers: nothing; deletes every node and relationship in batches so a benchmark can load from scratch
// params: {}
MATCH (n)
CALL { WITH n DETACH DELETE n } IN TRANSACTIONS OF 10000 ROWS
