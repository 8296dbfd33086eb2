// title_zh: 机构概况
// title_en: Organisation profile
// answers: an organisation's properties (attributes, provenance, scores written by jobs), kinds, location, industries and application fields
// params:
//   id: {type: str, required: true, description: organisation id}
MATCH (o:Organization {id: $id})
OPTIONAL MATCH (o)-[:LOCATED_IN]->(loc)
OPTIONAL MATCH (loc)-[:IN_PROVINCE]->(prov:Province)
WITH o, collect(DISTINCT coalesce(loc.name_zh, loc.code)) AS locations, collect(DISTINCT prov.name_zh) AS provinces
OPTIONAL MATCH (o)-[:IN_INDUSTRY]->(i:Industry)
WITH o, locations, provinces, collect(DISTINCT i.code + ' ' + coalesce(i.name_zh, '')) AS industries
OPTIONAL MATCH (o)-[:APPLIES_IN]->(f:ApplicationField)
RETURN properties(o) AS props, [l IN labels(o) WHERE l <> 'Organization'] AS labels, locations, provinces,
       industries, collect(DISTINCT f.name_zh) AS fields
