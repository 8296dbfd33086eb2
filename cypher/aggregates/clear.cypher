// title_zh: 删除某个聚合
// title_en: Remove one aggregate
// answers: deletes every part of the aggregate `name` of one focal set (before its new parts are written)
// params:
//   name: {type: str, doc: an aggregate of the graph model}
//   focal_set: {type: str, doc: "the focal label, or all"}
MATCH (a:Aggregate {name: $name, focal_set: $focal_set})
DELETE a
