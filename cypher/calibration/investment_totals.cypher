// title_zh: "投融资关系：获投、投资（含收购）与事件数"
// title_en: "Investment relations: received, made (incl. acquisitions) and events"
// answers: "Table 4 — received = INVESTS_IN into a sample firm; made = INVESTS_IN from a sample firm to an organisation outside the sample, plus ACQUIRES by a sample firm (an investment between two sample firms is counted once, as the investee's financing); events = INVESTS_IN with a sample firm at one end"
// params: {}
// metric_ids: [rel_invfin_received, rel_invfin_invested, rel_invfin_events_total, rel_invfin_received_share, rel_invfin_invested_share]
OPTIONAL MATCH (:Organization)-[r:INVESTS_IN]->(:Sample)
WITH count(r) AS received
OPTIONAL MATCH (:Sample)-[m:INVESTS_IN]->(t:Organization)
WHERE NOT t:Sample
WITH received, count(m) AS made
OPTIONAL MATCH (:Sample)-[a:ACQUIRES]->(:Organization)
WITH received, made, count(a) AS acquisitions
UNWIND [['inv:received', received], ['inv:made', made + acquisitions], ['inv:acquisitions', acquisitions],
        ['inv:events', received + made]] AS kv
RETURN kv[0] AS k, kv[1] AS v
