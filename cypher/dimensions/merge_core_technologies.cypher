// title_zh: 写入核心技术类别
// title_en: Merge CoreTechnology nodes
// answers: the reports' core-technology categories (核心技术) with the editions that name them
// params:
//   rows: {type: list, doc: "maps {code, name_zh, name_en, aliases, editions, cite, source}"}
UNWIND $rows AS row
MERGE (t:CoreTechnology {code: row.code})
SET t.name_zh = row.name_zh, t.name_en = row.name_en, t.aliases = row.aliases, t.editions = row.editions,
    t.cite = row.cite, t.source = row.source
