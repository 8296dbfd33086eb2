// title_zh: GDS 内存估算：局部聚类系数
// title_en: GDS memory estimate — local clustering coefficient
// answers: how much heap gds.localClusteringCoefficient.write would need on the projected graph, checked before running it
// params:
//   graph_name: {type: str}
//   config: {type: map}
CALL gds.localClusteringCoefficient.write.estimate($graph_name, $config)
YIELD requiredMemory, bytesMin, bytesMax, nodeCount, relationshipCount
RETURN requiredMemory AS required_memory, bytesMin AS bytes_min, bytesMax AS bytes_max,
       nodeCount AS node_count, relationshipCount AS relationship_count
