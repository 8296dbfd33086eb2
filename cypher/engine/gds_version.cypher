// title_zh: 图数据科学库版本
// title_en: Graph Data Science library version
// answers: whether the GDS plugin is installed (the call fails when it is not) and its version
// params: {}
RETURN gds.version() AS version
