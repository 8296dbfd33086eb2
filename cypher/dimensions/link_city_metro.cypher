// title_zh: 城市归属都市圈
// title_en: Link cities to their metropolitan area
// answers: which cities make up JJJ (13), YRD (41) and PRD (9)
// params:
//   rows: {type: list, doc: "maps {city, metro}"}
UNWIND $rows AS row
MATCH (c:City {code: row.city})
MATCH (m:MetroArea {code: row.metro})
MERGE (c)-[:IN_METRO]->(m)
