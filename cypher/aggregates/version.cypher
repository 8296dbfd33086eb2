// title_zh: 图的关系版本（聚合的新鲜度标记）
// title_en: The graph's relations version (the freshness stamp of the aggregates)
// answers: the relations_version a load raises before it writes (0 when no load has raised it yet); an aggregate part computed from another version is stale
// params: {}
OPTIONAL MATCH (g:GraphSetting {key: 'relations_version'})
RETURN coalesce(g.value, 0) AS version
