// title_zh: GDS 写入：运行算法目录中的一个算法
// title_en: GDS write mode — run one algorithm of the catalogue and write its scores
// answers: runs the algorithm's write mode on the projected graph with the configuration the algorithm catalogue (gds_jobs/algorithms) built from the job's typed parameters; config.writeProperty is the run's staging property
// params:
//   graph_name: {type: str}
//   config: {type: map, doc: "algorithm configuration incl. writeProperty, concurrency and seeds"}
// template: {procedure: "the algorithm's GDS procedure (default gds.pageRank)", yields: "result column -> returned name (default the three every write mode yields)"}
{% set procedure = procedure | default('gds.pageRank') %}
{% set yields = yields | default({'nodePropertiesWritten': 'node_properties_written', 'computeMillis': 'compute_millis', 'writeMillis': 'write_millis'}) %}
CALL {{ procedure }}.write($graph_name, $config)
YIELD {{ yields | join(', ') }}
RETURN {% for column, name in yields.items() %}{{ column }} AS {{ name }}{{ ', ' if not loop.last }}{% endfor %}
