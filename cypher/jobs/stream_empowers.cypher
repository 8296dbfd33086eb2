// title_zh: 作业投影：技术赋能关系（至少一端为样本）
// title_en: Job projection (local backend) — EMPOWERS relations with a :Sample at one end
// answers: every organisation once, and each EMPOWERS relation (provider -> receiver) that has a :Sample end; for the technology degree jobs (R21 Tables 5-7)
// params: {}
// returns: one row per node with target null, plus one row per relationship (source, target = Organization.id)
MATCH (n:Organization)
OPTIONAL MATCH (n)-[:EMPOWERS]->(m:Organization)
WHERE n:Sample OR m:Sample
RETURN n.id AS source, m.id AS target
