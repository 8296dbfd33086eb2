// title_zh: 图中已有的分类对照（自定义行业 → 国民经济行业分类）
// title_en: Crosswalks the graph holds (an analyst's industry categories onto GB/T 4754)
// answers: for the categories of these taxonomies, the GB/T 4754 industries they map to and with which weight, so a later load can infer its organisations' IN_INDUSTRY from categories an earlier load declared
// params:
//   taxonomies: {type: list, items: str}
MATCH (c:Category)-[m:MAPS_TO]->(i:Industry)
WHERE c.taxonomy IN $taxonomies
RETURN c.id AS category, i.code AS industry, m.weight AS weight
