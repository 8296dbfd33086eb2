// title_zh: 区域选项（省份与都市圈）
// title_en: Region choices (provinces and metro areas)
// answers: the province and metro-area codes a question can take
// params: {}
CALL () {
  MATCH (m:MetroArea) RETURN m.code AS value, m.name_zh AS label, '都市圈' AS `group`
  UNION ALL
  MATCH (p:Province) RETURN p.code AS value, p.name_zh AS label, '省份' AS `group`
}
RETURN value, label, `group`
ORDER BY `group`, value
