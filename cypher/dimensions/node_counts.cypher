// title_zh: 各维度节点数
// title_en: Number of dimension nodes per label
// answers: how many Country, Province, City, MetroArea, Industry, ApplicationField, TechLayer and CoreTechnology nodes the graph holds
// params: {}
MATCH (n)
WHERE n:Country OR n:Province OR n:City OR n:MetroArea OR n:Industry OR n:ApplicationField OR n:TechLayer
   OR n:CoreTechnology
RETURN labels(n)[0] AS label, count(*) AS n
