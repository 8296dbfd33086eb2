// title_zh: GDS 投影：图模型中的一个命名投影
// title_en: GDS Cypher-aggregation projection — one named projection of the graph model
// answers: (through graphdatascience's gds.graph.project.cypher, which wants one projection map back) the same nodes and relationships as jobs/stream_projection (in stored direction, reversed, or each linked pair once for undirected algorithms), projected into the GDS catalog
// params:
//   graph_name: {type: str}
//   config: {type: map, doc: 'gds.graph.project configuration, e.g. {undirectedRelationshipTypes: ["*"]}'}
// template: {projection: "a projection of the graph model (default value_network)", orientation: "NATURAL (default), REVERSE or UNDIRECTED"}
{% set projection = projection | default('value_network') %}
{% set orientation = orientation | default('NATURAL') %}
{% set p = model.projection(projection) %}
{% set key = model.organization.key %}
{% set nodes = projection_nodes(projection, 'n') %}
{% set source, target = ('m', 'n') if orientation == 'REVERSE' else ('n', 'm') %}
{# undirected: each linked pair once, from its end with the smaller key (no self-loops) #}
{% set rels = ['n.' ~ key ~ ' < m.' ~ key if orientation == 'UNDIRECTED' else 'true',
               counted(projection, source, target), rel_where(projection, 'r'),
               'm <> n' if p.distinct_pairs and orientation != 'UNDIRECTED' else 'true']
   | reject('equalto', 'true') | list %}
MATCH (n:{{ org }})
{% if nodes != 'true' %}
WHERE {{ nodes }}
{% endif %}
OPTIONAL MATCH (n){{ '<-' if orientation == 'REVERSE' else '-' }}[r:{{ projection_types(projection) }}]{{ '->' if orientation == 'NATURAL' else '-' }}(m:{{ org }})
{% if rels %}
WHERE {{ rels | join(' AND ') }}
{% endif %}
{% if p.distinct_pairs or orientation == 'UNDIRECTED' %}
WITH DISTINCT n, m
{% endif %}
RETURN gds.graph.project($graph_name, n, m, {}, $config) AS projection
