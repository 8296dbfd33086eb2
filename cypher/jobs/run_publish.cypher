// title_zh: 标记作业运行成功（与分数发布同一事务）
// title_en: Mark a finished run succeeded, in the transaction that publishes its scores
// answers: the run becomes the one consistent readers resolve (jobs/scores_latest); `$copied` nodes got its scores in their public property in the same commit
// params:
//   copied: {type: int, doc: "nodes whose public property the publication changed"}
//   staged: {type: str, doc: "run-keyed property, <property>__<run id>"}
//   run_id: {type: str}
//   summary: {type: map, doc: "scalar run facts to record: duration_s, nodes, relationships, ..."}
MATCH (r:JobRun {id: $run_id})
SET r += $summary, r.status = 'succeeded', r.finished = datetime(), r.nodes_written = $copied,
    r.versioned_property = $staged
RETURN $copied AS swapped
