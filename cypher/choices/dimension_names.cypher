// title_zh: 维度节点的代码与名称（按名称解析参数）
// title_en: Codes and names of the dimension nodes (to resolve parameters given by name)
// answers: every node of the graph model's dimensions with the spellings that name it (code, Chinese and English names, short name, aliases) and the code of the node that contains it (a city's province, a division's section), for valuenet/resolve.py
// params: {}
// template: {labels: "dimension labels of the graph model (default: all of them)"}
{% set labels = labels | default(model.dimensions | list) %}
{% for label in labels %}
{% set d = model.dimensions[label] %}
{% set outer = model.dimensions[model.links[d.within].to[0]] if d.within else none %}
MATCH (d:{{ label }})
{% if d.within %}
OPTIONAL MATCH (d)-[:{{ d.within }}]->(w)
{% endif %}
RETURN '{{ label }}' AS label, d.{{ d.key }} AS code, d.name_zh AS name_zh, d.name_en AS name_en,
       d.short_zh AS short_zh, d.aliases AS aliases, {{ 'w.' ~ outer.key if outer else 'null' }} AS within
{{ "UNION ALL" if not loop.last }}
{% endfor %}
