// title_zh: 给机构加投资机构标签
// title_en: Label organisations as Investor
// answers: adds the :Investor label (investor) to the organisations with the given ids (idempotent; nodes that have it already are skipped, which is much cheaper on the embedded engine)
// params:
//   rows: {type: list, items: "{id: str}"}
UNWIND $rows AS row
MATCH (n:Organization {id: row.id})
WHERE NOT n:Investor
SET n:Investor
