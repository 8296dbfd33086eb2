// title_zh: 标记聚合为过期（加载写入之前）
// title_en: Mark the aggregates stale (before a load writes)
// answers: raises the graph's relations_version, so every aggregate part computed before is stale until it is recomputed
// params: {}
MERGE (g:GraphSetting {key: 'relations_version'})
SET g.value = coalesce(g.value, 0) + 1, g.changed_at = toString(datetime())
