// title_zh: 最新的价值网络统计（表3）
// title_en: The latest value network statistics (R21 Table 3)
// answers: the Table 3 figures of the newest successful network_stats run, for `valuenet report`
// params: {}
MATCH (r:JobRun {status: 'succeeded'})-[:PRODUCED]->(s:NetworkStats)
RETURN properties(s) AS stats, r.id AS run_id, r.backend AS backend, toString(r.started) AS started
ORDER BY r.started DESC
LIMIT 1
