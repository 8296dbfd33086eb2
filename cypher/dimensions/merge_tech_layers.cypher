// title_zh: 写入技术层次
// title_en: Merge TechLayer nodes
// answers: the three technology layers 基础层 base, 技术层 technology, 应用层 application
// params:
//   rows: {type: list, doc: "maps {code, name_zh, name_en, description, cite, source}"}
UNWIND $rows AS row
MERGE (t:TechLayer {code: row.code})
SET t.name_zh = row.name_zh, t.name_en = row.name_en, t.description = row.description, t.cite = row.cite,
    t.source = row.source
