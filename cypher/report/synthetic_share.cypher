// title_zh: 图中合成数据的比例
// title_en: How much of the graph is synthetic
// answers: the number of organisations and of organisation relations marked synthetic, so outputs can be labelled
// params: {}
MATCH (o:Organization)
WITH count(o) AS organizations, sum(CASE WHEN o.synthetic THEN 1 ELSE 0 END) AS synthetic_organizations
RETURN organizations, synthetic_organizations
