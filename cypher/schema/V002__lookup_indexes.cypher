// title_zh: 查找索引：按名称查找机构与地区
// title_en: Lookup indexes for finding organisations and places by name
// answers: makes name searches (explorer organisation search, place resolution) index lookups
// params: {}
CREATE INDEX organization_name_zh IF NOT EXISTS FOR (n:Organization) ON (n.name_zh);
CREATE INDEX organization_name_en IF NOT EXISTS FOR (n:Organization) ON (n.name_en);
CREATE INDEX organization_country IF NOT EXISTS FOR (n:Organization) ON (n.country);
CREATE INDEX city_name_zh IF NOT EXISTS FOR (n:City) ON (n.name_zh);
CREATE INDEX province_name_zh IF NOT EXISTS FOR (n:Province) ON (n.name_zh);
CREATE INDEX country_name_zh IF NOT EXISTS FOR (n:Country) ON (n.name_zh);
