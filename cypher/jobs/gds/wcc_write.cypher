// title_zh: GDS 写入：弱连通分量
// title_en: GDS write mode — weakly connected components
// answers: runs gds.wcc.write on the projected graph and writes the scores to the run's staging property (config.writeProperty)
// params:
//   graph_name: {type: str}
//   config: {type: map, doc: "algorithm configuration incl. writeProperty, concurrency and seeds"}
CALL gds.wcc.write($graph_name, $config)
YIELD nodePropertiesWritten, computeMillis, writeMillis, componentCount
RETURN nodePropertiesWritten AS node_properties_written, computeMillis AS compute_millis, writeMillis AS write_millis, componentCount AS components
