// title_zh: 释放作业运行锁
// title_en: Release the job run lock
// answers: frees the job run lock if `owner` still holds it
// params:
//   name: {type: str}
//   owner: {type: str}
MATCH (l:JobLock {name: $name})
WHERE l.owner = $owner
SET l = {name: $name}
