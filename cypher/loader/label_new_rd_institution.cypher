// title_zh: 给机构加新型研发机构标签
// title_en: Label organisations as NewRDInstitution
// answers: adds the :NewRDInstitution label (new R&D institution) to the organisations with the given ids (idempotent; nodes that have it already are skipped, which is much cheaper on the embedded engine)
// params:
//   rows: {type: list, items: "{id: str}"}
UNWIND $rows AS row
MATCH (n:Organization {id: row.id})
WHERE NOT n:NewRDInstitution
SET n:NewRDInstitution
