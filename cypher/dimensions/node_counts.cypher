// title_zh: 各维度节点数
// title_en: Number of dimension nodes per label
// answers: how many Country, Province, City, MetroArea, Industry, ApplicationField, TechLayer and CoreTechnology nodes the graph holds (one statement per label, each a label scan)
// params: {}
MATCH (n:Country) RETURN 'Country' AS label, count(n) AS n;
MATCH (n:Province) RETURN 'Province' AS label, count(n) AS n;
MATCH (n:City) RETURN 'City' AS label, count(n) AS n;
MATCH (n:MetroArea) RETURN 'MetroArea' AS label, count(n) AS n;
MATCH (n:Industry) RETURN 'Industry' AS label, count(n) AS n;
MATCH (n:ApplicationField) RETURN 'ApplicationField' AS label, count(n) AS n;
MATCH (n:TechLayer) RETURN 'TechLayer' AS label, count(n) AS n;
MATCH (n:CoreTechnology) RETURN 'CoreTechnology' AS label, count(n) AS n;
