// title_zh: 关系类型及数量
// title_en: Relationship types and their counts
// answers: every relationship type with its number of relationships and the labels at its ends (one scan)
// params: {}
MATCH (a)-[r]->(b)
WITH type(r) AS type, [l IN labels(a) WHERE l <> 'Organization'][0] AS from_label,
     [l IN labels(b) WHERE l <> 'Organization'][0] AS to_label
RETURN type, count(*) AS relationships, collect(DISTINCT coalesce(from_label, 'Organization'))[..6] AS from_labels,
       collect(DISTINCT coalesce(to_label, 'Organization'))[..6] AS to_labels
ORDER BY relationships DESC, type
