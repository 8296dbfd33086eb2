// title_zh: GDS 写入：调和接近中心度
// title_en: GDS write mode — harmonic closeness
// answers: runs gds.closeness.harmonic.write on the projected graph and writes the scores to the run's staging property (config.writeProperty)
// params:
//   graph_name: {type: str}
//   config: {type: map, doc: "algorithm configuration incl. writeProperty, concurrency and seeds"}
CALL gds.closeness.harmonic.write($graph_name, $config)
YIELD nodePropertiesWritten, computeMillis, writeMillis
RETURN nodePropertiesWritten AS node_properties_written, computeMillis AS compute_millis, writeMillis AS write_millis
