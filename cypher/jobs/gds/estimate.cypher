// title_zh: GDS 内存估算：算法目录中的一个算法
// title_en: GDS memory estimate — one algorithm of the catalogue
// answers: how much heap the algorithm's write mode would need on the projected graph with this configuration, checked before running it
// params:
//   graph_name: {type: str}
//   config: {type: map}
// template: {procedure: "the algorithm's GDS procedure (default gds.pageRank)"}
{% set procedure = procedure | default('gds.pageRank') %}
CALL {{ procedure }}.write.estimate($graph_name, $config)
YIELD requiredMemory, bytesMin, bytesMax, nodeCount, relationshipCount
RETURN requiredMemory AS required_memory, bytesMin AS bytes_min, bytesMax AS bytes_max,
       nodeCount AS node_count, relationshipCount AS relationship_count
