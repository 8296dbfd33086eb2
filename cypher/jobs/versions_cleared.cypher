// title_zh: 标记旧版本分数已清理
// title_en: Mark runs' run-keyed scores as removed
// answers: records that the runs' `<property>__<run id>` values are gone (history and top-k stay)
// params:
//   run_ids: {type: list}
MATCH (r:JobRun)
WHERE r.id IN $run_ids
SET r.versions_cleared = datetime()
RETURN r.id AS id
