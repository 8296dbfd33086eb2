// title_zh: 创建投资关系（投资方→被投方）及出处列表（新机构：直接创建）
// title_en: Create INVESTS_IN relationships (investment investor -> investee) and their provenance lists — for new organisations (plain CREATE)
// answers: the same relationships the MERGE query makes, for rows with an end the graph did not hold before this load (such a relationship cannot exist yet, and CREATE is cheaper than MERGE)
// params:
//   rows: {type: list, items: "{source: str, target: str, props: map, editions: list[int], dataset: str, synthetic: bool}"}
UNWIND $rows AS row
MATCH (a:Organization {id: row.source})
MATCH (b:Organization {id: row.target})
CREATE (a)-[r:INVESTS_IN]->(b)
SET r.editions = row.editions, r.sources = [row.dataset], r.synthetic = row.synthetic
SET r += row.props
