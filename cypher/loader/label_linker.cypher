// title_zh: 给机构加链接者（联盟、会议）标签
// title_en: Label organisations as Linker
// answers: adds the :Linker label (linker (alliance, conference)) to the organisations with the given ids (idempotent; nodes that have it already are skipped, which is much cheaper on the embedded engine)
// params:
//   rows: {type: list, items: "{id: str}"}
UNWIND $rows AS row
MATCH (n:Organization {id: row.id})
WHERE NOT n:Linker
SET n:Linker
