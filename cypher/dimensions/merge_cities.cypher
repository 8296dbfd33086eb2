// title_zh: 写入地级城市并连到省
// title_en: Merge City nodes and link them to their province
// answers: one (:City) per prefecture-level GB/T 2260 code (municipalities and SARs as one city each), IN_PROVINCE its province
// params:
//   rows: {type: list, doc: "maps {code, province, name_zh, short_zh, name_en, lat, lon, source}"}
UNWIND $rows AS row
MERGE (c:City {code: row.code})
SET c.name_zh = row.name_zh, c.short_zh = row.short_zh, c.name_en = row.name_en, c.lat = row.lat,
    c.lon = row.lon, c.source = row.source
WITH c, row
MATCH (p:Province {code: row.province})
MERGE (c)-[:IN_PROVINCE]->(p)
