// title_zh: 切换作业分数（单一事务）
// title_en: Swap a finished run's staged scores into the public property and mark the run succeeded, in one transaction
// answers: readers see either all of the previous run's scores or all of this run's, never a mix; nodes the run did not score lose the old value
// params:
//   staged: {type: str, doc: "staging property, <property>__<run id>"}
//   property: {type: str, doc: "public score property, e.g. pagerank"}
//   run_id: {type: str}
//   summary: {type: map, doc: "scalar run facts to record: duration_s, nodes, relationships, ..."}
MATCH (n:Organization)
WHERE n[$staged] IS NOT NULL OR n[$property] IS NOT NULL
SET n[$property] = n[$staged], n[$staged] = null
WITH count(n) AS swapped
MATCH (r:JobRun {id: $run_id})
SET r += $summary, r.status = 'succeeded', r.finished = datetime(), r.nodes_written = swapped
RETURN swapped
