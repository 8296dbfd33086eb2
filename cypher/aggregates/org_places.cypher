// title_zh: 每个机构的国家、城市和省份（聚合 focal_places 的计算）
// title_en: Every organisation's country, cities and provinces (computing the focal_places aggregate)
// answers: >
//   one row of lists: per organisation and place it is located in (one with no place: once, the place null),
//   and per province of that place: the organisation's element id and country, the place's element id, its
//   code when it is a city, and the province's code ('' when none), as the geography questions find them
// params: {}
// flat rows: a COLLECT {} per organisation, or OPTIONAL MATCH after collect(), took 4-8x longer on ArcadeDB
MATCH (x:{{ org }})
OPTIONAL MATCH (x)-[:LOCATED_IN]->(loc)
OPTIONAL MATCH (loc)-[:IN_PROVINCE]->(pp:Province)
RETURN collect([elementId(x), x.country, elementId(loc), CASE WHEN loc:City THEN loc.code END,
                coalesce(CASE WHEN loc:Province THEN loc.code ELSE pp.code END, '')]) AS places
