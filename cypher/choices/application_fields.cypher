// title_zh: 应用领域选项
// title_en: Application field choices
// answers: the application fields of the reports
// params: {}
MATCH (f:ApplicationField)
RETURN f.code AS value, f.name_zh + coalesce(' / ' + f.name_en, '') AS label
ORDER BY value
