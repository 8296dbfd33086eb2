// title_zh: 按编号查找机构
// title_en: Organisation by id
// answers: the organisation with this exact id, as a choice (value, label), so links like ?org=<id> open it
// params:
//   id: {type: str, required: true}
MATCH (o:Organization {id: $id})
RETURN o.id AS value, o.name_zh + coalesce(' / ' + o.name_en, '') AS label
