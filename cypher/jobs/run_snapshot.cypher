// title_zh: 保存运行的前 k 名快照
// title_en: Store runs' top-k score snapshots on their JobRuns
// answers: keeps the top-k (ids, names, scores) of every run so that "who rose, who fell" can be asked later
// params:
//   snapshots: {type: list, doc: "[{run_id, ids, names, scores}], the top-k in rank order"}
UNWIND $snapshots AS s
MATCH (r:JobRun {id: s.run_id})
SET r.top_ids = s.ids, r.top_names = s.names, r.top_scores = s.scores
RETURN r.id AS id
