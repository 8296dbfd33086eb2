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
{# the total, then each technology's enterprises from the technology's side: a technology's relations are
   its users, an enterprise's are all of its relations (same run on ArcadeDB: engine CPU 11 -> 7 ms) #}
{% set asked %}{{ focal_edition('s') }}{% if given.layer %} AND EXISTS { (s)-[:AT_LAYER]->(:TechLayer {code: $layer}) }{% endif %}{% endset %}
MATCH ({{ focal_node('s') }}) WHERE {{ asked }}
WITH count(s) AS total
MATCH (t:CoreTechnology)<-[:USES_TECH]-({{ focal_node('s') }})
WHERE {{ asked }}
WITH t, total, count(DISTINCT s) AS enterprises
RETURN t.code AS code, t.name_zh AS technology, t.name_en AS technology_en, enterprises,
       round(10000.0 * enterprises / total) / 100 AS share
ORDER BY enterprises DESC, code
