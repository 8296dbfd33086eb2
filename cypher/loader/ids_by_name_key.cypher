// title_zh: 按规范化名称查找已有机构
// title_en: Existing organisations by normalised name
// answers: which organisations already in the graph carry one of these name keys, so a name in a new table joins the node an earlier load created (possibly under an explicit id)
// params:
//   keys: {type: list, items: str}
UNWIND $keys AS k
MATCH (o:Organization {name_key: k})
RETURN k AS key, o.id AS id
