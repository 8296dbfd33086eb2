// title_zh: 各维度关系数
// title_en: Number of dimension links per type
// answers: how many IN_COUNTRY, IN_PROVINCE, IN_METRO and SUBCLASS_OF relationships the graph holds
// params: {}
MATCH ()-[r]->()
WHERE type(r) IN ['IN_COUNTRY', 'IN_PROVINCE', 'IN_METRO', 'SUBCLASS_OF']
RETURN type(r) AS type, count(*) AS n
