// title_zh: 焦点机构属性的覆盖率
// title_en: How many focal organisations report each attribute
// answers: for each numeric attribute of the graph model's organisations (founded_year, staff, revenue_cny, rd_intensity ...), how many organisations of the focal set carry it, of how many, and its range and mean among them
// params: {}
{% for a, p in model.organization.properties.items() if p.type in ['int', 'float'] %}
{{ "UNION ALL" if not loop.first }}
MATCH ({{ focal_node('o') }})
RETURN '{{ a }}' AS attribute, count(o.{{ a }}) AS reported, count(o) AS focal,
       min(o.{{ a }}) AS min, avg(o.{{ a }}) AS mean, max(o.{{ a }}) AS max
{% endfor %}
