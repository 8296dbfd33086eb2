// title_zh: 基准：图规模
// title_en: Benchmark — size of the loaded graph
// answers: organisations, sample firms and value relationships (what the load and the jobs work on)
// params: {}
MATCH (o:Organization)
WITH count(o) AS organizations, count { (:Sample) } AS samples
RETURN organizations, samples,
       count { ()-[:EMPOWERS|SUPPLIES_TALENT|INVESTS_IN|ACQUIRES]->() } AS value_relationships
