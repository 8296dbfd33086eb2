// title_zh: 写入省级行政区并连到国家
// title_en: Merge Province nodes and link them to their country
// answers: one (:Province) per GB/T 2260 province code, each IN_COUNTRY China (HK, MO, TW included, as in the reports)
// params:
//   rows: {type: list, doc: "maps {code, name_zh, short_zh, name_en, country, in_country, lat, lon, source}"}
UNWIND $rows AS row
MERGE (p:Province {code: row.code})
SET p.name_zh = row.name_zh, p.short_zh = row.short_zh, p.name_en = row.name_en, p.country = row.country,
    p.lat = row.lat, p.lon = row.lon, p.source = row.source
WITH p, row
MATCH (c:Country {code: row.in_country})
MERGE (p)-[:IN_COUNTRY]->(c)
