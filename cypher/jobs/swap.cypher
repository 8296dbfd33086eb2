// title_zh: 发布作业分数（单一事务）
// title_en: Publish a finished run — copy its run-keyed scores into the public property and mark the run succeeded, in one transaction
// answers: plain readers of `<property>` get the new scores in one commit; the run-keyed property `<property>__<run id>` stays as the consistent version (jobs/scores_latest) until two newer runs have succeeded
// params:
//   staged: {type: str, doc: "run-keyed property, <property>__<run id>"}
//   property: {type: str, doc: "public score property, e.g. pagerank"}
//   run_id: {type: str}
//   summary: {type: map, doc: "scalar run facts to record: duration_s, nodes, relationships, ..."}
MATCH (n:Organization)
WHERE n[$staged] IS NOT NULL OR n[$property] IS NOT NULL
SET n[$property] = n[$staged]
WITH count(n) AS swapped
MATCH (r:JobRun {id: $run_id})
SET r += $summary, r.status = 'succeeded', r.finished = datetime(), r.nodes_written = swapped,
    r.versioned_property = $staged
RETURN swapped
