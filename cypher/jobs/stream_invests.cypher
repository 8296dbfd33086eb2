// title_zh: 作业投影：投资关系（至少一端为样本）
// title_en: Job projection (local backend) — INVESTS_IN relations with a :Sample at one end
// answers: every organisation once, and each INVESTS_IN relation (investor -> investee) with a :Sample end; investments received (R21 Table 4 financing for sample firms)
// params: {}
// returns: one row per node with target null, plus one row per relationship (source, target = Organization.id)
MATCH (n:Organization)
OPTIONAL MATCH (n)-[:INVESTS_IN]->(m:Organization)
WHERE n:Sample OR m:Sample
RETURN n.id AS source, m.id AS target
