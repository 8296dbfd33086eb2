// title_zh: GDS 投影：价值网络（有向，去重）
// title_en: GDS Cypher-aggregation projection — The value network, directed, each ordered pair once
// answers: the same nodes and relationships as jobs/stream_network, projected into the GDS catalog
// params:
//   graph_name: {type: str}
//   config: {type: map, doc: 'gds.graph.project configuration, e.g. {undirectedRelationshipTypes: ["*"]}'}
MATCH (n:Organization)
WHERE n:Sample OR EXISTS { (n)-[:EMPOWERS|SUPPLIES_TALENT|INVESTS_IN|ACQUIRES]-(:Sample) }
OPTIONAL MATCH (n)-[:EMPOWERS|SUPPLIES_TALENT|INVESTS_IN|ACQUIRES]->(m:Organization)
WHERE m <> n AND (n:Sample OR m:Sample)
WITH DISTINCT n, m
WITH gds.graph.project($graph_name, n, m, {}, $config) AS g
RETURN g.graphName AS graph_name, g.nodeCount AS node_count, g.relationshipCount AS relationship_count
