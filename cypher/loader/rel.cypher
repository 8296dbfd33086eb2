// title_zh: 合并机构间关系（提供方→接收方）及出处列表
// title_en: Merge relationships between organisations (provider -> receiver) and their provenance lists
// answers: one relationship per type and pair (and per key value where the graph model gives the type a key, e.g. SUPPLIES_TALENT per experience); editions and sources are sorted lists without duplicates, merged when the relationship exists; synthetic stays true only if every source is synthetic, inferred (with the methods that inferred it) only while no source observed it
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
MERGE (a)-[r:{{ type }}{% if key %} {{ "{" }}{{ key }}: row.{{ key }}{{ "}" }}{% endif %}]->(b)
ON CREATE SET r.editions = row.editions, r.sources = [row.dataset], r.synthetic = row.synthetic{% if inferred %}, r.inferred = true, r.methods = row.methods{% endif %}

ON MATCH SET
    r.editions = CASE WHEN all(e IN row.editions WHERE e IN coalesce(r.editions, [])) THEN r.editions
                 ELSE [y IN range(1900, 2100) WHERE y IN coalesce(r.editions, []) OR y IN row.editions] END,
    r.sources = CASE WHEN row.dataset IN coalesce(r.sources, []) THEN r.sources
                ELSE [x IN coalesce(r.sources, []) WHERE x < row.dataset] + row.dataset
                     + [x IN coalesce(r.sources, []) WHERE x > row.dataset] END,
{% if inferred %}
    r.methods = CASE WHEN r.inferred THEN reduce(acc = coalesce(r.methods, []), m IN row.methods |
                       CASE WHEN m IN acc THEN acc ELSE [x IN acc WHERE x < m] + m + [x IN acc WHERE x > m] END)
                ELSE r.methods END,
{% else %}
    r.inferred = null, r.methods = null,
{% endif %}
    r.synthetic = coalesce(r.synthetic, row.synthetic) AND row.synthetic
SET r += row.props
