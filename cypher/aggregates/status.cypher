// title_zh: 某个聚合的新鲜度
// title_en: How fresh one aggregate is
// answers: for the aggregate `name` of one focal set, how many parts it has, the oldest and newest graph version they were computed from, when, the oldest and newest layout of its parts (1 before layouts were stamped), and the version its inputs last changed at (the graph's relations version when no load has stamped it); no row when it was never computed
// params:
//   name: {type: str, doc: an aggregate of the graph model}
//   focal_set: {type: str, doc: "the focal label, or all"}
// template: {aggregate: "the same aggregate, whose stamp is read"}
MATCH (a:Aggregate {name: $name, focal_set: $focal_set})
WITH count(a) AS parts, min(a.version) AS oldest, max(a.version) AS newest, min(a.computed_at) AS computed_at,
     min(coalesce(a.layout, 1)) AS layout_oldest, max(coalesce(a.layout, 1)) AS layout_newest
CALL () {
  OPTIONAL MATCH (g:GraphSetting {key: 'relations_version'})
  RETURN coalesce(g.inputs_{{ aggregate | default('focal_places') }}, g.value, 0) AS version
}
RETURN parts, oldest, newest, computed_at, version, layout_oldest, layout_newest
