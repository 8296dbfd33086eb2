// title_zh: 仍标记为运行中的作业
// title_en: Job runs still marked running
// answers: the runs recorded as running, with the property they stage their scores in; after the job run lock was taken over from a dead holder these are runs that will never finish
// params: {}
MATCH (r:JobRun {status: 'running'})
RETURN r.id AS id, r.property AS property
