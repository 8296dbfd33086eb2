// group: sample
// title_zh: 样本企业的技术层次分布
// title_en: Sample enterprises by technology layer
// answers: >
//   How the sample enterprises of an edition split over the base, technology and application layers
//   (AT_LAYER), with shares of the edition's sample (percent, two decimals).
// answers_zh: "某一年版报告的样本企业在基础层、技术层和应用层（AT_LAYER）的分布，\
//   以及占该版样本的比例（百分比，两位小数）。"
// chart: bar
// params:
//   edition: {type: int, default: 2021, allowed: [2020, 2021]}
// figures: [layer_share_*]
// example: {edition: 2021}
{# the total, then each layer's enterprises from the layer's side (as core_technology_shares) #}
MATCH ({{ focal_node('s') }}) WHERE {{ focal_edition('s') }}
WITH count(s) AS total
MATCH (l:TechLayer)<-[:AT_LAYER]-({{ focal_node('s') }})
WHERE {{ focal_edition('s') }}
WITH l, total, count(DISTINCT s) AS enterprises
RETURN l.code AS code, l.name_zh AS layer, l.name_en AS layer_en, enterprises,
       round(10000.0 * enterprises / total) / 100 AS share
ORDER BY enterprises DESC, code
