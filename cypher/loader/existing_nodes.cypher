// title_zh: 图中已有节点的标签与属性（按键）
// title_en: Labels and properties of nodes already in the graph, by key
// answers: what the graph holds for the nodes a load is about to merge, so that rows it already holds are left out (an identical repeated load writes nothing)
// params:
//   keys: {type: list, items: str}
// template:
//   label: a node label of the graph model with a key (default the organisation label); rendered by loader/diff.py once per label
{% set label = label | default(org) %}
{% set key = model.organization.key if label == org else model.dimensions[label].key %}
UNWIND $keys AS k
MATCH (n:{{ label }} {{ "{" }}{{ key }}: k{{ "}" }})
RETURN k AS key, labels(n) AS labels, properties(n) AS props
