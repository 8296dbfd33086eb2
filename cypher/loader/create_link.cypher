// title_zh: 连接新机构（或新维度节点）与维度（直接创建）
// title_en: Link new organisations (or new dimension nodes) to a dimension (plain CREATE)
// answers: the same relationships link gives, for sources the graph did not hold before this load (such a relationship cannot exist yet, and CREATE is cheaper than MERGE)
// params:
//   rows: {type: list, items: "{id: str, code: str, editions: list[int], dataset: str, synthetic: bool, methods: list[str], props: map}", doc: "methods (inferred links) and props (links with properties) only where the template says so"}
// template:
//   link: a link type of the graph model (default the first from organisations)
//   start: the label the link starts at (default the organisation label)
//   label: one of its target labels (default the first); rendered by loader/write.py once per link type and pair of labels
//   inferred: the rows were inferred by a method (default false)
//   with_props: the rows carry properties to set (default false)
{% set start = start | default(org) %}
{% set link = link | default(model.links_from(start).values() | first) %}
{% set label = label | default(model.links[link].to[0]) %}
{% set inferred = inferred | default(false) %}
{% set with_props = with_props | default(false) %}
{% set start_key = model.organization.key if start == org else model.dimensions[start].key %}
UNWIND $rows AS row
MATCH (o:{{ start }} {{ "{" }}{{ start_key }}: row.id{{ "}" }})
MATCH (d:{{ label }} {{ "{" }}{{ model.dimensions[label].key }}: row.code{{ "}" }})
CREATE (o)-[r:{{ link }}]->(d)
SET r.editions = row.editions, r.sources = [row.dataset], r.synthetic = row.synthetic{% if inferred %}, r.inferred = true, r.methods = row.methods{% endif %}
{% if with_props %}

SET r += row.props
{% endif %}
