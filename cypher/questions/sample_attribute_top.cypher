// group: sample
// title_zh: 样本企业属性排名
// title_en: Sample enterprises ranked by an attribute
// answers: >
//   The sample enterprises of an edition with the largest value of an attribute (e.g. R&D intensity, the
//   report's Table 2), optionally listed companies only, with their province.
// answers_zh: "某一年版报告中某项属性值最大的样本企业（如研发强度，即报告表2），可只看上市公司，\
//   并给出所在省份。"
// chart: bar
// params:
//   attribute: {type: str, default: rd_intensity, allowed: [staff, revenue_cny, market_value_cny, financing_total_cny, rd_intensity, rd_staff_share, patents]}
//   listed_only: {type: bool, default: false}
//   edition: {type: int, default: 2021, allowed: [2020, 2021]}
//   limit: {type: int, default: 20, min: 1, max: 1000}
// figures: [rd_intensity_top20_r*, rd_staff_top_r*]
// example: {attribute: rd_intensity}
MATCH ({{ focal_node('s') }})
WHERE {{ focal_edition('s') }} AND s[$attribute] IS NOT NULL AND (NOT $listed_only OR s.listed)
OPTIONAL MATCH (s)-[:LOCATED_IN]->(:City)-[:IN_PROVINCE]->(p:Province)
RETURN s.id AS id, s.name_zh AS name, s.name_en AS name_en, p.name_zh AS province, s[$attribute] AS value,
       coalesce(s.synthetic, false) AS synthetic
ORDER BY value DESC, name
LIMIT $limit
