// title_zh: 按别名查找机构
// title_en: The organisation an alias stands for
// answers: >
//   The id of an organisation that has the text among its aliases (the first by id when several do); asked only
//   when no id or exact name matched (cypher/choices/organization_named.cypher): aliases are a list property,
//   which no index covers, so this reads every organisation.
// params:
//   text: {type: str, description: 'an alias of an organisation'}
MATCH (o:Organization)
WHERE $text IN coalesce(o.aliases, [])
RETURN o.id AS id
ORDER BY id
LIMIT 1
