// title_zh: 控制台示例查询
// title_en: Cypher console example
// answers: the query the console opens with — the technology relations (either direction) of the sample enterprises of a city
// params:
//   city: {type: str, default: '440100'}
MATCH (o:Organization)-[e:EMPOWERS]-(s:Sample)-[:LOCATED_IN]->(:City {code: $city})
RETURN o, e, s
LIMIT 50
