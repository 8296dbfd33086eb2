// title_zh: 每个机构及其已存的关系数（聚合 org_degrees 的计算）
// title_en: Every organisation with the counts kept on it (computing the org_degrees aggregate)
// answers: >
//   one row of lists: every organisation's element id, id, Chinese name, its links_* counts as kept on it
//   now (`properties`, null where never computed) and its ego view as kept (`ego`, null where none), so
//   that only the organisations whose counts or view changed are written (valuenet/aggregates.py counts
//   them from org_degrees_relations)
// params: {}
// template: {properties: "the links_* counts of the organisations, in the order they are compared", ego: "the links_ego_* properties of a hub, in that order"}
MATCH (o:{{ org }})
RETURN collect([elementId(o), o.id, o.name_zh,
                [{% for p in properties | default([]) %}o.{{ p }}{{ ', ' if not loop.last }}{% endfor %}],
                [{% for p in ego | default([]) %}o.{{ p }}{{ ', ' if not loop.last }}{% endfor %}]]) AS organizations
