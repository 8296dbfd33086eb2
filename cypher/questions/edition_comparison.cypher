// group: editions
// title_zh: 2020年与2021年版对比
// title_en: "Edition comparison: what changed between 2020 and 2021"
// answers: >
//   A metric counted separately for each edition and the change: samples (sample enterprises), or the
//   relations of a type reported in that edition (a relationship carries the list of editions that report it).
//   Breakdown by the sample's (or counterpart's, for relations) province, or none for one total per edition.
// chart: bar
// params:
//   metric: {type: str, default: samples, allowed: [samples, tech_input, tech_empowerment, study, work, financing, investment]}
//   by: {type: str, default: total, allowed: [total, province]}
// figures: []
// example: {metric: samples, by: province}
CALL () {
  MATCH (s:Sample) WHERE $metric = 'samples' UNWIND s.sample_editions AS edition RETURN edition, s AS x
  UNION ALL
  MATCH ({{ focal_node() }})<-[r:EMPOWERS]-(x:Organization) WHERE $metric = 'tech_input' UNWIND r.editions AS edition RETURN edition, x
  UNION ALL
  MATCH ({{ focal_node() }})-[r:EMPOWERS]->(x:Organization) WHERE $metric = 'tech_empowerment' UNWIND r.editions AS edition RETURN edition, x
  UNION ALL
  MATCH ({{ focal_node() }})<-[r:SUPPLIES_TALENT]-(x:Organization) WHERE r.experience = $metric UNWIND r.editions AS edition RETURN edition, x
  UNION ALL
  MATCH ({{ focal_node() }})<-[r:INVESTS_IN]-(x:Organization) WHERE $metric = 'financing' UNWIND r.editions AS edition RETURN edition, x
  UNION ALL
  MATCH ({{ focal_node() }})-[r:INVESTS_IN|ACQUIRES]->(x:Organization)
  WHERE $metric = 'investment' AND (type(r) = 'ACQUIRES' OR NOT {{ focal('x') }})
  UNWIND r.editions AS edition RETURN edition, x
}
OPTIONAL MATCH (x)-[:LOCATED_IN]->(:City)-[:IN_PROVINCE]->(p:Province)
WITH edition, CASE WHEN $by = 'province' THEN coalesce(p.name_zh, '(未知/境外)') ELSE '全部' END AS breakdown, count(*) AS n
WITH breakdown, sum(CASE WHEN edition = 2020 THEN n ELSE 0 END) AS e2020, sum(CASE WHEN edition = 2021 THEN n ELSE 0 END) AS e2021
RETURN breakdown, e2020 AS edition_2020, e2021 AS edition_2021, e2021 - e2020 AS change,
       CASE WHEN e2020 = 0 THEN null ELSE round(10000.0 * (e2021 - e2020) / e2020) / 100 END AS change_pct
ORDER BY edition_2021 DESC, breakdown
