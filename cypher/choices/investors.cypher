// title_zh: 投资者选项
// title_en: Investor choices
// answers: the organisations that invested in at least one sample enterprise, most active first
// params: {}
MATCH (i:Organization)-[r:INVESTS_IN]->(:Sample)
WITH i, count(r) AS investments
RETURN i.id AS value, i.name_zh AS label, investments
ORDER BY investments DESC, label
LIMIT 500
