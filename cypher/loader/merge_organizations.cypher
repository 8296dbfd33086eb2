// title_zh: 合并机构节点及其属性、别名与出处
// title_en: Merge organisation nodes with their properties, aliases and provenance
// answers: one node per id; properties set from the row (empty cells never erase a value); the first name seen stays name_zh, other spellings go to aliases; sources and sample_editions become sorted lists without duplicates; synthetic stays true only if every source is synthetic
// params:
//   rows: {type: list, items: "{id: str, name_key: str, name_zh: str, name_en: str|null, aliases: list[str], props: map, sources: list[str], sample_editions: list[int], synthetic: bool}"}
UNWIND $rows AS row
MERGE (n:Organization {id: row.id})
SET n += row.props,
    n.name_zh = coalesce(n.name_zh, row.name_zh),
    n.name_en = coalesce(n.name_en, row.name_en),
    n.name_key = coalesce(n.name_key, row.name_key)
WITH n, row,
     coalesce(n.sources, []) + row.sources AS s0,
     coalesce(n.sample_editions, []) + row.sample_editions AS e0,
     coalesce(n.aliases, []) + row.aliases AS a0
WITH n, row,
     reduce(acc = [], x IN s0 | CASE WHEN x IN acc THEN acc ELSE acc + [x] END) AS s1,
     reduce(acc = [], x IN e0 | CASE WHEN x IN acc THEN acc ELSE acc + [x] END) AS e1,
     reduce(acc = [], x IN a0 | CASE WHEN x IN acc OR x = n.name_zh OR x = n.name_en THEN acc ELSE acc + [x] END) AS a1
SET n.sources = [i IN range(0, size(s1) - 1) | [x IN s1 WHERE size([y IN s1 WHERE y < x]) = i][0]],
    n.sample_editions = CASE WHEN size(e1) = 0 THEN null
                        ELSE [i IN range(0, size(e1) - 1) | [x IN e1 WHERE size([y IN e1 WHERE y < x]) = i][0]] END,
    n.aliases = CASE WHEN size(a1) = 0 THEN null
                ELSE [i IN range(0, size(a1) - 1) | [x IN a1 WHERE size([y IN a1 WHERE y < x]) = i][0]] END,
    n.synthetic = CASE WHEN n.synthetic IS NULL THEN row.synthetic ELSE n.synthetic AND row.synthetic END
