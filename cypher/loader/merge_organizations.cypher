// title_zh: 合并机构节点及其属性、别名与出处
// title_en: Merge organisation nodes with their properties, aliases and provenance
// answers: one node per id; properties set from the row (empty cells never erase a value); the first name seen stays name_zh, other spellings go to aliases; sources, sample_editions and aliases are sorted lists without duplicates; synthetic stays true only if every source is synthetic
// params:
//   rows: {type: list, items: "{id: str, name_key: str, name_zh: str, name_en: str|null, aliases: list[str], props: map, dataset: str, sample_editions: list[int], synthetic: bool}"}
UNWIND $rows AS row
MERGE (n:Organization {id: row.id})
ON CREATE SET n.sources = [row.dataset], n.synthetic = row.synthetic
ON MATCH SET
    n.sources = CASE WHEN row.dataset IN coalesce(n.sources, []) THEN n.sources
                ELSE [x IN coalesce(n.sources, []) WHERE x < row.dataset] + row.dataset
                     + [x IN coalesce(n.sources, []) WHERE x > row.dataset] END,
    n.synthetic = coalesce(n.synthetic, row.synthetic) AND row.synthetic
SET n += row.props,
    n.name_zh = coalesce(n.name_zh, row.name_zh),
    n.name_en = coalesce(n.name_en, row.name_en),
    n.name_key = coalesce(n.name_key, row.name_key),
    n.sample_editions = CASE WHEN size(row.sample_editions) = 0 THEN n.sample_editions
        WHEN all(e IN row.sample_editions WHERE e IN coalesce(n.sample_editions, [])) THEN n.sample_editions
        ELSE [y IN range(1900, 2100) WHERE y IN coalesce(n.sample_editions, []) OR y IN row.sample_editions] END
WITH n, row
WHERE size(row.aliases) > 0
WITH n, reduce(acc = [], x IN coalesce(n.aliases, []) + row.aliases |
               CASE WHEN x IN acc OR x = n.name_zh OR x = n.name_en THEN acc ELSE acc + [x] END) AS a1
SET n.aliases = CASE WHEN size(a1) = 0 THEN null
                ELSE [i IN range(0, size(a1) - 1) | [x IN a1 WHERE size([y IN a1 WHERE y < x]) = i][0]] END
