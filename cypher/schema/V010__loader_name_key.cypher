// title_zh: 按规范化名称查找机构的索引
// title_en: Index to find organisations by normalised name
// answers: lets a load join a name in a new table to the organisation an earlier load created (the loader's entity resolution)
// params: {}
CREATE INDEX organization_name_key IF NOT EXISTS FOR (n:Organization) ON (n.name_key);
