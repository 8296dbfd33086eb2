// title_zh: 写入作业分数（暂存属性）
// title_en: Write a batch of job scores into the run's staging property
// answers: stores each node's new score under `<property>__<run id>`, which no reader uses, so a half-written run is invisible
// params:
//   rows: {type: list, doc: "[{id: Organization.id, value: score}]"}
//   staged: {type: str, doc: "staging property name, e.g. pagerank__r20261121t0612a1b2"}
UNWIND $rows AS row
MATCH (n:Organization {id: row.id})
SET n[$staged] = row.value
