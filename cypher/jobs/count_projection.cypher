// title_zh: 投影计入的关系数
// title_en: Number of relationships a projection counts
// answers: each relationship a projection of the graph model counts, once, before parallel relations merge into pairs; for the value network the edge count of R21 Table 3 (technology, talent, investment and acquisition relations with a sample firm at one end, as in the report's relation data)
// params: {}
// template: {projection: "a projection of the graph model (default value_network)"}
{% set projection = projection | default('value_network') %}
{% set rels = [counted(projection, 'a', 'b'), rel_where(projection, 'r')] | reject('equalto', 'true') | list %}
MATCH (a:{{ org }})-[r:{{ projection_types(projection) }}]->(b:{{ org }})
{% if rels %}
WHERE {{ rels | join(' AND ') }}
{% endif %}
RETURN count(r) AS n
