// title_zh: 有社区编号的机构数
// title_en: Organisations with a community
// answers: how many organisations the latest Louvain job put in a community (the denominator of the report's community table)
// params: {}
MATCH (o:{{ org }}) WHERE o.community IS NOT NULL
RETURN count(o) AS scored
