// title_zh: 图设置的唯一约束
// title_en: Uniqueness of a graph's settings
// answers: one (:GraphSetting) per key (the focal set a mapping declares), so loads can MERGE it
// params: {}
// see: graph-model.md (The focal set)
CREATE CONSTRAINT graph_setting_key IF NOT EXISTS FOR (n:GraphSetting) REQUIRE n.key IS UNIQUE;
