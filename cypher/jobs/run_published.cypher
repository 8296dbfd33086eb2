// title_zh: 记录作业运行的发布耗时
// title_en: Record how long the runs' publication took
// answers: how long the one transaction that published these runs' scores took (`publish_s`) and how many runs it published together (`published_with`), so that what publishing cost one run is its share, and how much of it ran beside the summary jobs' compute (`publish_beside_s`)
// params:
//   run_ids: {type: list}
//   publish_s: {type: float}
//   together: {type: int}
//   publish_beside_s: {type: float}
MATCH (r:JobRun)
WHERE r.id IN $run_ids
SET r.publish_s = $publish_s, r.published_with = $together, r.publish_beside_s = $publish_beside_s
RETURN count(r) AS runs
