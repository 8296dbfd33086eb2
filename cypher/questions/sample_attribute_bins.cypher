// group: sample
// title_zh: 样本企业属性的分档分布
// title_en: Distribution of a sample-enterprise attribute over bins
// answers: >
//   How the sample enterprises of an edition with a known value of an attribute (staff, revenue, market value,
//   financing, R&D intensity or R&D staff share as fractions 0..1, patents; listed companies only if asked) fall
//   into bins: the bin edges are lower bounds (a value v is in the last edge <= v); counts and shares of the
//   enterprises with that attribute (percent, two decimals).
// answers_zh: "某一年版报告中某项属性有值的样本企业（员工数、营收、市值、融资额、研发强度或研发人员占比（0 到 1 \
//   之间的小数）、专利数；可只看上市公司）落入各档的情况：分档边界是下限（值 v 落在不大于 v 的最后\
//   一个边界那一档）；给出有该属性的企业的数量和占比（百分比，两位小数）。"
// chart: bar
// params:
//   attribute: {type: str, default: financing_total_cny, allowed: [staff, revenue_cny, market_value_cny, financing_total_cny, rd_intensity, rd_staff_share, patents, founded_year]}
//   edges: {type: list, default: ['0', '100000000', '1000000000'], description: 'ascending lower bounds of the bins, e.g. 0,100000000,1000000000 for <1亿, 1-10亿, >10亿'}
//   listed_only: {type: bool, default: false}
//   positive_only: {type: bool, default: true, description: 'ignore zero values (enterprises without financing)'}
//   edition: {type: int, default: 2021, allowed: [2020, 2021]}
// figures: [staff_share_*, revenue_share_*, mktcap_share_*, fin_share_*, rd_intensity_share_*, rd_staff_share_*, patent_*]
// example: {attribute: financing_total_cny, edges: '0,100000000,1000000000'}
WITH [e IN $edges | toFloat(e)] AS edges
MATCH ({{ focal_node('s') }})
WHERE {{ focal_edition('s') }} AND s[$attribute] IS NOT NULL
  AND (NOT $listed_only OR s.listed) AND (NOT $positive_only OR s[$attribute] > 0)
WITH edges, s, s[$attribute] AS v
WITH edges, v, [i IN range(0, size(edges) - 1) WHERE edges[i] <= v] AS below
WITH edges, CASE WHEN size(below) = 0 THEN -1 ELSE below[-1] END AS bin
WITH edges, bin, count(*) AS enterprises
WITH edges, collect({bin: bin, enterprises: enterprises}) AS bins, sum(enterprises) AS total
UNWIND range(-1, size(edges) - 1) AS i
WITH edges, total, i, [b IN bins WHERE b.bin = i | b.enterprises] AS hit
WITH edges, total, i, CASE WHEN size(hit) = 0 THEN 0 ELSE hit[0] END AS enterprises
WHERE i >= 0 OR enterprises > 0
RETURN CASE WHEN i < 0 THEN null ELSE edges[i] END AS lower,
       CASE WHEN i + 1 < size(edges) THEN edges[i + 1] ELSE null END AS upper,
       enterprises, CASE WHEN total = 0 THEN 0.0 ELSE round(10000.0 * enterprises / total) / 100 END AS share
ORDER BY i
