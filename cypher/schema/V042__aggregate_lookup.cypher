// title_zh: 查找索引：按名称查找聚合
// title_en: Lookup index for finding an aggregate's parts by name
// answers: makes the freshness check of an aggregate (cypher/aggregates/status.cypher, run before every question answered from one) an index lookup, where without it the engine reads every part, co_investors' pair lists included (about 1 s per check on ArcadeDB at scale 10)
// params: {}
CREATE INDEX aggregate_name IF NOT EXISTS FOR (n:Aggregate) ON (n.name);
