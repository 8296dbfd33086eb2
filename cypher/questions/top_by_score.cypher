// group: rankings
// title_zh: 按作业得分排名（度数、PageRank、中介中心性等）
// title_en: Top organisations by a score written by the jobs (degree, PageRank, betweenness ...)
// answers: >
//   Organisations ranked by a property the graph-data-science jobs wrote back (`valuenet jobs run`): the
//   degree tables of the report (degree_tech, degree_tech_in, degree_tech_out, degree_talent_study,
//   degree_talent_work, degree_invest_out = sample enterprises invested in, degree_invest_in), pagerank,
//   betweenness, harmonic closeness, clustering. Fast (reads stored scores); empty until the job has run.
//   Filters: sample or relation nodes, kind label, domestic/foreign. The scores are one run's, also while a
//   job run publishes new ones (read from the newest succeeded run's own property).
// answers_zh: "按计算作业（`valuenet jobs run`）写回的分数为机构排名：\
//   报告中的各项度数（degree_tech、degree_tech_in、\
//   degree_tech_out、degree_talent_study、\
//   degree_talent_work、degree_invest_out = 投资的样本企业数、\
//   degree_invest_in）、PageRank、中介中心性、调和接近中心性、\
//   聚类系数。读取已存的分数，所以很快；作业运行之前为空。筛选：样本企业或关系机构、\
//   机构类型、国内/国外。分数总是同一次运行的，作业发布新分数时也是如此\
//   （读取最近一次成功运行自己的属性）。"
// chart: bar
// params:
//   score: {type: str, default: degree_tech, allowed: [degree_tech, degree_tech_in, degree_tech_out, degree_talent_study, degree_talent_work, degree_invest_out, degree_invest_in, pagerank, betweenness, harmonic, clustering]}
//   among: {type: str, default: any, allowed: [any, sample, relation]}
//   kind: {type: str, default: any, allowed: [any, model: kind_labels, Platform]}
//   origin: {type: str, default: any, allowed: [any, domestic, foreign]}
//   limit: {type: int, default: 20, min: 1, max: 1000}
// figures: [tech_degree_top30_*, tech_input_top*, tech_empowerment_top*, hc_study_top20_*, hc_work_top20_*, invest_top20_*]
// example: {score: degree_tech, among: sample, limit: 30}
{{ published_key('score', 'key') }}
// from the sample nodes when only they are asked about; only the filters in use
MATCH (o:{{ 'Sample' if choice.among == 'sample' else org }})
WHERE o[key] IS NOT NULL
{% if choice.among == 'relation' %}
  AND NOT o:Sample
{% endif %}
  AND ($kind = 'any' OR $kind IN labels(o))
{% if choice.origin != 'any' %}
  AND {{ 'NOT ' if choice.origin == 'foreign' }}coalesce(o.country, '') IN ['CN', 'HK', 'MO', 'TW']
{% endif %}
RETURN o.id AS id, o.name_zh AS name, o.name_en AS name_en, o.country AS country,
       [l IN labels(o) WHERE l <> 'Organization'] AS labels, o[key] AS score, coalesce(o.synthetic, false) AS synthetic
ORDER BY score DESC, name
LIMIT $limit
