// title_zh: 作业投影：价值网络（有向，去重）
// title_en: Job projection (local backend) — The value network, directed, each ordered pair once
// answers: the samples and every organisation with a value relation to a sample, and each distinct (provider, receiver) pair over EMPOWERS, SUPPLIES_TALENT, INVESTS_IN, ACQUIRES with a :Sample at one end, as in the report's relation data (no self-loops)
// params: {}
// returns: one row per node with target null, plus one row per relationship (source, target = Organization.id)
MATCH (n:Organization)
WHERE n:Sample OR EXISTS { (n)-[:EMPOWERS|SUPPLIES_TALENT|INVESTS_IN|ACQUIRES]-(:Sample) }
OPTIONAL MATCH (n)-[:EMPOWERS|SUPPLIES_TALENT|INVESTS_IN|ACQUIRES]->(m:Organization)
WHERE m <> n AND (n:Sample OR m:Sample)
WITH DISTINCT n, m
RETURN n.id AS source, m.id AS target
