// title_zh: GDS 内存估算：PageRank
// title_en: GDS memory estimate — PageRank
// answers: how much heap gds.pageRank.write would need on the projected graph, checked before running it
// params:
//   graph_name: {type: str}
//   config: {type: map}
CALL gds.pageRank.write.estimate($graph_name, $config)
YIELD requiredMemory, bytesMin, bytesMax, nodeCount, relationshipCount
RETURN requiredMemory AS required_memory, bytesMin AS bytes_min, bytesMax AS bytes_max,
       nodeCount AS node_count, relationshipCount AS relationship_count
