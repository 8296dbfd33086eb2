// title_zh: 合并业务单元隶属关系（单元→集团）及出处列表
// title_en: Merge PART_OF relationships (business unit -> group) and their provenance lists
// answers: one PART_OF relationship per pair; editions and sources become sorted lists without duplicates; synthetic stays true only if every source is synthetic
// params:
//   rows: {type: list, items: "{source: str, target: str, props: map, editions: list[int], sources: list[str], synthetic: bool}"}
UNWIND $rows AS row
MATCH (a:Organization {id: row.source})
MATCH (b:Organization {id: row.target})
MERGE (a)-[r:PART_OF]->(b)
WITH r, row, coalesce(r.editions, []) + row.editions AS e0, coalesce(r.sources, []) + row.sources AS s0
WITH r, row,
     reduce(acc = [], x IN e0 | CASE WHEN x IN acc THEN acc ELSE acc + [x] END) AS e1,
     reduce(acc = [], x IN s0 | CASE WHEN x IN acc THEN acc ELSE acc + [x] END) AS s1
SET r += row.props,
    r.editions = [i IN range(0, size(e1) - 1) | [x IN e1 WHERE size([y IN e1 WHERE y < x]) = i][0]],
    r.sources = [i IN range(0, size(s1) - 1) | [x IN s1 WHERE size([y IN s1 WHERE y < x]) = i][0]],
    r.synthetic = CASE WHEN r.synthetic IS NULL THEN row.synthetic ELSE r.synthetic AND row.synthetic END
