// title_zh: 作业的分数版本
// title_en: Score versions of some jobs, newest first
// answers: per job, its succeeded runs whose run-keyed scores are still in the graph, newest first, with the digest of their scores (which versions a publication keeps, drops or reuses)
// params:
//   jobs: {type: list, doc: "job names"}
MATCH (r:JobRun {status: 'succeeded'})
WHERE r.job IN $jobs AND r.versioned_property IS NOT NULL AND r.versions_cleared IS NULL
RETURN r.job AS job, r.id AS run_id, r.versioned_property AS staged, r.scores_digest AS scores_digest
ORDER BY r.finished DESC, r.id DESC
