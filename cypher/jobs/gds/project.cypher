// title_zh: GDS 投影：图模型中的一个命名投影
// title_en: GDS Cypher-aggregation projection — one named projection of the graph model
// answers: (through graphdatascience's gds.graph.project.cypher, which wants one projection map back) the same nodes and relationships as jobs/stream_projection (in stored direction, reversed, or each linked pair once for undirected algorithms), projected into the GDS catalog
// params:
//   graph_name: {type: str}
//   config: {type: map, doc: 'gds.graph.project configuration, e.g. {undirectedRelationshipTypes: ["*"]}'}
//   order_seed: {type: int, doc: 'with shuffled: the seed of the node order'}
// template: {projection: "a projection of the graph model (default value_network)", orientation: "NATURAL (default), REVERSE or UNDIRECTED", shuffled: "every node first, in a seeded order, then the relationships (default false)"}
{% set projection = projection | default('value_network') %}
{% set orientation = orientation | default('NATURAL') %}
{% set shuffled = shuffled | default(false) %}
{% set p = model.projection(projection) %}
{% set key = model.organization.key %}
{% set nodes = projection_nodes(projection, 'n') %}
{% set source, target = ('m', 'n') if orientation == 'REVERSE' else ('n', 'm') %}
{# undirected: each linked pair once, from its end with the smaller key (no self-loops) #}
{% set rels = ['n.' ~ key ~ ' < m.' ~ key if orientation == 'UNDIRECTED' else 'true',
               counted(projection, source, target), rel_where(projection, 'r'),
               'm <> n' if p.distinct_pairs and orientation != 'UNDIRECTED' else 'true']
   | reject('equalto', 'true') | list %}
{% if shuffled %}
{# Every node first, in an order spread over the sorted keys by the seed ($order_seed), then the relationships:
   GDS fills a sample of source nodes from its first node ids (gds.betweenness), which are then no block of
   the store's order. i -> (i * prime + seed) mod n is a permutation (the prime exceeds any n). #}
MATCH (n:{{ org }})
{% if nodes != 'true' %}
WHERE {{ nodes }}
{% endif %}
WITH n ORDER BY n.{{ key }}
WITH collect(n) AS sorted
WITH [i IN range(0, size(sorted) - 1) | sorted[(i * 2654435761 + $order_seed) % size(sorted)]] AS ordered
CALL (ordered) {
  UNWIND ordered AS n
  RETURN n AS source, null AS target
  UNION ALL
  UNWIND ordered AS n
  MATCH (n){{ '<-' if orientation == 'REVERSE' else '-' }}[r:{{ projection_types(projection) }}]{{ '->' if orientation == 'NATURAL' else '-' }}(m:{{ org }})
  {% if rels %}
  WHERE {{ rels | join(' AND ') }}
  {% endif %}
  WITH DISTINCT n, m
  RETURN n AS source, m AS target
}
RETURN gds.graph.project($graph_name, source, target, {}, $config) AS projection
{% else %}
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
{% endif %}
