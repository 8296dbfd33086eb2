// title_zh: 图中已有节点的标签与属性（按键）
// title_en: Labels and properties of nodes already in the graph, by key
// answers: what the graph holds for the nodes a load is about to merge, so that rows it already holds are left out (an identical repeated load writes nothing); one row of lists [key, labels, the values of the properties asked for (null where absent)], only the properties the comparison looks at (all of them as maps, a row per node, took 2.7x as long, 43.8k organisations 2.15 s against 0.80 s)
// params:
//   keys: {type: list, items: str}
//   properties: {type: list, items: str}
// template:
//   label: a node label of the graph model with a key (default the organisation label); rendered by loader/diff.py once per label
{% set label = label | default(org) %}
{% set key = model.organization.key if label == org else model.dimensions[label].key %}
UNWIND $keys AS k
MATCH (n:{{ label }} {{ "{" }}{{ key }}: k{{ "}" }})
RETURN collect([k, labels(n), [p IN $properties | n[p]]]) AS nodes
