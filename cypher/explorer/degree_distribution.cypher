// title_zh: 度分布
// title_en: Degree distribution of the value network
// answers: how many organisations have each number of value relations (EMPOWERS, SUPPLIES_TALENT, INVESTS_IN, ACQUIRES, either direction)
// params: {}
MATCH (o:Organization)
WITH COUNT { (o)-[:EMPOWERS|SUPPLIES_TALENT|INVESTS_IN|ACQUIRES]-(:Organization) } AS degree
RETURN degree, count(*) AS organizations
ORDER BY degree
