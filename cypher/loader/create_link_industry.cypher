// title_zh: 连接机构与维度——所属行业（GB/T 4754）（新机构：直接创建）
// title_en: Link organisations to dimensions — in an industry (GB/T 4754) — for new organisations (plain CREATE)
// answers: the same relationships the MERGE query makes, for rows with an end the graph did not hold before this load (such a relationship cannot exist yet, and CREATE is cheaper than MERGE)
// params:
//   rows: {type: list, items: "{id: str, code: str, editions: list[int], dataset: str, synthetic: bool}"}
UNWIND $rows AS row
MATCH (o:Organization {id: row.id})
MATCH (d:Industry {code: row.code})
CREATE (o)-[r:IN_INDUSTRY]->(d)
SET r.editions = row.editions, r.sources = [row.dataset], r.synthetic = row.synthetic
