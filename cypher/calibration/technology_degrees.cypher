// title_zh: "具名机构的技术关系度数：技术输入数、技术赋能数与度数中心度"
// title_en: "Technology degrees of named organisations: input, empowerment and degree centrality"
// answers: "Tables 5-7 — for any organisation, input = incoming EMPOWERS, empowerment = outgoing EMPOWERS, degree = both (every technology relationship has a sample firm at one end); for every observed (non-synthetic) organisation"
// params: {}
// metric_ids: [tech_degree_top30_sample_r01_huawei, tech_degree_top30_relation_r01_intel, tech_input_top30_sample_r01_huawei, tech_empowerment_top30_sample_r01_huawei, tech_input_top20_relation_r01_tsinghua_university, tech_empowerment_top20_relation_r01_intel]
MATCH (o:Organization)
WHERE NOT coalesce(o.synthetic, false)
WITH o, COUNT { (o)<-[:EMPOWERS]-() } AS fin, COUNT { (o)-[:EMPOWERS]->() } AS fout
WHERE fin + fout > 0
UNWIND [['techdeg:' + o.name_zh + ':in', fin], ['techdeg:' + o.name_zh + ':out', fout],
        ['techdeg:' + o.name_zh + ':deg', fin + fout]] AS kv
RETURN kv[0] AS k, kv[1] AS v
