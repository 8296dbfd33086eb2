// title_zh: 记录作业运行开始
// title_en: Record the start of a job run
// answers: creates the (:JobRun) node (status running) that history, schedules and readers refer to
// params:
//   run: {type: map, doc: "id, job, backend, engine, engine_version, gds_version, parameters (JSON text), concurrency, seed, property"}
CREATE (r:JobRun)
SET r = $run, r.status = 'running', r.started = datetime()
RETURN r.id AS id
