// title_zh: GDS 写入：PageRank
// title_en: GDS write mode — PageRank
// answers: runs gds.pageRank.write on the projected graph and writes the scores to the run's staging property (config.writeProperty)
// params:
//   graph_name: {type: str}
//   config: {type: map, doc: "algorithm configuration incl. writeProperty, concurrency and seeds"}
CALL gds.pageRank.write($graph_name, $config)
YIELD nodePropertiesWritten, computeMillis, writeMillis, ranIterations, didConverge
RETURN nodePropertiesWritten AS node_properties_written, computeMillis AS compute_millis, writeMillis AS write_millis, ranIterations AS ran_iterations, didConverge AS did_converge
