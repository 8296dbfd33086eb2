// title_zh: 地区选项（城市、省份、都市圈、国家）
// title_en: Place choices (cities, provinces, metro areas, countries)
// answers: the place codes a question can take, cities grouped by province
// params: {}
CALL () {
  MATCH (c:City)-[:IN_PROVINCE]->(p:Province)
  RETURN c.code AS value, c.name_zh AS label, p.name_zh AS `group`, 3 AS level
  UNION ALL
  MATCH (p:Province) RETURN p.code AS value, p.name_zh AS label, '省份' AS `group`, 2 AS level
  UNION ALL
  MATCH (m:MetroArea) RETURN m.code AS value, m.name_zh AS label, '都市圈' AS `group`, 1 AS level
  UNION ALL
  MATCH (c:Country) RETURN c.code AS value, c.name_zh AS label, '国家' AS `group`, 4 AS level
}
RETURN value, label, `group`
ORDER BY level, `group`, value
