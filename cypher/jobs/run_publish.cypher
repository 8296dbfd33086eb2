// title_zh: 标记作业运行成功（与分数发布同一事务）
// title_en: Mark finished runs succeeded, in the transaction that publishes their scores
// answers: each run becomes the one consistent readers resolve for its job (jobs/scores_latest); `$copied` counts, per run-keyed property, the nodes that got its scores in their public property in the same commit
// params:
//   runs: {type: list, doc: "[{run_id, staged: the run-keyed property <property>__<run id> (or the version of an earlier run with equal scores, kept), summary: scalar run facts (duration_s, nodes, relationships, ...), nodes_written: null, or for a kept version its node count}]"}
//   copied: {type: map, doc: "by run-keyed property: the nodes given its value"}
UNWIND $runs AS run
MATCH (r:JobRun {id: run.run_id})
SET r += run.summary, r.status = 'succeeded', r.finished = datetime(),
    r.nodes_written = coalesce(run.nodes_written, $copied[run.staged]), r.versioned_property = run.staged
RETURN r.id AS run_id, r.nodes_written AS nodes_written
