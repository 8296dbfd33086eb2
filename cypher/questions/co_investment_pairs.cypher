// group: who
// title_zh: 共同投资的投资者对
// title_en: Co-investment pairs
// answers: >
//   Pairs of investors that both invested in the same sample enterprises, ranked by the number of enterprises
//   they share; optionally only pairs that include a given investor.
// chart: table
// params:
//   investor: {type: str, default: null, choices: investors, description: 'organisation id or exact name; all pairs when empty'}
//   min_shared: {type: int, default: 2, min: 1, max: 1000}
//   edition: {type: int, default: null, allowed: [2020, 2021]}
//   limit: {type: int, default: 20, min: 1, max: 1000}
// figures: []
// example: {min_shared: 2}
MATCH (a:Organization)-[r1:INVESTS_IN]->(s:Sample)<-[r2:INVESTS_IN]-(b:Organization)
WHERE a.id < b.id
  AND ($edition IS NULL OR ($edition IN r1.editions AND $edition IN r2.editions))
  AND ($investor IS NULL OR $investor IN [a.id, a.name_zh, a.name_en, b.id, b.name_zh, b.name_en])
WITH a, b, count(DISTINCT s) AS shared, collect(DISTINCT s.name_zh)[..5] AS examples
WHERE shared >= $min_shared
RETURN a.name_zh AS investor_a, b.name_zh AS investor_b, shared, examples,
       coalesce(a.synthetic, false) OR coalesce(b.synthetic, false) AS synthetic
ORDER BY shared DESC, investor_a, investor_b
LIMIT $limit
