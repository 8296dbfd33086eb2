// title_zh: 给机构加大学标签
// title_en: Label organisations as University
// answers: adds the :University label (university) to the organisations with the given ids (idempotent; nodes that have it already are skipped, which is much cheaper on the embedded engine)
// params:
//   rows: {type: list, items: "{id: str}"}
UNWIND $rows AS row
MATCH (n:Organization {id: row.id})
WHERE NOT n:University
SET n:University
