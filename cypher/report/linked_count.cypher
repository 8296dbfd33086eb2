// title_zh: 与某维度相连的焦点机构数
// title_en: Focal organisations linked to a dimension
// answers: how many organisations of the focal set carry a link to a node of one dimension (a city, an industry ...), the denominator the report states beside every breakdown
// params: {}
// template: {link: "a link of the graph model from organisations (LOCATED_IN)", target: "its dimension label (City)"}
{% set link = link | default('LOCATED_IN') %}
{% set target = target | default('City') %}
MATCH ({{ focal_node('o') }})-[:{{ link }}]->(:{{ target }})
RETURN count(DISTINCT o) AS covered
