// title_zh: 保存运行的前 k 名快照
// title_en: Store a run's top-k score snapshot on its JobRun
// answers: keeps the top-k (ids, names, scores) of every run so that "who rose, who fell" can be asked later
// params:
//   run_id: {type: str}
//   ids: {type: list}
//   names: {type: list}
//   scores: {type: list}
MATCH (r:JobRun {id: $run_id})
SET r.top_ids = $ids, r.top_names = $names, r.top_scores = $scores
RETURN r.id AS id
