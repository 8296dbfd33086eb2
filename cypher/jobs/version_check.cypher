// title_zh: 检查分数版本仍在图中
// title_en: A run-keyed score version and the public score on some organisations
// answers: whether a run's run-keyed scores and the public property still hold on the organisations asked for (before a run with equal scores keeps them instead of writing them again)
// params:
//   ids: {type: list, doc: "organisation ids"}
//   versioned: {type: str, doc: "the run-keyed property <property>__<run id>"}
//   property: {type: str, doc: "the public score property"}
UNWIND $ids AS wanted
MATCH (n:{{ org }})
WHERE n.{{ model.organization.key }} = wanted
RETURN n.{{ model.organization.key }} AS id, n[$versioned] AS version, n[$property] AS public
