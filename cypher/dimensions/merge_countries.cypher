// title_zh: 写入国家维度
// title_en: Merge Country dimension nodes
// answers: one (:Country) per ISO 3166-1 alpha-2 code with Chinese and English names
// params:
//   rows: {type: list, doc: "maps {code, name_zh, name_en, alpha3, domestic, aliases, source}"}
UNWIND $rows AS row
MERGE (c:Country {code: row.code})
SET c.name_zh = row.name_zh, c.name_en = row.name_en, c.alpha3 = row.alpha3, c.domestic = row.domestic,
    c.aliases = row.aliases, c.source = row.source
