// title_zh: 某标签节点之间的关系：两端的键、类型与属性
// title_en: Relationships between nodes of a label (both ends' keys, the type, some properties)
// answers: one row holding [start key, end key, type, [property values]] for every relationship of the given types between two nodes of the label, in stored direction; the in-memory graph of the local job projections (Graph.node_links)
// params:
//   key: {type: str, doc: "the nodes' key property, e.g. id"}
//   properties: {type: list, doc: "relationship properties to return, e.g. [experience] (null where absent)"}
// template: {label: "node label (default the organisation label)", types: "relationship types, `A|B` (default the value network's)"}
{% set label = label | default(org) %}
{% set types = types | default(projection_types('value_network')) %}
MATCH (a:{{ label }})-[r:{{ types }}]->(b:{{ label }})
RETURN collect([a[$key], b[$key], type(r), [p IN $properties | r[p]]]) AS relationships
