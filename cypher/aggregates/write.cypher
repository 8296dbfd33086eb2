// title_zh: 写入某个聚合的各部分
// title_en: Write the parts of one aggregate
// answers: one (:Aggregate) node per part, its properties as given (name, focal_set, kind, version, computed_at, split properties, totals as lists)
// params:
//   parts: {type: list, doc: "[{name, focal_set, kind, version, computed_at, ...}]"}
UNWIND $parts AS part
CREATE (a:Aggregate)
SET a += part
