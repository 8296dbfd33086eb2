// title_zh: 新建样本政府节点（带全部标签）
// title_en: Create new sample government nodes with all their labels at once
// answers: creates organisations the graph does not hold yet as (:Organization:Government:Sample) in one step (adding labels later is slow on the embedded engine); the result equals what merge_organizations gives a new node
// params:
//   rows: {type: list, items: "{id: str, name_key: str, name_zh: str, name_en: str|null, aliases: list[str], props: map, dataset: str, sample_editions: list[int], synthetic: bool}"}
UNWIND $rows AS row
CREATE (n:Organization:Government:Sample {id: row.id})
SET n += row.props,
    n.name_zh = row.name_zh,
    n.name_en = row.name_en,
    n.name_key = row.name_key,
    n.sources = [row.dataset],
    n.synthetic = row.synthetic,
    n.sample_editions = CASE WHEN size(row.sample_editions) = 0 THEN null ELSE row.sample_editions END,
    n.aliases = CASE WHEN size(row.aliases) = 0 THEN null ELSE row.aliases END
