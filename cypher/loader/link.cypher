// title_zh: 连接机构与维度（合并出处列表）
// title_en: Link organisations to a dimension, merging provenance lists
// answers: (o)-[:LINK]->(:Label {code}) once per pair, with merged provenance lists (editions and sources sorted without duplicates; synthetic stays true only if every source is synthetic). For a link the graph model keeps at the finest target only (LOCATED_IN to a City, else a Province, else a Country), an organisation already linked to a finer target is left alone, and a coarser link of an organisation that was in the graph before this load is removed
// params:
//   rows: {type: list, items: "{id: str, code: str, editions: list[int], dataset: str, synthetic: bool, existed: bool}", doc: "existed (finest-only links): the organisation was in the graph before this load, so a coarser link may exist"}
// template:
//   link: a link type from organisations in the graph model (default the first)
//   label: one of its target labels (default the first); rendered by loader/write.py once per link type and target
{% set link = link | default(model.links_from(org).values() | first) %}
{% set label = label | default(model.links[link].to[0]) %}
{% set targets = model.links[link].to if model.links[link].finest_only else [label] %}
{% set finer = targets[:targets.index(label)] %}
{% set coarser = targets[targets.index(label) + 1:] %}
UNWIND $rows AS row
MATCH (o:{{ org }} {id: row.id})
{% if finer %}
WHERE {% for f in finer %}NOT EXISTS { (o)-[:{{ link }}]->(:{{ f }}) }{{ " AND " if not loop.last }}{% endfor %}

{% endif %}
MATCH (d:{{ label }} {code: row.code})
MERGE (o)-[r:{{ link }}]->(d)
ON CREATE SET r.editions = row.editions, r.sources = [row.dataset], r.synthetic = row.synthetic
ON MATCH SET
    r.editions = CASE WHEN all(e IN row.editions WHERE e IN coalesce(r.editions, [])) THEN r.editions
                 ELSE [y IN range(1900, 2100) WHERE y IN coalesce(r.editions, []) OR y IN row.editions] END,
    r.sources = CASE WHEN row.dataset IN coalesce(r.sources, []) THEN r.sources
                ELSE [x IN coalesce(r.sources, []) WHERE x < row.dataset] + row.dataset
                     + [x IN coalesce(r.sources, []) WHERE x > row.dataset] END,
    r.synthetic = coalesce(r.synthetic, row.synthetic) AND row.synthetic
{% if coarser %}
WITH DISTINCT o, row.existed AS existed
WHERE existed
OPTIONAL MATCH (o)-[coarse:{{ link }}]->(x)
WHERE {% for c in coarser %}x:{{ c }}{{ " OR " if not loop.last }}{% endfor %}

DELETE coarse
{% endif %}
