// title_zh: 图中全部机构的编号与规范化名称
// title_en: Every organisation's id and name key
// answers: the id and name key of every organisation in the graph, read once when a load asks about more names or ids than the graph holds organisations (the second layer of the reference data asks about 44k against 284)
// params: {}
MATCH (o:Organization)
RETURN o.id AS id, o.name_key AS key
