// title_zh: 作业分数前 k 名
// title_en: Top-k organisations by a job's score property
// answers: who ranks highest on a score right now (used for the run's score snapshot)
// params:
//   property: {type: str, doc: "score property, e.g. degree_tech"}
//   k: {type: int, default: 20}
{{ published_key('property', 'key') }}
MATCH (n:Organization)
WHERE n[key] IS NOT NULL
RETURN n.id AS id, n.name_zh AS name_zh, n[key] AS score
ORDER BY score DESC, id
LIMIT $k
