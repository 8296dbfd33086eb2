// title_zh: 导出全部节点
// title_en: All nodes for export
// answers: every node with its labels and properties (schema bookkeeping and the aggregates, which the target recomputes, excluded), for neo4j-admin CSVs and Parquet
// params: {}
MATCH (n)
WHERE NOT n:SchemaMigration AND NOT n:Aggregate
RETURN elementId(n) AS eid, labels(n) AS labels, properties(n) AS props
