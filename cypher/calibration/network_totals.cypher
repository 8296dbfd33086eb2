// title_zh: "价值网络规模：样本节点、关系节点与关系总数"
// title_en: "Value network size: sample nodes, relation nodes and relationships"
// answers: "Table 3's node and edge counts; a relation node is an organisation that is not a sample firm and has a value-network relationship (EMPOWERS, SUPPLIES_TALENT, INVESTS_IN, ACQUIRES) with a sample firm"
// params: {}
// metric_ids: [network_sample_nodes, network_relation_nodes, network_nodes_total, network_edges_total, sample_ai_enterprises_2021]
MATCH (s:Sample)
WITH count(s) AS samples
OPTIONAL MATCH (a:Organization)-[:EMPOWERS|SUPPLIES_TALENT|INVESTS_IN|ACQUIRES]-(:Sample)
WHERE NOT a:Sample
WITH samples, count(DISTINCT a) AS relation_nodes
OPTIONAL MATCH (x:Organization)-[r:EMPOWERS|SUPPLIES_TALENT|INVESTS_IN|ACQUIRES]->(y:Organization)
WHERE x:Sample OR y:Sample
WITH samples, relation_nodes, count(r) AS edges
UNWIND [['network:sample_nodes', samples], ['network:relation_nodes', relation_nodes],
        ['network:nodes', samples + relation_nodes], ['network:edges', edges]] AS kv
RETURN kv[0] AS k, kv[1] AS v
