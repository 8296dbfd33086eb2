// title_zh: 写入分析人员自定义分类
// title_en: Merge analysts' taxonomies
// answers: one (:Taxonomy) per id declared in a mapping, with what it classifies and its names; sources merged as a sorted list
// params:
//   rows: {type: list, items: "{id: str, of: str, name_zh: str|null, name_en: str|null, dataset: str}"}
UNWIND $rows AS row
MERGE (t:Taxonomy {id: row.id})
SET t.of = row.of, t.name_zh = row.name_zh, t.name_en = row.name_en,
    t.sources = CASE WHEN row.dataset IN coalesce(t.sources, []) THEN t.sources
                ELSE [x IN coalesce(t.sources, []) WHERE x < row.dataset] + row.dataset
                     + [x IN coalesce(t.sources, []) WHERE x > row.dataset] END
