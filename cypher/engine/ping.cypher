// title_zh: 连通性检查
// title_en: Connectivity check
// answers: whether the database answers a query
// params: {}
RETURN 1 AS ok
