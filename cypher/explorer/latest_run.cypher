// title_zh: 最新作业运行标记
// title_en: Latest job run marker
// answers: >
//   how many job runs exist, the newest start or finish time and how many are running; the explorer keys its
//   result caches on this so pages refresh after a job run
// params: {}
MATCH (r:JobRun)
RETURN count(r) AS runs, max(toString(coalesce(r.finished, r.started))) AS latest,
       sum(CASE WHEN r.status = 'running' THEN 1 ELSE 0 END) AS running
