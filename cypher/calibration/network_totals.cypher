// title_zh: "价值网络规模：样本节点、关系节点与关系总数"
// title_en: "Value network size: sample nodes, relation nodes and relationships"
// answers: "Table 3's node and edge counts; sample nodes = the focal set (default :Sample); a relation node is an organisation outside it with a value-network relationship (the graph model's value_network types) to a sample node; edges = value relationships with a sample node at one end"
// params: {}
// metric_ids: [network_sample_nodes, network_relation_nodes, network_nodes_total, network_edges_total, sample_ai_enterprises_2021]
MATCH (s:{{ org }})
WHERE {{ focal('s') }}
WITH count(s) AS samples
OPTIONAL MATCH (a:{{ org }})-[:{{ value_types }}]-(f:{{ org }})
WHERE {{ focal('f') }} AND NOT {{ focal('a') }}
WITH samples, count(DISTINCT a) AS relation_nodes
OPTIONAL MATCH (x:{{ org }})-[r:{{ value_types }}]->(y:{{ org }})
WHERE {{ counted('value_network', 'x', 'y') }}
WITH samples, relation_nodes, count(r) AS edges
UNWIND [['network:sample_nodes', samples], ['network:relation_nodes', relation_nodes],
        ['network:nodes', samples + relation_nodes], ['network:edges', edges]] AS kv
RETURN kv[0] AS k, kv[1] AS v
