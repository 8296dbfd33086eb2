// title_zh: 当前作业运行锁的持有者
// title_en: Who holds the job run lock
// answers: the run holding the job run lock (what it runs, its process and host, since when) and how long since its last heartbeat, by the engine's clock
// params:
//   name: {type: str}
MATCH (l:JobLock {name: $name})
WHERE l.owner IS NOT NULL
RETURN l.owner AS owner, l.what AS what, l.pid AS pid, l.host AS host,
       l.process_started AS process_started, l.started AS started,
       timestamp() - l.heartbeat AS silent_ms
