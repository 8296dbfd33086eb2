// title_zh: 每个机构及其已存的关系数（聚合 org_degrees 的计算）
// title_en: Every organisation with the counts kept on it (computing the org_degrees aggregate)
// answers: >
//   one row of lists: every organisation's element id, id, Chinese name and its links_* counts as kept on
//   it now (`properties`, null where never computed), so that only the organisations whose counts changed
//   are written (valuenet/aggregates.py counts them from org_degrees_relations)
// params: {}
// template: {properties: "the links_* properties of the organisations, in the order they are compared"}
MATCH (o:{{ org }})
RETURN collect([elementId(o), o.id, o.name_zh,
                [{% for p in properties | default([]) %}o.{{ p }}{{ ', ' if not loop.last }}{% endfor %}]]) AS organizations
