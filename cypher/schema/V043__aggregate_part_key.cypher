// title_zh: 查找索引：按键查找聚合的某一部分
// title_en: Lookup index for finding an aggregate's part by its key
// answers: makes finding one organisation's part of org_ego (cypher/aggregates/part_status.cypher and ego_network's stored shape, run for every ego network asked) an index lookup, where the name index alone reads every hub's part
// params: {}
CREATE INDEX aggregate_key IF NOT EXISTS FOR (n:Aggregate) ON (n.key);
