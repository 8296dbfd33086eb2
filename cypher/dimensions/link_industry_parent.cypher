// title_zh: 行业大类归属门类
// title_en: Link GB/T 4754 divisions to their section
// answers: the section of each division, e.g. C36 汽车制造业 SUBCLASS_OF C 制造业
// params:
//   rows: {type: list, doc: "maps {code, parent}"}
UNWIND $rows AS row
MATCH (d:Industry {code: row.code})
MATCH (s:Industry {code: row.parent})
MERGE (d)-[:SUBCLASS_OF]->(s)
