// title_zh: 合并收购关系（收购方→被收购方）及出处列表
// title_en: Merge ACQUIRES relationships (acquisition acquirer -> target) and their provenance lists
// answers: one ACQUIRES relationship per pair; editions and sources are sorted lists without duplicates, merged when the relationship exists; synthetic stays true only if every source is synthetic
// params:
//   rows: {type: list, items: "{source: str, target: str, props: map, editions: list[int], dataset: str, synthetic: bool}"}
UNWIND $rows AS row
MATCH (a:Organization {id: row.source})
MATCH (b:Organization {id: row.target})
MERGE (a)-[r:ACQUIRES]->(b)
ON CREATE SET r.editions = row.editions, r.sources = [row.dataset], r.synthetic = row.synthetic
ON MATCH SET
    r.editions = CASE WHEN all(e IN row.editions WHERE e IN coalesce(r.editions, [])) THEN r.editions
                 ELSE [y IN range(1900, 2100) WHERE y IN coalesce(r.editions, []) OR y IN row.editions] END,
    r.sources = CASE WHEN row.dataset IN coalesce(r.sources, []) THEN r.sources
                ELSE [x IN coalesce(r.sources, []) WHERE x < row.dataset] + row.dataset
                     + [x IN coalesce(r.sources, []) WHERE x > row.dataset] END,
    r.synthetic = coalesce(r.synthetic, row.synthetic) AND row.synthetic
SET r += row.props
