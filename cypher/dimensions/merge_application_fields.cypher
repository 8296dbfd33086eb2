// title_zh: 写入应用领域
// title_en: Merge ApplicationField nodes
// answers: the reports' application fields (应用领域) with synonyms used across editions
// params:
//   rows: {type: list, doc: "maps {code, name_zh, name_en, aliases, cite, source}"}
UNWIND $rows AS row
MERGE (f:ApplicationField {code: row.code})
SET f.name_zh = row.name_zh, f.name_en = row.name_en, f.aliases = row.aliases, f.cite = row.cite,
    f.source = row.source
