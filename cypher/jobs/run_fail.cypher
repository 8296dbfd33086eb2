// title_zh: 记录作业运行失败
// title_en: Record a failed job run and its reason
// answers: marks the run failed with the error text; the previous scores stay as they were
// params:
//   run_id: {type: str}
//   error: {type: str}
//   summary: {type: map}
MATCH (r:JobRun {id: $run_id})
SET r += $summary, r.status = 'failed', r.error = $error, r.finished = datetime()
RETURN r.id AS id
