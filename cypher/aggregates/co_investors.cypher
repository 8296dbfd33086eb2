// title_zh: 共同投资的投资者对（聚合 co_investors 的计算）
// title_en: Pairs of investors of the same focal organisations (computing the co_investors aggregate)
// answers: >
//   one row: every focal organisation with two investors or more, as co_investment_pairs matches them: its
//   element id and name, and per investor its id, names, whether it is synthetic and the editions of its
//   investment (valuenet/aggregates.py pairs them: the pattern over both investors at once took 20x longer)
// params: {}
MATCH ({{ focal_node('s') }})<-[r:INVESTS_IN]-(a:{{ org }})
WITH s, collect([a.id, a.name_zh, coalesce(a.name_en, ''), coalesce(a.synthetic, false), coalesce(r.editions, [])]) AS investors
WHERE size(investors) > 1
RETURN collect([elementId(s), s.name_zh, investors]) AS investees
