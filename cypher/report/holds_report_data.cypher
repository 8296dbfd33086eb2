// title_zh: 图中是否包含2021年报告的样本
// title_en: Whether the graph holds the 2021 report's sample
// answers: how many sample enterprises of the report's 2021 edition the graph holds; when none, `valuenet report` describes the graph without the side-by-side with the report's published figures
// params: {}
MATCH (s:Sample) WHERE 2021 IN s.sample_editions
RETURN count(s) AS samples
