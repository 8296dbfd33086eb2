// title_zh: 给机构加国家开放创新平台标签
// title_en: Label organisations as Platform
// answers: adds the :Platform label (national open innovation platform) to the organisations with the given ids (idempotent)
// params:
//   rows: {type: list, items: "{id: str}"}
UNWIND $rows AS row
MATCH (n:Organization {id: row.id})
SET n:Platform
