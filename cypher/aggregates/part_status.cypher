// title_zh: 某个聚合中某一部分的新鲜度
// title_en: How fresh one keyed part of an aggregate is
// answers: >
//   for the part of aggregate `name` of one focal set kept for `key` (org_ego: an organisation's id), the
//   graph version it was computed from, when and in which layout (1 before layouts were stamped; null when
//   there is no such part), and the version its
//   inputs last changed at (`inputs_<aggregate>` where a load stamped one, else the graph's relations
//   version); one row always
// params:
//   name: {type: str, doc: an aggregate of the graph model}
//   focal_set: {type: str, doc: "the focal label, or all"}
//   key: {type: str, doc: the key of the part}
// template: {aggregate: "the same aggregate, whose stamp is read"}
OPTIONAL MATCH (a:Aggregate {key: $key})
WHERE a.name = $name AND a.focal_set = $focal_set
WITH a.version AS part_version, a.computed_at AS computed_at, coalesce(a.layout, 1) AS layout
CALL () {
  OPTIONAL MATCH (g:GraphSetting {key: 'relations_version'})
  RETURN coalesce(g.inputs_{{ aggregate | default('org_ego') }}, g.value, 0) AS version
}
RETURN part_version, computed_at, layout, version
