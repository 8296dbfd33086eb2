// title_zh: "各排名表的前四十五名（含合成机构），用于核对具名机构的名次"
// title_en: "The first 45 of every ranking table (synthetic organisations included), to check the named ranks"
// answers: "Tables 5-9 — who holds the top ranks of technology degree/input/empowerment (sample and relation nodes), study/work experience (domestic/foreign institutions) and sample firms invested (investment institutions / others); keys rank:<table>:<name>"
// params: {}
// metric_ids: [tech_degree_top30_sample_r30_deepblue_technology, tech_degree_top30_relation_r30_industrial_and_commercial_bank_of_china, hc_study_top20_domestic_r20_xian_jiaotong_university, invest_top20_institution_r20_yunfeng_capital]
MATCH (o:Organization)
WITH o, COUNT { (o)<-[:EMPOWERS]-() } AS fin, COUNT { (o)-[:EMPOWERS]->() } AS fout
WHERE fin + fout > 0
WITH o, fin, fout, CASE WHEN o:Sample THEN 'sample' ELSE 'relation' END AS side
UNWIND [['tech_deg_' + side, fin + fout], ['tech_in_' + side, fin], ['tech_out_' + side, fout]] AS t
WITH t[0] AS family, o.name_zh AS name, t[1] AS v
ORDER BY family, v DESC, name
WITH family, collect([name, v])[0..45] AS top
UNWIND top AS nv
RETURN 'rank:' + family + ':' + nv[0] AS k, nv[1] AS v
UNION ALL
MATCH (p:Organization)-[r:SUPPLIES_TALENT]->(:Sample)
WITH p, r.experience + CASE WHEN p.country IN ['CN', 'HK', 'MO', 'TW'] THEN '_domestic' ELSE '_foreign' END AS family,
     count(r) AS v
ORDER BY family, v DESC, p.name_zh
WITH family, collect([p.name_zh, v])[0..45] AS top
UNWIND top AS nv
RETURN 'rank:' + family + ':' + nv[0] AS k, nv[1] AS v
UNION ALL
MATCH (i:Organization)-[:INVESTS_IN]->(s:Sample)
WITH i, CASE WHEN i:Investor THEN 'invest_institution' ELSE 'invest_other' END AS family, count(DISTINCT s) AS v
ORDER BY family, v DESC, i.name_zh
WITH family, collect([i.name_zh, v])[0..45] AS top
UNWIND top AS nv
RETURN 'rank:' + family + ':' + nv[0] AS k, nv[1] AS v
