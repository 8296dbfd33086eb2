// title_zh: 写入国民经济行业分类与人工智能核心产业
// title_en: Merge Industry nodes (GB/T 4754-2017 sections and divisions, and the AI core sector)
// answers: one (:Industry) per section letter, two-digit division (C36) and the AI core sector `AI`, with level and three-industry tier
// params:
//   rows: {type: list, doc: "maps {code, name_zh, name_en, level, tier, cite, source}"}
UNWIND $rows AS row
MERGE (i:Industry {code: row.code})
SET i.name_zh = row.name_zh, i.name_en = row.name_en, i.level = row.level, i.tier = row.tier,
    i.cite = row.cite, i.source = row.source
