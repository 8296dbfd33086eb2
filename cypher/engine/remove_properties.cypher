// title_zh: 从某标签的全部节点删除若干属性（Graph.remove_properties 的 Cypher 路径）
// title_en: Remove some properties from every node of a label (the Cypher path of Graph.remove_properties)
// answers: how many nodes had any of `$properties` before they were removed (failed or outdated runs' scores); the embedded engine runs the same change as one SQL UPDATE
// params:
//   properties: {type: list, doc: "property names"}
// template: {label: "node label (default the organisation label)"}
{% set label = label | default(org) %}
UNWIND $properties AS property
MATCH (n:{{ label }})
WHERE n[property] IS NOT NULL
SET n[property] = null
RETURN count(DISTINCT n) AS removed
