// title_zh: 连接机构与维度——所在城市
// title_en: Link organisations to dimensions — located in a city
// answers: (o)-[:LOCATED_IN]->(:City {code}) once per pair, with merged provenance lists; a coarser LOCATED_IN (to the Province or Country) of the same organisation is removed, so the finest known place is the one link
// params:
//   rows: {type: list, items: "{id: str, code: str, editions: list[int], sources: list[str], synthetic: bool}"}
UNWIND $rows AS row
MATCH (o:Organization {id: row.id})
MATCH (d:City {code: row.code})
MERGE (o)-[r:LOCATED_IN]->(d)
WITH o, r, row, coalesce(r.editions, []) + row.editions AS e0, coalesce(r.sources, []) + row.sources AS s0
WITH o, r, row,
     reduce(acc = [], x IN e0 | CASE WHEN x IN acc THEN acc ELSE acc + [x] END) AS e1,
     reduce(acc = [], x IN s0 | CASE WHEN x IN acc THEN acc ELSE acc + [x] END) AS s1
SET r.editions = [i IN range(0, size(e1) - 1) | [x IN e1 WHERE size([y IN e1 WHERE y < x]) = i][0]],
    r.sources = [i IN range(0, size(s1) - 1) | [x IN s1 WHERE size([y IN s1 WHERE y < x]) = i][0]],
    r.synthetic = CASE WHEN r.synthetic IS NULL THEN row.synthetic ELSE r.synthetic AND row.synthetic END
WITH DISTINCT o
OPTIONAL MATCH (o)-[coarse:LOCATED_IN]->(x)
WHERE x:Province OR x:Country
DELETE coarse
