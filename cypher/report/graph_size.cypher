// title_zh: 图的规模（机构、焦点集合、各类机构与关系）
// title_en: The size of the graph (organisations, the focal set, organisations by kind, relations by type)
// answers: one row per count (part, key, n) for the report's first table — every organisation, the focal set, each kind label of the graph model, each relationship type between organisations
// params: {}
MATCH (o:{{ org }}) RETURN 'organizations' AS part, '' AS key, count(o) AS n
UNION ALL
MATCH ({{ focal_node('o') }}) RETURN 'focal' AS part, '' AS key, count(o) AS n
{% for kind in kinds %}
UNION ALL
MATCH (o:{{ kind }}) RETURN 'kind' AS part, '{{ kind }}' AS key, count(o) AS n
{% endfor %}
{% for type in model.org_relationship_types %}
UNION ALL
MATCH (:{{ org }})-[r:{{ type }}]->(:{{ org }}) RETURN 'relationship' AS part, '{{ type }}' AS key, count(r) AS n
{% endfor %}
