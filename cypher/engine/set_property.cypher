// title_zh: 批量写入节点属性（Cypher 路径）
// title_en: Set one property on many nodes, by key (the Cypher path of Graph.set_property)
// answers: stores each row's value under `$property` on the node whose key is row.key (a job's run-keyed scores); the embedded engine runs the same change as one SQL UPDATE
// params:
//   rows: {type: list, doc: "[{key: the node's key, value: not null}]"}
//   property: {type: str, doc: "property name, e.g. pagerank__r20261121t0612a1b2"}
// template: {label: "node label (default the organisation label)", key: "its key property (default the organisation key)"}
{% set label = label | default(org) %}
{% set key = key | default(model.organization.key) %}
UNWIND $rows AS row
MATCH (n:{{ label }})
WHERE n.{{ key }} = row.key
SET n[$property] = row.value
