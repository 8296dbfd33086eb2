// title_zh: 按键分批删除节点的若干属性（Graph.remove_properties 的 Cypher 路径）
// title_en: Remove some properties from a batch of nodes of a label, by key (the Cypher path of Graph.remove_properties)
// answers: how many of the nodes whose key is in `$keys` had any of `$properties` before they were removed (failed or outdated runs' scores, the versions a publication pushed out), one batch of nodes per transaction, so that a removal from every node fits Neo4j's transaction memory at any scale; the embedded engine runs the same change as one SQL UPDATE
// params:
//   keys: {type: list, doc: "the keys of the batch's nodes"}
//   properties: {type: list, doc: "property names"}
// template: {label: "node label (default the organisation label)", key: "its key property (default the organisation key)"}
{% set label = label | default(org) %}
{% set key = key | default(model.organization.key) %}
UNWIND $keys AS k
MATCH (n:{{ label }})
WHERE n.{{ key }} = k AND any(p IN $properties WHERE n[p] IS NOT NULL)
UNWIND $properties AS property
SET n[property] = null
RETURN count(DISTINCT n) AS removed
