// title_zh: 价值网络关系数
// title_en: Number of value relations between organisations
// answers: the edge count of R21 Table 3 (technology, talent, investment and acquisition relations, each relationship once)
// params: {}
MATCH (:Organization)-[r:EMPOWERS|SUPPLIES_TALENT|INVESTS_IN|ACQUIRES]->(:Organization)
RETURN count(r) AS n
