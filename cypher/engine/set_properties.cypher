// title_zh: 批量写入节点的多个属性（Cypher 路径）
// title_en: Set several properties on many nodes, by key (the Cypher path of Graph.set_properties)
// answers: adds each row's values to the node whose key is row.key (a maintained aggregate's per-organisation totals); the embedded engine runs the same change as one SQL UPDATE
// params:
//   rows: {type: list, doc: "[{key: the node's key, values: {property: value not null}}]"}
// template: {label: "node label (default the organisation label)", key: "its key property (default the organisation key)"}
{% set label = label | default(org) %}
{% set key = key | default(model.organization.key) %}
UNWIND $rows AS row
MATCH (n:{{ label }})
WHERE n.{{ key }} = row.key
SET n += row.values
