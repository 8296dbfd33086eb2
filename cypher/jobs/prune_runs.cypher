// title_zh: 清理旧的作业运行记录
// title_en: Keep only a job's newest runs (and their network statistics)
// answers: bounds the score history to the last `keep` runs of a job; older JobRun and NetworkStats nodes are deleted
// params:
//   job: {type: str}
//   keep: {type: int, default: 100}
MATCH (r:JobRun {job: $job})
WITH r ORDER BY r.started DESC, r.id DESC
WITH collect(r) AS runs
UNWIND runs[$keep..] AS old
OPTIONAL MATCH (old)-[:PRODUCED]->(s:NetworkStats)
DETACH DELETE s, old
RETURN count(DISTINCT old) AS pruned
