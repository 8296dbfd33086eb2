// title_zh: 按编号读取作业运行记录
// title_en: Job runs by id, with every recorded fact
// answers: what each run recorded (status, engine-clock start and finish, duration, the phases the backend timed), for the benchmark's per-phase breakdown of `valuenet jobs run`
// params:
//   ids: {type: list, doc: "JobRun ids"}
MATCH (r:JobRun)
WHERE r.id IN $ids
RETURN r.id AS id, r.job AS job, properties(r) AS run,
       (coalesce(r.finished, r.started).epochMillis - r.started.epochMillis) / 1000.0 AS wall_s
