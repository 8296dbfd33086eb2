// group: sample
// title_zh: 样本企业成立年份分布
// title_en: Founding years of the sample enterprises
// answers: >
//   How many sample enterprises of an edition were founded in each year, with the share of those whose
//   founding year is known (percent, two decimals); the peak year has the largest count.
// answers_zh: "某一年版报告的样本企业每年成立的数量，以及占成立年份已知的企业的比例（百分比，\
//   两位小数）；数量最多的一年为高峰年。"
// chart: bar
// params:
//   edition: {type: int, default: 2021, allowed: [2020, 2021]}
// figures: [estab_share_2012_2018, estab_peak_year, estab_peak_year_share]
// example: {edition: 2021}
MATCH ({{ focal_node('s') }})
WHERE {{ focal_edition('s') }} AND s.founded_year IS NOT NULL
WITH collect(s.founded_year) AS years, count(*) AS total
UNWIND years AS year
WITH year, total, count(*) AS enterprises
RETURN year, enterprises, round(10000.0 * enterprises / total) / 100 AS share
ORDER BY year
