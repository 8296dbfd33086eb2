// title_zh: GDS 投影：人力资本关系：学习经验（至少一端为样本）
// title_en: GDS Cypher-aggregation projection — SUPPLIES_TALENT study relations with a :Sample at one end
// answers: the same nodes and relationships as jobs/stream_talent_study, projected into the GDS catalog
// params:
//   graph_name: {type: str}
//   config: {type: map, doc: 'gds.graph.project configuration, e.g. {undirectedRelationshipTypes: ["*"]}'}
MATCH (n:Organization)
OPTIONAL MATCH (n)-[r:SUPPLIES_TALENT]->(m:Organization)
WHERE r.experience = 'study' AND (n:Sample OR m:Sample)
WITH gds.graph.project($graph_name, n, m, {}, $config) AS g
RETURN g.graphName AS graph_name, g.nodeCount AS node_count, g.relationshipCount AS relationship_count
