// title_zh: 行业选项（GB/T 4754 门类与大类）
// title_en: Industry choices (GB/T 4754 sections and divisions)
// answers: the industry codes a question can take, divisions grouped under their section
// params: {}
MATCH (i:Industry)
OPTIONAL MATCH (i)-[:SUBCLASS_OF]->(s:Industry)
RETURN i.code AS value, i.code + ' ' + i.name_zh AS label, coalesce(s.code, i.code) AS `group`
ORDER BY `group`, value
