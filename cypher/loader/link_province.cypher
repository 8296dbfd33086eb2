// title_zh: 连接机构与维度——所在省份（仅知省份时）
// title_en: Link organisations to dimensions — located in a province (only the province is known)
// answers: (o)-[:LOCATED_IN]->(:Province {code}) once per pair with merged provenance lists, unless the organisation is already located in a city; a Country link of the same organisation is removed
// params:
//   rows: {type: list, items: "{id: str, code: str, editions: list[int], dataset: str, synthetic: bool, existed: bool}"}
//   (existed: the organisation was in the graph before this load; only then can a coarser link exist)
UNWIND $rows AS row
MATCH (o:Organization {id: row.id})
WHERE NOT EXISTS { (o)-[:LOCATED_IN]->(:City) }
MATCH (d:Province {code: row.code})
MERGE (o)-[r:LOCATED_IN]->(d)
ON CREATE SET r.editions = row.editions, r.sources = [row.dataset], r.synthetic = row.synthetic
ON MATCH SET
    r.editions = CASE WHEN all(e IN row.editions WHERE e IN coalesce(r.editions, [])) THEN r.editions
                 ELSE [y IN range(1900, 2100) WHERE y IN coalesce(r.editions, []) OR y IN row.editions] END,
    r.sources = CASE WHEN row.dataset IN coalesce(r.sources, []) THEN r.sources
                ELSE [x IN coalesce(r.sources, []) WHERE x < row.dataset] + row.dataset
                     + [x IN coalesce(r.sources, []) WHERE x > row.dataset] END,
    r.synthetic = coalesce(r.synthetic, row.synthetic) AND row.synthetic
WITH DISTINCT o, row.existed AS existed
WHERE existed
OPTIONAL MATCH (o)-[coarse:LOCATED_IN]->(:Country)
DELETE coarse
