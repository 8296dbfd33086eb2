// title_zh: 给机构加科研院所标签
// title_en: Label organisations as ResearchInstitute
// answers: adds the :ResearchInstitute label (research institute) to the organisations with the given ids (idempotent; nodes that have it already are skipped, which is much cheaper on the embedded engine)
// params:
//   rows: {type: list, items: "{id: str}"}
UNWIND $rows AS row
MATCH (n:Organization {id: row.id})
WHERE NOT n:ResearchInstitute
SET n:ResearchInstitute
