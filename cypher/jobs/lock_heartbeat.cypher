// title_zh: 作业运行锁心跳
// title_en: Job run lock heartbeat
// answers: marks the lock as still held by `owner` now; no row when it no longer holds it
// params:
//   name: {type: str}
//   owner: {type: str}
MATCH (l:JobLock {name: $name})
WHERE l.owner = $owner
SET l.heartbeat = timestamp()
RETURN l.owner AS owner
