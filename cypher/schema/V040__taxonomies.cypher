// title_zh: 分析人员自定义分类（行业、产品、地区）的约束与索引
// title_en: Constraints and indexes for analysts' own taxonomies (industries, products, regions)
// answers: one (:Taxonomy) per id and one (:Category) / (:Product) per taxonomy member (`<taxonomy>:<code>`), so loads can MERGE them; members of one taxonomy are listed by an index lookup
// params: {}
// see: graph-model.md (Analysts' taxonomies)
CREATE CONSTRAINT taxonomy_id IF NOT EXISTS FOR (n:Taxonomy) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT category_id IF NOT EXISTS FOR (n:Category) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT product_id IF NOT EXISTS FOR (n:Product) REQUIRE n.id IS UNIQUE;
CREATE INDEX category_taxonomy IF NOT EXISTS FOR (n:Category) ON (n.taxonomy);
CREATE INDEX product_taxonomy IF NOT EXISTS FOR (n:Product) ON (n.taxonomy);
