// title_zh: 作业运行历史
// title_en: Job run history, newest first
// answers: which jobs ran when, on which backend, how long, on how big a graph, and whether they succeeded
// params:
//   job: {type: str, default: null, doc: "a job name, or null for all jobs"}
//   limit: {type: int, default: 20}
MATCH (r:JobRun)
WHERE $job IS NULL OR r.job = $job
RETURN r.id AS id, r.job AS job, r.backend AS backend, r.status AS status, toString(r.started) AS started,
       r.duration_s AS duration_s, r.nodes AS nodes, r.relationships AS relationships, r.error AS error,
       r.parameters AS parameters, r.engine AS engine, r.concurrency AS concurrency, r.modularity AS modularity,
       r.top_ids AS top_ids, r.top_names AS top_names, r.top_scores AS top_scores
ORDER BY r.started DESC, r.id DESC
LIMIT $limit
