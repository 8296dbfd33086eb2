// title_zh: 各标签的属性键（抽样）
// title_en: Property keys per label (sampled)
// answers: the property keys seen on up to `sample` nodes of each label (db.propertyKeys is empty on ArcadeDB)
// params:
//   sample: {type: int, default: 200}
CALL db.labels() YIELD label
CALL (label) {
  MATCH (n) WHERE label IN labels(n)
  WITH n LIMIT $sample
  UNWIND keys(n) AS key
  RETURN collect(DISTINCT key) AS keys
}
RETURN label, keys
ORDER BY label
