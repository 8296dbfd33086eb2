// title_zh: GDS 投影：对样本企业的投资关系
// title_en: GDS Cypher-aggregation projection — INVESTS_IN relations into a :Sample firm
// answers: the same nodes and relationships as jobs/stream_invests_samples, projected into the GDS catalog
// params:
//   graph_name: {type: str}
//   config: {type: map, doc: 'gds.graph.project configuration, e.g. {undirectedRelationshipTypes: ["*"]}'}
MATCH (n:Organization)
OPTIONAL MATCH (n)-[:INVESTS_IN]->(m:Organization)
WHERE m:Sample
WITH gds.graph.project($graph_name, n, m, {}, $config) AS g
RETURN g.graphName AS graph_name, g.nodeCount AS node_count, g.relationshipCount AS relationship_count
