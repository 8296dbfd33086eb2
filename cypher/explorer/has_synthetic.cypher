// title_zh: 图中是否有合成数据
// title_en: Does the graph hold synthetic data?
// answers: true when any organisation or relation between organisations is marked synthetic (for the banner)
// params: {}
RETURN EXISTS { MATCH (o:Organization) WHERE o.synthetic = true } OR
       EXISTS { MATCH (:Organization)-[r]->(:Organization) WHERE r.synthetic = true } AS synthetic
