// title_zh: 创建机构间关系（提供方→接收方）及出处列表（新机构：直接创建）
// title_en: Create relationships between organisations (provider -> receiver) and their provenance lists, for new organisations (plain CREATE)
// answers: the same relationships rel gives, for rows with an end the graph did not hold before this load (such a relationship cannot exist yet) or whose relationship the comparison with the graph did not find (loader/diff.py); CREATE is cheaper than MERGE, which looks for it among every relationship of its start
// params:
//   rows: {type: list, items: "{source: str, target: str, props: map, editions: list[int], dataset: str, synthetic: bool, methods: list[str]}", doc: "a type with a key property (experience of SUPPLIES_TALENT) also has it in each row; methods only in inferred rows"}
// template:
//   type: a relationship type between organisations in the graph model (default the first); rendered by loader/write.py once per type
//   inferred: the rows were inferred by a method, so they carry `methods` (default false)
{% set type = type | default(model.relationships | first) %}
{% set inferred = inferred | default(false) %}
{% set key = model.relationships[type].key %}
UNWIND $rows AS row
MATCH (a:{{ org }} {id: row.source})
MATCH (b:{{ org }} {id: row.target})
CREATE (a)-[r:{{ type }}{% if key %} {{ "{" }}{{ key }}: row.{{ key }}{{ "}" }}{% endif %}]->(b)
SET r.editions = row.editions, r.sources = [row.dataset], r.synthetic = row.synthetic{% if inferred %}, r.inferred = true, r.methods = row.methods{% endif %}

SET r += row.props
