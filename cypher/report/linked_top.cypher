// title_zh: 焦点机构最多的维度节点
// title_en: The dimension nodes with the most focal organisations
// answers: the cities, provinces, industries, fields ... (one dimension label) holding the most organisations of the focal set, for the report's breakdowns
// params:
//   limit: {type: int, default: 10}
// template: {link: "a link of the graph model from organisations (LOCATED_IN)", target: "its dimension label (City)"}
{% set link = link | default('LOCATED_IN') %}
{% set target = target | default('City') %}
{% set key = model.dimensions[target].key %}
MATCH ({{ focal_node('o') }})-[:{{ link }}]->(d:{{ target }})
WITH d, count(DISTINCT o) AS organizations
RETURN d.{{ key }} AS code, d.name_zh AS name_zh, d.name_en AS name_en, organizations
ORDER BY organizations DESC, code
LIMIT $limit
