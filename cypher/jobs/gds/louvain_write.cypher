// title_zh: GDS 写入：Louvain 社区
// title_en: GDS write mode — Louvain communities
// answers: runs gds.louvain.write on the projected graph and writes the scores to the run's staging property (config.writeProperty)
// params:
//   graph_name: {type: str}
//   config: {type: map, doc: "algorithm configuration incl. writeProperty, concurrency and seeds"}
CALL gds.louvain.write($graph_name, $config)
YIELD nodePropertiesWritten, computeMillis, writeMillis, communityCount, modularity, ranLevels
RETURN nodePropertiesWritten AS node_properties_written, computeMillis AS compute_millis, writeMillis AS write_millis, communityCount AS communities, modularity, ranLevels AS ran_levels
