// title_zh: 作业投影：对样本企业的投资关系
// title_en: Job projection (local backend) — INVESTS_IN relations into a :Sample firm
// answers: every organisation once, and each INVESTS_IN relation (investor -> investee) whose investee is a :Sample; the number of sample firms an organisation invested in, R21 Table 9
// params: {}
// returns: one row per node with target null, plus one row per relationship (source, target = Organization.id)
MATCH (n:Organization)
OPTIONAL MATCH (n)-[:INVESTS_IN]->(m:Organization)
WHERE m:Sample
RETURN n.id AS source, m.id AS target
