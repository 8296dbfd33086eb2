// title_zh: 申请作业运行锁
// title_en: Claim the job run lock
// answers: takes the one job run lock when it is free (or held by `expected`, a holder found stale) and returns the new owner; no row when another run holds it
// params:
//   name: {type: str}
//   owner: {type: str}
//   expected: {type: str, doc: "the stale holder's owner token to take over from, or null"}
//   holder: {type: map, doc: "what, pid, host, process_started of the claiming process"}
MERGE (l:JobLock {name: $name})
// Written before the owner is read: Neo4j then holds the node's write lock and reads the committed owner;
// ArcadeDB lets only one of two concurrent claims commit (the other is retried and reads the winner).
SET l.claimed = timestamp()
WITH l
WHERE l.owner IS NULL OR l.owner = $expected
SET l += $holder, l.owner = $owner, l.started = toString(datetime()), l.heartbeat = timestamp()
RETURN l.owner AS owner
