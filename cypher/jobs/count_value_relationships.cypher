// title_zh: 价值网络关系数
// title_en: Number of value relations between organisations
// answers: the edge count of R21 Table 3 (technology, talent, investment and acquisition relations with a sample firm at one end, as in the report's relation data; each relationship once)
// params: {}
MATCH (a:Organization)-[r:EMPOWERS|SUPPLIES_TALENT|INVESTS_IN|ACQUIRES]->(b:Organization)
WHERE a:Sample OR b:Sample
RETURN count(r) AS n
