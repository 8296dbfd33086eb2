// title_zh: 按键分批复制节点属性（Cypher 路径）
// title_en: Copy properties into others on a batch of nodes of a label, by key (the Cypher path of Graph.publish_properties)
// answers: on each node whose key is in `$keys`, each pair's target property becomes its source property, removed where the source is absent (a run's scores published into the public property, one batch of nodes per transaction), one row per source that some node has with `copied` = the nodes given its value; the embedded engine runs the same change as SQL UPDATEs in one transaction
// params:
//   keys: {type: list, doc: "the keys of the batch's nodes"}
//   pairs: {type: list, doc: "[{source: run-keyed property, target: its public property}]"}
// template: {label: "node label (default the organisation label)", key: "its key property (default the organisation key)"}
{% set label = label | default(org) %}
{% set key = key | default(model.organization.key) %}
UNWIND $keys AS k
MATCH (n:{{ label }})
WHERE n.{{ key }} = k
UNWIND $pairs AS pair
WITH n, pair
WHERE n[pair.source] IS NOT NULL OR n[pair.target] IS NOT NULL
SET n[pair.target] = n[pair.source]
RETURN pair.source AS source, count(n[pair.source]) AS copied
