// title_zh: 删除 GDS 投影图
// title_en: Drop a job's projected graph from the GDS catalog
// answers: frees the in-memory projection after the job, whether it succeeded or not (no error if it is gone)
// params:
//   graph_name: {type: str}
CALL gds.graph.drop($graph_name, false)
YIELD graphName
RETURN graphName AS graph_name
