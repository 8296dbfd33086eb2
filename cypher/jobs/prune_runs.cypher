// title_zh: 清理旧的作业运行记录
// title_en: Keep only each job's newest runs (and their network statistics)
// answers: bounds the score history to the last `keep` runs of each of the jobs; older JobRun and NetworkStats nodes are deleted
// params:
//   jobs: {type: list, doc: "job names"}
//   keep: {type: int, default: 100}
MATCH (r:JobRun)
WHERE r.job IN $jobs
WITH r ORDER BY r.started DESC, r.id DESC
WITH r.job AS job, collect(r) AS runs
UNWIND runs[$keep..] AS old
OPTIONAL MATCH (old)-[:PRODUCED]->(s:NetworkStats)
DETACH DELETE s, old
RETURN count(DISTINCT old) AS pruned
