// title_zh: 某类焦点关系的对方机构（聚合 focal_places 的计算）
// title_en: One kind of focal relation, each with its counterpart (computing the focal_places aggregate)
// answers: >
//   one row of lists: per relation of `kind` of the focal set, the counterpart's element id, the values of the
//   split properties, the relation's editions and those of them with the focal end in that edition's sample
//   (valuenet/aggregates.py folds them with org_places into the per-place totals)
// params: {}
// template: {kind: "a focal relation of the graph model (default tech_input)", split: "relationship properties a part is split by (default none)"}
{% set kind = kind | default('tech_input') %}
{% set split = split | default([]) %}
MATCH {{ focal_match(kind, 's', 'r', 'x') }}
WHERE {{ focal_where(kind, 'r', 'x') }}
// `s.sample_editions` as relation_types_domestic_foreign reads it; no grouping here: grouped per counterpart
// and then located (OPTIONAL MATCH after an aggregation, ArcadeDB #3399) it took 10x longer
RETURN collect([elementId(x), [{% for p in split %}r.{{ p }}{{ ', ' if not loop.last }}{% endfor %}],
                coalesce(r.editions, []),
                [e IN coalesce(r.editions, []) WHERE e IN coalesce(s.sample_editions, [])]]) AS relations
