// title_zh: 按编号读取机构名称
// title_en: Organisations' names by id
// answers: the Chinese name of each organisation asked for (the names in runs' top-k snapshots)
// params:
//   ids: {type: list, doc: "organisation ids"}
UNWIND $ids AS wanted
MATCH (n:{{ org }})
WHERE n.{{ model.organization.key }} = wanted
RETURN n.{{ model.organization.key }} AS id, n.name_zh AS name_zh
