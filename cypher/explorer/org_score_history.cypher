// title_zh: 机构的分数历史
// title_en: An organisation's score history
// answers: the organisation's rank and score in the top-k snapshot of every successful job run that kept one
// params:
//   id: {type: str, required: true, description: organisation id}
MATCH (r:JobRun {status: 'succeeded'})
WHERE $id IN coalesce(r.top_ids, [])
WITH r, [i IN range(0, size(r.top_ids) - 1) WHERE r.top_ids[i] = $id][0] AS pos
RETURN r.job AS job, r.property AS property, toString(r.started) AS started, r.id AS run_id, pos + 1 AS rank,
       r.top_scores[pos] AS score
ORDER BY job, started
