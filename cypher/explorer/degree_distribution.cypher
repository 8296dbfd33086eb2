// title_zh: 度分布
// title_en: Degree distribution of the value network
// answers: how many organisations have each number of value relations (the value network's types, either direction, whatever the other end)
// params: {}
MATCH (o:Organization)
WITH COUNT { (o)-[:{{ value_types }}]-(:Organization) } AS degree
RETURN degree, count(*) AS organizations
ORDER BY degree
