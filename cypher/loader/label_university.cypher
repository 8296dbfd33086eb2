// title_zh: 给机构加大学标签
// title_en: Label organisations as University
// answers: adds the :University label (university) to the organisations with the given ids (idempotent)
// params:
//   rows: {type: list, items: "{id: str}"}
UNWIND $rows AS row
MATCH (n:Organization {id: row.id})
SET n:University
