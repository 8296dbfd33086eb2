// title_zh: 最新一次成功运行的分数（一致读取）
// title_en: Scores of a job's latest successful run, read consistently
// answers: every organisation's score from one run only, whatever runs are in progress (the run-keyed property of the newest succeeded run is never written after that run was published)
// params:
//   job: {type: str, doc: "job name, e.g. degree_tech"}
MATCH (r:JobRun {job: $job, status: 'succeeded'})
WHERE r.versioned_property IS NOT NULL AND r.versions_cleared IS NULL
WITH r ORDER BY r.finished DESC, r.id DESC LIMIT 1
MATCH (n:Organization)
WHERE n[r.versioned_property] IS NOT NULL
RETURN n.id AS id, n[r.versioned_property] AS score, r.id AS run_id
