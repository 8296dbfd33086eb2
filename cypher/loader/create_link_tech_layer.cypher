// title_zh: 连接机构与维度——技术层次（新机构：直接创建）
// title_en: Link organisations to dimensions — at a technology layer — for new organisations (plain CREATE)
// answers: the same relationships the MERGE query makes, for rows with an end the graph did not hold before this load (such a relationship cannot exist yet, and CREATE is cheaper than MERGE)
// params:
//   rows: {type: list, items: "{id: str, code: str, editions: list[int], dataset: str, synthetic: bool}"}
UNWIND $rows AS row
MATCH (o:Organization {id: row.id})
MATCH (d:TechLayer {code: row.code})
CREATE (o)-[r:AT_LAYER]->(d)
SET r.editions = row.editions, r.sources = [row.dataset], r.synthetic = row.synthetic
