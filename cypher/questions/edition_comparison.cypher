// group: editions
// title_zh: 2020年与2021年版对比
// title_en: "Edition comparison: what changed between 2020 and 2021"
// answers: >
//   A metric counted separately for each edition and the change: samples (sample enterprises), or the
//   relations of a type reported in that edition (a relationship carries the list of editions that report it).
//   Breakdown by the sample's (or counterpart's, for relations) province, or none for one total per edition.
// answers_zh: "一项指标在 2020 年版和 2021 年版中分别计数，以及两版之间的变化：\
//   样本企业数，或某一类关系在该版中被报告的数量（每条关系记有报告它的版本）。\
//   可按样本企业（关系则按对方）所在省份细分，也可不细分，每版一个总数。"
// chart: bar
// params:
//   metric: {type: str, default: samples, allowed: [samples, tech_input, tech_empowerment, study, work, financing, investment]}
//   by: {type: str, default: total, allowed: [total, province]}
// figures: []
// example: {metric: samples, by: province}
{% if choice.metric == 'samples' %}
MATCH (x:Sample)
UNWIND x.sample_editions AS edition
{% else %}
MATCH {{ focal_match(choice.metric, 's', 'r', 'x') }}
WHERE {{ focal_where(choice.metric, 'r', 'x') }}
UNWIND r.editions AS edition
{% endif %}
{% if choice.by == 'province' %}
// per counterpart first: its province is looked up once
WITH x, edition, count(*) AS m
OPTIONAL MATCH (x)-[:LOCATED_IN]->(:City)-[:IN_PROVINCE]->(p:Province)
WITH edition, coalesce(p.name_zh, '(未知/境外)') AS breakdown, sum(m) AS n
{% else %}
WITH edition, '全部' AS breakdown, count(*) AS n
{% endif %}
WITH breakdown, sum(CASE WHEN edition = 2020 THEN n ELSE 0 END) AS e2020, sum(CASE WHEN edition = 2021 THEN n ELSE 0 END) AS e2021
RETURN breakdown, e2020 AS edition_2020, e2021 AS edition_2021, e2021 - e2020 AS change,
       CASE WHEN e2020 = 0 THEN null ELSE round(10000.0 * (e2021 - e2020) / e2020) / 100 END AS change_pct
ORDER BY edition_2021 DESC, breakdown
