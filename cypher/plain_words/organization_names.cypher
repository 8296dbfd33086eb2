// title_zh: 观测机构的名称与别名（自然语言提问用）
// title_en: The names and aliases of the observed organisations (for questions in plain words)
// answers: >
//   id, Chinese and English name, aliases and the synthetic flag of every organisation that is not synthetic
//   (generated names such as 合成企业-000001 are not what a reader types; they are found by the organisation
//   search), as one row of lists (one row travels far faster than thousands), so a sentence can name
//   organisations as the reader writes them
// params: {}
MATCH (o:Organization)
WHERE NOT coalesce(o.synthetic, false)
RETURN collect(o.id) AS ids, collect(coalesce(o.name_zh, '')) AS names_zh,
       collect(coalesce(o.name_en, '')) AS names_en, collect(coalesce(o.aliases, [])) AS aliases,
       collect(coalesce(o.synthetic, false)) AS synthetic
