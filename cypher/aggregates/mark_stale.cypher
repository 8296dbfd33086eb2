// title_zh: 标记聚合为过期（加载写入之前）
// title_en: Mark the aggregates stale (before a load writes)
// answers: raises the graph's relations_version and stamps the aggregates in `stale` with it (their parts computed before are stale until recomputed); those in `kept` keep the stamp they had (the version before, when they had none yet)
// params: {}
// template: {stale: "the aggregates whose inputs the load changes", kept: "the other aggregates of the model"}
MERGE (g:GraphSetting {key: 'relations_version'})
{% for name in kept | default([]) %}
SET g.inputs_{{ name }} = coalesce(g.inputs_{{ name }}, g.value, 0)
{% endfor %}
SET g.value = coalesce(g.value, 0) + 1, g.changed_at = toString(datetime())
{% for name in stale | default([]) %}
SET g.inputs_{{ name }} = g.value
{% endfor %}
