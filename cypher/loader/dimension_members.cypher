// title_zh: 已加载的维度节点（代码与名称）
// title_en: Loaded dimension nodes (codes and names)
// answers: every place, industry, application field, tech layer and core technology the loader may link to, with the names it matches cells against
// params: {}
MATCH (d:City) RETURN 'City' AS label, d.code AS code, d.name_zh AS name_zh, d.name_en AS name_en
UNION ALL
MATCH (d:Province) RETURN 'Province' AS label, d.code AS code, d.name_zh AS name_zh, d.name_en AS name_en
UNION ALL
MATCH (d:Country) RETURN 'Country' AS label, d.code AS code, d.name_zh AS name_zh, d.name_en AS name_en
UNION ALL
MATCH (d:Industry) RETURN 'Industry' AS label, d.code AS code, d.name_zh AS name_zh, d.name_en AS name_en
UNION ALL
MATCH (d:ApplicationField) RETURN 'ApplicationField' AS label, d.code AS code, d.name_zh AS name_zh, d.name_en AS name_en
UNION ALL
MATCH (d:TechLayer) RETURN 'TechLayer' AS label, d.code AS code, d.name_zh AS name_zh, d.name_en AS name_en
UNION ALL
MATCH (d:CoreTechnology) RETURN 'CoreTechnology' AS label, d.code AS code, d.name_zh AS name_zh, d.name_en AS name_en
