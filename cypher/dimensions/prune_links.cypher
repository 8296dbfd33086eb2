// title_zh: 删除不再属于维度表的维度关系
// title_en: Delete dimension links the shipped tables no longer contain
// answers: keeps IN_COUNTRY, IN_PROVINCE, IN_METRO and SUBCLASS_OF equal to the tables after a data update (a city moved to another metro area, a division re-parented); nodes are never deleted, organisations may link to them
// params:
//   keep: {type: list, doc: "strings 'TYPE|start code|end code' of every link the tables define"}
MATCH (a:Province)-[r:IN_COUNTRY]->(b:Country)
WHERE NOT ('IN_COUNTRY|' + a.code + '|' + b.code) IN $keep
DELETE r;
MATCH (a:City)-[r:IN_PROVINCE]->(b:Province)
WHERE NOT ('IN_PROVINCE|' + a.code + '|' + b.code) IN $keep
DELETE r;
MATCH (a:City)-[r:IN_METRO]->(b:MetroArea)
WHERE NOT ('IN_METRO|' + a.code + '|' + b.code) IN $keep
DELETE r;
MATCH (a:Industry)-[r:SUBCLASS_OF]->(b:Industry)
WHERE NOT ('SUBCLASS_OF|' + a.code + '|' + b.code) IN $keep
DELETE r;
