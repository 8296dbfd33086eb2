// title_zh: 机构的英文名
// title_en: English names of organisations
// answers: the English name of each organisation whose Chinese name is in the list (English pages show the
//   organisations that answers name only in Chinese, such as who_empowers' examples, by their English names)
// params:
//   names: {type: list, required: true}
MATCH (o:Organization)
WHERE o.name_zh IN $names AND o.name_en IS NOT NULL
RETURN DISTINCT o.name_zh AS name_zh, o.name_en AS name_en
