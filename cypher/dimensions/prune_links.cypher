// title_zh: 删除不再属于维度表的维度关系
// title_en: Delete dimension links the shipped tables no longer contain
// answers: keeps the links between reference dimensions equal to the tables after a data update (a city moved to another metro area, a division re-parented); nodes are never deleted, organisations may link to them
// params:
//   keep: {type: list, doc: "strings 'TYPE|start code|end code' of every link the tables define"}
{% for type, a, b in model.reference_link_pairs() %}
MATCH (a:{{ a }})-[r:{{ type }}]->(b:{{ b }})
WHERE NOT ('{{ type }}|' + a.code + '|' + b.code) IN $keep
DELETE r;
{% endfor %}
