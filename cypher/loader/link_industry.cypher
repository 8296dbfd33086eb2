// title_zh: 连接机构与维度——所属行业（GB/T 4754）
// title_en: Link organisations to dimensions — in an industry (GB/T 4754)
// answers: (o)-[:IN_INDUSTRY]->(:Industry {code}) once per pair, with merged provenance lists
// params:
//   rows: {type: list, items: "{id: str, code: str, editions: list[int], dataset: str, synthetic: bool}"}
UNWIND $rows AS row
MATCH (o:Organization {id: row.id})
MATCH (d:Industry {code: row.code})
MERGE (o)-[r:IN_INDUSTRY]->(d)
ON CREATE SET r.editions = row.editions, r.sources = [row.dataset], r.synthetic = row.synthetic
ON MATCH SET
    r.editions = CASE WHEN all(e IN row.editions WHERE e IN coalesce(r.editions, [])) THEN r.editions
                 ELSE [y IN range(1900, 2100) WHERE y IN coalesce(r.editions, []) OR y IN row.editions] END,
    r.sources = CASE WHEN row.dataset IN coalesce(r.sources, []) THEN r.sources
                ELSE [x IN coalesce(r.sources, []) WHERE x < row.dataset] + row.dataset
                     + [x IN coalesce(r.sources, []) WHERE x > row.dataset] END,
    r.synthetic = coalesce(r.synthetic, row.synthetic) AND row.synthetic
