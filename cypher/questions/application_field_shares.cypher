// group: sample
// title_zh: 样本企业的应用领域分布
// title_en: Sample enterprises by application field
// answers: >
//   How many sample enterprises of an edition work in each application field (APPLIES_IN), with shares of the
//   edition's sample (percent, two decimals), and their total financing where known.
// answers_zh: "某一年版报告的样本企业在各应用领域（APPLIES_IN）的数量、占该版样本的比例（百分比，\
//   两位小数），以及已知的融资总额。"
// chart: bar
// params:
//   edition: {type: int, default: 2021, allowed: [2020, 2021]}
// figures: [app_fields_count, app_field_share_*, fin_field_share_*]
// example: {edition: 2021}
{# the total, then each field's enterprises from the field's side (as core_technology_shares) #}
MATCH ({{ focal_node('s') }}) WHERE {{ focal_edition('s') }}
WITH count(s) AS total
MATCH (f:ApplicationField)<-[:APPLIES_IN]-({{ focal_node('s') }})
WHERE {{ focal_edition('s') }}
WITH f, total, count(DISTINCT s) AS enterprises, sum(coalesce(s.financing_total_cny, 0)) AS financing_cny
RETURN f.code AS code, f.name_zh AS field, f.name_en AS field_en, enterprises,
       round(10000.0 * enterprises / total) / 100 AS share, financing_cny
ORDER BY enterprises DESC, code
