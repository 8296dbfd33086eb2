// title_zh: 连接新机构与维度（直接创建）
// title_en: Link new organisations to a dimension (plain CREATE)
// answers: the same relationships link gives, for organisations the graph did not hold before this load (such a relationship cannot exist yet, and CREATE is cheaper than MERGE)
// params:
//   rows: {type: list, items: "{id: str, code: str, editions: list[int], dataset: str, synthetic: bool}"}
// template:
//   link: a link type from organisations in the graph model (default the first)
//   label: one of its target labels (default the first); rendered by loader/write.py once per link type and target
{% set link = link | default(model.links_from(org).values() | first) %}
{% set label = label | default(model.links[link].to[0]) %}
UNWIND $rows AS row
MATCH (o:{{ org }} {id: row.id})
MATCH (d:{{ label }} {code: row.code})
CREATE (o)-[r:{{ link }}]->(d)
SET r.editions = row.editions, r.sources = [row.dataset], r.synthetic = row.synthetic
