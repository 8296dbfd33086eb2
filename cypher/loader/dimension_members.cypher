// title_zh: 已加载的维度节点（代码与名称）
// title_en: Loaded dimension nodes (codes and names)
// answers: every dimension node an organisation may link to in the graph model, with the names it matches cells against; for members of analysts' taxonomies (keyed by id) also the taxonomy and the member's own code
// params: {}
{% for label in model.links_from(org) %}
{% set key = model.dimensions[label].key %}
MATCH (d:{{ label }})
RETURN '{{ label }}' AS label, d.{{ key }} AS code, d.name_zh AS name_zh, d.name_en AS name_en,
       {{ "d.taxonomy" if key != "code" else "null" }} AS taxonomy, {{ "d.code" if key != "code" else "null" }} AS member_code
{{ "UNION ALL" if not loop.last }}
{% endfor %}
