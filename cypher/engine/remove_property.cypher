// title_zh: 删除所有节点的某属性（Cypher 路径）
// title_en: Remove one property from every node of a label (the Cypher path of Graph.remove_property)
// answers: how many nodes had `$property` before it was removed (a failed or outdated run's scores); the embedded engine runs the same change as one SQL UPDATE
// params:
//   property: {type: str}
// template: {label: "node label (default the organisation label)"}
{% set label = label | default(org) %}
MATCH (n:{{ label }})
WHERE n[$property] IS NOT NULL
SET n[$property] = null
RETURN count(n) AS removed
