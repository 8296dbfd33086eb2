// title_zh: "提供前期学习和工作经验的机构的度数中心度"
// title_en: "Degree centrality of the institutions that supplied prior study and work experience"
// answers: "Table 8 — SUPPLIES_TALENT relationships from the institution to sample firms, by experience, for every observed (non-synthetic) institution"
// params: {}
// metric_ids: [hc_study_top20_domestic_r01_tsinghua_university, hc_study_top20_foreign_r01_stanford_university, hc_work_top20_domestic_r01_baidu, hc_work_top20_foreign_r01_microsoft]
MATCH (p:Organization)-[r:SUPPLIES_TALENT]->(:Sample)
WHERE NOT coalesce(p.synthetic, false)
RETURN 'hcdeg:' + r.experience + ':' + p.name_zh AS k, count(r) AS v
