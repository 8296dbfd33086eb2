// title_zh: 机构搜索（名称、英文名与别名）
// title_en: Organisation search (Chinese, English names and aliases)
// answers: organisations whose name or alias contains the search text, best connected first
// params:
//   search: {type: str, description: 'part of a Chinese or English name or alias'}
//   limit: {type: int, default: 50}
MATCH (o:Organization)
WHERE o.name_zh CONTAINS $search OR toLower(coalesce(o.name_en, '')) CONTAINS toLower($search)
   OR any(a IN coalesce(o.aliases, []) WHERE a CONTAINS $search)
WITH o, COUNT { (o)--(:Organization) } AS degree
RETURN o.id AS value, o.name_zh + coalesce(' / ' + o.name_en, '') AS label, degree
ORDER BY degree DESC, label
LIMIT $limit
