// title_zh: 这张图的各类价值关系数
// title_en: This graph's value relations by type
// answers: how many relations of each value type (technology, core human capital, investment) the graph holds, for the start page
// params: {}
MATCH (:{{ org }})-[r:{{ value_types }}]->(:{{ org }})
RETURN type(r) AS type, count(r) AS relations
ORDER BY type
