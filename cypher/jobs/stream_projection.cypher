// title_zh: 作业投影（本地后端）：图模型中的一个命名投影
// title_en: Job projection (local backend) — one named projection of the graph model
// answers: the nodes and relationships of a projection declared in valuenet/data/graph_model.yaml (its relationship types and filter, the focal rule, the node set, distinct pairs), in stored direction, for networkit
// params: {}
// template: {projection: "a projection of the graph model (default value_network)"}
// returns: one row per node with target null, plus one row per relationship (source, target = Organization.id)
{% set projection = projection | default('value_network') %}
{% set p = model.projection(projection) %}
{% set key = model.organization.key %}
{% set nodes = projection_nodes(projection, 'n') %}
{% set rels = [counted(projection, 'n', 'm'), rel_where(projection, 'r'), 'm <> n' if p.distinct_pairs else 'true']
   | reject('equalto', 'true') | list %}
MATCH (n:{{ org }})
{% if nodes != 'true' %}
WHERE {{ nodes }}
{% endif %}
OPTIONAL MATCH (n)-[r:{{ projection_types(projection) }}]->(m:{{ org }})
{% if rels %}
WHERE {{ rels | join(' AND ') }}
{% endif %}
{% if p.distinct_pairs %}
WITH DISTINCT n, m
{% endif %}
RETURN n.{{ key }} AS source, m.{{ key }} AS target
