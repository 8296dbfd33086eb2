// title_zh: 已加载的维度节点（代码与名称）
// title_en: Loaded dimension nodes (codes and names)
// answers: every dimension node an organisation may link to in the graph model, with the names it matches cells against
// params: {}
{% for label in model.links_from(org) %}
MATCH (d:{{ label }}) RETURN '{{ label }}' AS label, d.code AS code, d.name_zh AS name_zh, d.name_en AS name_en
{{ "UNION ALL" if not loop.last }}
{% endfor %}
