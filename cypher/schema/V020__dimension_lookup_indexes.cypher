// title_zh: 维度按名称查找的索引
// title_en: Lookup indexes on dimension names and classes
// answers: makes finding a city or country by its English name, and industries by name or tier, index lookups (explorer search, analysts' filters)
// params: {}
CREATE INDEX city_name_en IF NOT EXISTS FOR (n:City) ON (n.name_en);
CREATE INDEX province_name_en IF NOT EXISTS FOR (n:Province) ON (n.name_en);
CREATE INDEX country_name_en IF NOT EXISTS FOR (n:Country) ON (n.name_en);
CREATE INDEX industry_name_zh IF NOT EXISTS FOR (n:Industry) ON (n.name_zh);
CREATE INDEX industry_tier IF NOT EXISTS FOR (n:Industry) ON (n.tier);
