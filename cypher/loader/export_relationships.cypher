// title_zh: 导出全部关系
// title_en: All relationships for export
// answers: every relationship with its type, ends and properties (schema bookkeeping excluded), for neo4j-admin CSVs and Parquet
// params: {}
MATCH (a)-[r]->(b)
WHERE NOT a:SchemaMigration AND NOT b:SchemaMigration
RETURN elementId(a) AS source, elementId(b) AS target, type(r) AS type, properties(r) AS props
