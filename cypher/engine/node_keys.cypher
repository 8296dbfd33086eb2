// title_zh: 某标签的全部节点：键与是否带第二个标签
// title_en: Every node of a label, its key, and whether it has a second label
// answers: one row holding [key, marked] for every node of the label (marked = it also has the `mark` label, e.g. the focal set's :Sample); the in-memory graph of the local job projections (Graph.node_links)
// params:
//   key: {type: str, doc: "the key property, e.g. id"}
// template: {label: "node label (default the organisation label)", mark: "a second label to flag (default the focal label; none: every node unmarked)"}
{% set label = label | default(org) %}
{% set mark = mark | default(model.focal_set.label) %}
MATCH (n:{{ label }})
RETURN collect([n[$key], {{ 'n:' ~ mark if mark else 'false' }}]) AS nodes
