// title_zh: 图中机构数量
// title_en: How many organisations the graph holds
// answers: the number of organisations, so that a load asking about more names or ids than that reads them all in one go (organization_keys) instead of looking each up
// params: {}
MATCH (o:Organization)
RETURN count(o) AS n
