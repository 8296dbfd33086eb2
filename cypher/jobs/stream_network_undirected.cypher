// title_zh: 作业投影：价值网络（无向，去重）
// title_en: Job projection (local backend) — The value network, undirected, each linked pair once
// answers: the samples and every organisation with a value relation, and each linked pair once (reported from the end with the smaller id), whatever the direction and number of value relations
// params: {}
// returns: one row per node with target null, plus one row per relationship (source, target = Organization.id)
MATCH (n:Organization)
WHERE n:Sample OR EXISTS { (n)-[:EMPOWERS|SUPPLIES_TALENT|INVESTS_IN|ACQUIRES]-(:Organization) }
OPTIONAL MATCH (n)-[:EMPOWERS|SUPPLIES_TALENT|INVESTS_IN|ACQUIRES]-(m:Organization)
WHERE n.id < m.id
WITH DISTINCT n, m
RETURN n.id AS source, m.id AS target
