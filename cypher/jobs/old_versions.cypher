// title_zh: 需要清理的旧版本分数
// title_en: Run-keyed score versions of some jobs older than each job's newest `keep` successful runs
// answers: which `<property>__<run id>` properties can be removed (readers resolve only the newest succeeded run of a job)
// params:
//   jobs: {type: list, doc: "job names"}
//   keep: {type: int, default: 2}
MATCH (r:JobRun {status: 'succeeded'})
WHERE r.job IN $jobs AND r.versioned_property IS NOT NULL AND r.versions_cleared IS NULL
WITH r ORDER BY r.finished DESC, r.id DESC
WITH r.job AS job, collect(r) AS runs
UNWIND runs[$keep..] AS old
RETURN old.id AS run_id, old.versioned_property AS staged
