// title_zh: 复制节点属性（Cypher 路径）
// title_en: Copy one property into another on every node of a label (the Cypher path of Graph.publish_properties)
// answers: the target property becomes the source property on every node, removed where the source is absent (a run's scores published into the public property); `copied` = the nodes given the source's value; the embedded engine runs the same change as SQL UPDATEs in one transaction
// params:
//   source: {type: str}
//   target: {type: str}
// template: {label: "node label (default the organisation label)"}
{% set label = label | default(org) %}
MATCH (n:{{ label }})
WHERE n[$source] IS NOT NULL OR n[$target] IS NOT NULL
SET n[$target] = n[$source]
RETURN count(n[$source]) AS copied
