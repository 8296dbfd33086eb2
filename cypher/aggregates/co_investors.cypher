// title_zh: 共同投资的投资者对（聚合 co_investors 的计算）
// title_en: Pairs of investors of the same focal organisations (computing the co_investors aggregate)
// answers: >
//   one row per two investors (the smaller id first) and focal organisation both invested in, with the
//   editions both relations are in, as co_investment_pairs matches them (valuenet/aggregates.py folds them
//   into pairs)
// params: {}
MATCH (a:{{ org }})-[r1:INVESTS_IN]->({{ focal_node('s') }})<-[r2:INVESTS_IN]-(b:{{ org }})
WHERE a.id < b.id
RETURN a.id AS a, b.id AS b, elementId(s) AS investee, s.name_zh AS name,
       [e IN coalesce(r1.editions, []) WHERE e IN coalesce(r2.editions, [])] AS editions,
       [a.name_zh, b.name_zh, coalesce(a.name_en, ''), coalesce(b.name_en, '')] AS names,
       coalesce(a.synthetic, false) OR coalesce(b.synthetic, false) AS synthetic
