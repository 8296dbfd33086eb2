// title_zh: 控制台示例查询
// title_en: Cypher console example
// answers: the query the console opens with — who supplies technology to the sample enterprises of Guangzhou
// params:
//   city: {type: str, default: '440100'}
MATCH (p:Organization)-[e:EMPOWERS]->(s:Sample)-[:LOCATED_IN]->(:City {code: $city})
RETURN p, e, s
LIMIT 50
