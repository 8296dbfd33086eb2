// title_zh: 给机构加国家开放创新平台标签
// title_en: Label organisations as Platform
// answers: adds the :Platform label (national open innovation platform) to the organisations with the given ids (idempotent; nodes that have it already are skipped, which is much cheaper on the embedded engine)
// params:
//   rows: {type: list, items: "{id: str}"}
UNWIND $rows AS row
MATCH (n:Organization {id: row.id})
WHERE NOT n:Platform
SET n:Platform
