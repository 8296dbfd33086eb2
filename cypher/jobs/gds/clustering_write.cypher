// title_zh: GDS 写入：局部聚类系数
// title_en: GDS write mode — local clustering coefficient
// answers: runs gds.localClusteringCoefficient.write on the projected graph and writes the scores to the run's staging property (config.writeProperty)
// params:
//   graph_name: {type: str}
//   config: {type: map, doc: "algorithm configuration incl. writeProperty, concurrency and seeds"}
CALL gds.localClusteringCoefficient.write($graph_name, $config)
YIELD nodePropertiesWritten, computeMillis, writeMillis, averageClusteringCoefficient
RETURN nodePropertiesWritten AS node_properties_written, computeMillis AS compute_millis, writeMillis AS write_millis, averageClusteringCoefficient AS average_clustering
