// title_zh: 价值网络中关系最多的机构
// title_en: The organisations with the most value-network relations
// answers: organisations ranked by the number of value relations the value network counts (technology, talent, investment, acquisition, with a focal end), any direction
// params:
//   limit: {type: int, default: 10}
MATCH (o:{{ org }})-[r:{{ projection_types('value_network') }}]-(x:{{ org }})
WHERE {{ counted('value_network', 'o', 'x') }} AND o <> x
WITH o, count(r) AS relations
RETURN o.id AS id, o.name_zh AS name_zh, o.name_en AS name_en,
       [l IN labels(o) WHERE l <> '{{ org }}'] AS labels, relations
ORDER BY relations DESC, id
LIMIT $limit
