// title_zh: 作业投影：人力资本关系：学习经验（至少一端为样本）
// title_en: Job projection (local backend) — SUPPLIES_TALENT study relations with a :Sample at one end
// answers: every organisation once, and each SUPPLIES_TALENT {experience:'study'} relation (institution -> firm) with a :Sample end; R21 Table 8
// params: {}
// returns: one row per node with target null, plus one row per relationship (source, target = Organization.id)
MATCH (n:Organization)
OPTIONAL MATCH (n)-[r:SUPPLIES_TALENT]->(m:Organization)
WHERE r.experience = 'study' AND (n:Sample OR m:Sample)
RETURN n.id AS source, m.id AS target
