// title_zh: 图中已有的机构编号
// title_en: Organisation ids already in the graph
// answers: which of these ids exist, to accept relation ends loaded earlier and reject dangling ones
// params:
//   ids: {type: list, items: str}
UNWIND $ids AS id
MATCH (o:Organization {id: id})
RETURN o.id AS id
