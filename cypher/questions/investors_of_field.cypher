// group: who
// title_zh: 某应用领域的投资者
// title_en: Investors of an application field
// answers: >
//   Who invested (INVESTS_IN) in the sample enterprises of an application field, ranked by the number of
//   enterprises backed, with the known amount invested where recorded.
// answers_zh: "谁投资了（INVESTS_IN）某应用领域的样本企业，按投资的企业数排名，\
//   有记录时给出投资金额。"
// chart: bar
// params:
//   field: {type: str, dimension: ApplicationField, required: true, choices: application_fields, description: 'application field code (see choices)'}
//   kind: {type: str, default: any, allowed: [any, Investor, Enterprise, Government, University, ResearchInstitute]}
//   edition: {type: int, default: null, allowed: [2020, 2021]}
//   limit: {type: int, default: 20, min: 1, max: 1000}
// figures: []
// example: {field: intelligent_manufacturing}
MATCH (f:ApplicationField {code: $field})<-[:APPLIES_IN]-({{ focal_node('s') }})<-[r:INVESTS_IN]-(i:Organization)
WHERE ($kind = 'any' OR $kind IN labels(i)) AND ($edition IS NULL OR $edition IN r.editions)
WITH f, i, count(DISTINCT s) AS enterprises, sum(coalesce(r.amount_cny, 0)) AS amount_cny,
     collect(DISTINCT s.name_zh)[..5] AS examples
RETURN i.id AS id, i.name_zh AS investor, i.name_en AS investor_en, f.name_zh AS field, enterprises,
       amount_cny, examples, coalesce(i.synthetic, false) AS synthetic
ORDER BY enterprises DESC, investor
LIMIT $limit
