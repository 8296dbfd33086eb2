// title_zh: 写入都市圈
// title_en: Merge MetroArea nodes
// answers: the three metropolitan areas the reports compare (JJJ 京津冀, YRD 长江三角洲, PRD 珠江三角洲)
// params:
//   rows: {type: list, doc: "maps {code, name_zh, name_en, rule, source}"}
UNWIND $rows AS row
MERGE (m:MetroArea {code: row.code})
SET m.name_zh = row.name_zh, m.name_en = row.name_en, m.rule = row.rule, m.source = row.source
