// title_zh: 各维度节点数（名称缓存的指纹）
// title_en: Number of nodes per dimension label (the fingerprint of the name cache)
// answers: how many nodes each dimension label of the graph model has, in one query, so valuenet/resolve.py reloads a graph's names only when a load changed them
// params: {}
{% for label in model.dimensions %}
MATCH (d:{{ label }}) RETURN '{{ label }}' AS label, count(d) AS n
{{ "UNION ALL" if not loop.last }}
{% endfor %}
