// title_zh: 给机构加样本标签
// title_en: Label organisations as Sample
// answers: adds the :Sample label (sample) to the organisations with the given ids (idempotent; nodes that have it already are skipped, which is much cheaper on the embedded engine)
// params:
//   rows: {type: list, items: "{id: str}"}
UNWIND $rows AS row
MATCH (n:Organization {id: row.id})
WHERE NOT n:Sample
SET n:Sample
