// title_zh: 给机构加类型或角色标签
// title_en: Label organisations with a kind or role label
// answers: adds the label to the organisations with the given ids (idempotent; nodes that have it already are skipped, which is much cheaper on the embedded engine)
// params:
//   rows: {type: list, items: "{id: str}"}
// template:
//   label: a kind or role label of the graph model (default the first kind); rendered by loader/write.py once per label
{% set label = label | default(kinds[0]) %}
UNWIND $rows AS row
MATCH (n:{{ org }} {id: row.id})
WHERE NOT n:{{ label }}
SET n:{{ label }}
