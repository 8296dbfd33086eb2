// title_zh: 写入自定义分类的成员（类别或产品）
// title_en: Merge the members of analysts' taxonomies (categories or products)
// answers: one (:Category) or (:Product) per taxonomy member (id `<taxonomy>:<code>`) with its code, names and level, IN_TAXONOMY its taxonomy; sources merged as a sorted list
// params:
//   rows: {type: list, items: "{id: str, taxonomy: str, code: str, name_zh: str, name_en: str|null, level: int, dataset: str}"}
// template:
//   label: the member label, a dimension of the graph model that links IN_TAXONOMY (default the first); rendered by loader/write.py once per label
{% set label = label | default(model.links['IN_TAXONOMY'].from_[0]) %}
UNWIND $rows AS row
MERGE (c:{{ label }} {id: row.id})
SET c.taxonomy = row.taxonomy, c.code = row.code, c.name_zh = row.name_zh, c.name_en = row.name_en,
    c.level = row.level,
    c.sources = CASE WHEN row.dataset IN coalesce(c.sources, []) THEN c.sources
                ELSE [x IN coalesce(c.sources, []) WHERE x < row.dataset] + row.dataset
                     + [x IN coalesce(c.sources, []) WHERE x > row.dataset] END
WITH c, row
MATCH (t:Taxonomy {id: row.taxonomy})
MERGE (c)-[:IN_TAXONOMY]->(t)
