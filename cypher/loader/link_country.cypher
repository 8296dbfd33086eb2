// title_zh: 连接机构与维度——所在国家（仅知国家时）
// title_en: Link organisations to dimensions — located in a country (only the country is known)
// answers: (o)-[:LOCATED_IN]->(:Country {code}) once per pair with merged provenance lists, unless the organisation is already located in a city or province
// params:
//   rows: {type: list, items: "{id: str, code: str, editions: list[int], dataset: str, synthetic: bool}"}
UNWIND $rows AS row
MATCH (o:Organization {id: row.id})
WHERE NOT EXISTS { (o)-[:LOCATED_IN]->(:City) } AND NOT EXISTS { (o)-[:LOCATED_IN]->(:Province) }
MATCH (d:Country {code: row.code})
MERGE (o)-[r:LOCATED_IN]->(d)
ON CREATE SET r.editions = row.editions, r.sources = [row.dataset], r.synthetic = row.synthetic
ON MATCH SET
    r.editions = CASE WHEN all(e IN row.editions WHERE e IN coalesce(r.editions, [])) THEN r.editions
                 ELSE [y IN range(1900, 2100) WHERE y IN coalesce(r.editions, []) OR y IN row.editions] END,
    r.sources = CASE WHEN row.dataset IN coalesce(r.sources, []) THEN r.sources
                ELSE [x IN coalesce(r.sources, []) WHERE x < row.dataset] + row.dataset
                     + [x IN coalesce(r.sources, []) WHERE x > row.dataset] END,
    r.synthetic = coalesce(r.synthetic, row.synthetic) AND row.synthetic
