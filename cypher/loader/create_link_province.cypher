// title_zh: 连接机构与维度——所在省份（仅知省份时）（新机构：直接创建）
// title_en: Link organisations to dimensions — located in a province (only the province is known) — for new organisations (plain CREATE)
// answers: the same relationships the MERGE query makes, for rows with an end the graph did not hold before this load (such a relationship cannot exist yet, and CREATE is cheaper than MERGE)
// params:
//   rows: {type: list, items: "{id: str, code: str, editions: list[int], dataset: str, synthetic: bool, existed: bool}"}
//   (existed: the organisation was in the graph before this load; only then can a coarser link exist)
UNWIND $rows AS row
MATCH (o:Organization {id: row.id})
MATCH (d:Province {code: row.code})
CREATE (o)-[r:LOCATED_IN]->(d)
SET r.editions = row.editions, r.sources = [row.dataset], r.synthetic = row.synthetic
