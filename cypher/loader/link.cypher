// title_zh: 连接机构（或维度节点）与维度（合并出处列表）
// title_en: Link organisations (or dimension nodes) to a dimension, merging provenance lists
// answers: (o)-[:LINK]->(:Label {key}) once per pair, with merged provenance lists (editions and sources sorted without duplicates; synthetic stays true only if every source is synthetic; inferred (with the methods that inferred it) only while no source observed it). For a link the graph model keeps at the finest target only (LOCATED_IN to a City, else a Province, else a Country), an organisation already linked to a finer target is left alone, and a coarser link of an organisation that was in the graph before this load is removed
// params:
//   rows: {type: list, items: "{id: str, code: str, editions: list[int], dataset: str, synthetic: bool, existed: bool, methods: list[str], props: map}", doc: "id and code are the keys of the two ends; existed (finest-only links): the organisation was in the graph before this load, so a coarser link may exist; methods (inferred links) and props (links with properties) only where the template says so"}
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
{% set targets = model.links[link].to if model.links[link].finest_only else [label] %}
{% set finer = targets[:targets.index(label)] %}
{% set coarser = targets[targets.index(label) + 1:] %}
UNWIND $rows AS row
MATCH (o:{{ start }} {{ "{" }}{{ start_key }}: row.id{{ "}" }})
{% if finer %}
WHERE {% for f in finer %}NOT EXISTS { (o)-[:{{ link }}]->(:{{ f }}) }{{ " AND " if not loop.last }}{% endfor %}

{% endif %}
MATCH (d:{{ label }} {{ "{" }}{{ model.dimensions[label].key }}: row.code{{ "}" }})
MERGE (o)-[r:{{ link }}]->(d)
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
{% if with_props %}
SET r += row.props
{% endif %}
{% if coarser %}
WITH DISTINCT o, row.existed AS existed
WHERE existed
OPTIONAL MATCH (o)-[coarse:{{ link }}]->(x)
WHERE {% for c in coarser %}x:{{ c }}{{ " OR " if not loop.last }}{% endfor %}

DELETE coarse
{% endif %}
