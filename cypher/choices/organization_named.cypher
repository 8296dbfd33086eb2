// title_zh: 按编号或全名查找机构
// title_en: The organisation an id or an exact name stands for
// answers: >
//   The id of the organisation whose id, Chinese name or English name is exactly the text, in that order of
//   precedence (each an index lookup); no row when none is. Question parameters that take an organisation
//   (`choices: organizations`) are resolved through it before the question runs.
// params:
//   text: {type: str, description: 'an organisation id or exact Chinese or English name'}
OPTIONAL MATCH (by_id:Organization {id: $text})
WITH by_id LIMIT 1
OPTIONAL MATCH (by_zh:Organization {name_zh: $text})
WITH by_id, by_zh ORDER BY by_zh.id LIMIT 1
OPTIONAL MATCH (by_en:Organization {name_en: $text})
WITH by_id, by_zh, by_en ORDER BY by_en.id LIMIT 1
WITH coalesce(by_id.id, by_zh.id, by_en.id) AS id
WHERE id IS NOT NULL
RETURN id
