// title_zh: 新建机构节点（带全部标签）
// title_en: Create new organisation nodes with all their labels at once
// answers: creates organisations the graph does not hold yet as (:Organization) with their kind and role labels in one step (adding labels later is slow on the embedded engine); the result equals what merge_organizations and label give a new node
// params:
//   rows: {type: list, items: "{id: str, name_key: str, name_zh: str, name_en: str|null, aliases: list[str], props: map, dataset: str, sample_editions: list[int], synthetic: bool}"}
// template:
//   labels: the kind and role labels of the graph model the new nodes get besides Organization (default none); rendered by loader/write.py once per label set, so the engine sees concrete labels
{% set labels = labels | default([]) %}
UNWIND $rows AS row
CREATE (n:{{ org }}{% for label in labels %}:{{ label }}{% endfor %} {id: row.id})
SET n += row.props,
    n.name_zh = row.name_zh,
    n.name_en = row.name_en,
    n.name_key = row.name_key,
    n.sources = [row.dataset],
    n.synthetic = row.synthetic,
    n.sample_editions = CASE WHEN size(row.sample_editions) = 0 THEN null ELSE row.sample_editions END,
    n.aliases = CASE WHEN size(row.aliases) = 0 THEN null ELSE row.aliases END
