// title_zh: 标记旧版本分数已清理
// title_en: Mark a run's run-keyed scores as removed
// answers: records that the run's `<property>__<run id>` values are gone (history and top-k stay)
// params:
//   run_id: {type: str}
MATCH (r:JobRun {id: $run_id})
SET r.versions_cleared = datetime()
RETURN r.id AS id
