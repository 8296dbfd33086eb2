// title_zh: GDS 内存估算：Leiden 社区
// title_en: GDS memory estimate — Leiden communities
// answers: how much heap gds.leiden.write would need on the projected graph, checked before running it
// params:
//   graph_name: {type: str}
//   config: {type: map}
CALL gds.leiden.write.estimate($graph_name, $config)
YIELD requiredMemory, bytesMin, bytesMax, nodeCount, relationshipCount
RETURN requiredMemory AS required_memory, bytesMin AS bytes_min, bytesMax AS bytes_max,
       nodeCount AS node_count, relationshipCount AS relationship_count
