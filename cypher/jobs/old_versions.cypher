// title_zh: 需要清理的旧版本分数
// title_en: Run-keyed score versions of a job older than the newest `keep` successful runs
// answers: which `<property>__<run id>` properties can be removed (readers resolve only the newest succeeded run)
// params:
//   job: {type: str}
//   keep: {type: int, default: 2}
MATCH (r:JobRun {job: $job, status: 'succeeded'})
WHERE r.versioned_property IS NOT NULL AND r.versions_cleared IS NULL
WITH r ORDER BY r.finished DESC, r.id DESC
WITH collect(r) AS runs
UNWIND runs[$keep..] AS old
RETURN old.id AS run_id, old.versioned_property AS staged
