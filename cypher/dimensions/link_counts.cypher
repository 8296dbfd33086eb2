// title_zh: 各维度关系数
// title_en: Number of dimension links per type
// answers: how many IN_COUNTRY, IN_PROVINCE, IN_METRO and SUBCLASS_OF relationships the graph holds between dimension nodes (one statement per type)
// params: {}
MATCH (:Province)-[r:IN_COUNTRY]->(:Country) RETURN 'IN_COUNTRY' AS type, count(r) AS n;
MATCH (:City)-[r:IN_PROVINCE]->(:Province) RETURN 'IN_PROVINCE' AS type, count(r) AS n;
MATCH (:City)-[r:IN_METRO]->(:MetroArea) RETURN 'IN_METRO' AS type, count(r) AS n;
MATCH (:Industry)-[r:SUBCLASS_OF]->(:Industry) RETURN 'SUBCLASS_OF' AS type, count(r) AS n;
