// title_zh: 写入价值网络统计（表3）
// title_en: Write the value network statistics (R21 Table 3) and mark the run succeeded, in one transaction
// answers: stores nodes, edges, average degree, density, diameter, modularity, average clustering and average path length (with how each was computed) as a (:NetworkStats) node of the run
// params:
//   run_id: {type: str}
//   stats: {type: map, doc: "scalar statistics and their method notes"}
//   summary: {type: map}
MATCH (r:JobRun {id: $run_id})
CREATE (r)-[:PRODUCED]->(s:NetworkStats)
SET s = $stats, s.run_id = $run_id, s.computed = datetime()
SET r += $summary, r.status = 'succeeded', r.finished = datetime()
RETURN s.run_id AS run_id
