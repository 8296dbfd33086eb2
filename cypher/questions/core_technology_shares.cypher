// group: sample
// title_zh: 样本企业的核心技术分布
// title_en: Sample enterprises by core technology
// answers: >
//   How many sample enterprises of an edition rely on each core technology (USES_TECH), optionally only those
//   of one technology layer, with shares of the enterprises considered (percent, two decimals).
// answers_zh: "某一年版报告的样本企业依赖各项核心技术（USES_TECH）的数量，可只看某个技术层的企业，\
//   以及占所考察企业的比例（百分比，两位小数）。"
// chart: bar
// params:
//   edition: {type: int, default: 2021, allowed: [2020, 2021]}
//   layer: {type: str, default: null, allowed: [base, technology, application], description: 'only samples of this layer'}
// figures: [coretech_share_*, coretech_basetech_share_*]
// example: {edition: 2021}
MATCH ({{ focal_node('s') }}) WHERE {{ focal_edition('s') }}
  AND ($layer IS NULL OR EXISTS { (s)-[:AT_LAYER]->(:TechLayer {code: $layer}) })
WITH collect(s) AS samples, count(s) AS total
UNWIND samples AS s
MATCH (s)-[:USES_TECH]->(t:CoreTechnology)
WITH t, total, count(DISTINCT s) AS enterprises
RETURN t.code AS code, t.name_zh AS technology, t.name_en AS technology_en, enterprises,
       round(10000.0 * enterprises / total) / 100 AS share
ORDER BY enterprises DESC, code
