// title_zh: 国家人工智能开放创新平台选项
// title_en: National AI open innovation platform choices
// answers: the :Platform organisations with their domains
// params: {}
MATCH (p:Platform)
RETURN p.id AS value, p.name_zh + coalesce('（' + p.platform_domain + '）', '') AS label
ORDER BY label
