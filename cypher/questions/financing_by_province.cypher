// group: sample
// title_zh: 各省样本企业融资总额与平均融资额
// title_en: "Financing of sample enterprises by province: total and average"
// answers: >
//   The total and the average financing (financing_total_cny, yuan) of the sample enterprises with financing
//   in each province, ranked by total or by average.
// answers_zh: "各省有融资的样本企业的融资总额与平均融资额（financing_total_cny，\
//   单位：元），按总额或平均值排名。"
// chart: map
// params:
//   edition: {type: int, default: 2021, allowed: [2020, 2021]}
//   order: {type: str, default: total, allowed: [total, average]}
//   limit: {type: int, default: 34, min: 1, max: 40}
// figures: [fin_provinces_count, fin_prov_total_*, fin_prov_avg_*]
// example: {edition: 2021}
MATCH ({{ focal_node('s') }})-[:LOCATED_IN]->(:City)-[:IN_PROVINCE]->(p:Province)
WHERE {{ focal_edition('s') }} AND s.financing_total_cny > 0
WITH p, count(s) AS enterprises, sum(s.financing_total_cny) AS total_cny
RETURN p.code AS code, p.name_zh AS province, p.name_en AS province_en, enterprises, total_cny,
       total_cny / enterprises AS average_cny
ORDER BY CASE $order WHEN 'average' THEN total_cny / enterprises ELSE total_cny END DESC, code
LIMIT $limit
