// title_zh: 唯一性约束：图模型中每个键
// title_en: Uniqueness constraints on every key of the graph model
// answers: guarantees one node per organisation id and per dimension code, so loads can MERGE safely
// params: {}
// see: graph-model.md (Organizations, Dimensions)
CREATE CONSTRAINT organization_id IF NOT EXISTS FOR (n:Organization) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT country_code IF NOT EXISTS FOR (n:Country) REQUIRE n.code IS UNIQUE;
CREATE CONSTRAINT province_code IF NOT EXISTS FOR (n:Province) REQUIRE n.code IS UNIQUE;
CREATE CONSTRAINT city_code IF NOT EXISTS FOR (n:City) REQUIRE n.code IS UNIQUE;
CREATE CONSTRAINT metro_area_code IF NOT EXISTS FOR (n:MetroArea) REQUIRE n.code IS UNIQUE;
CREATE CONSTRAINT industry_code IF NOT EXISTS FOR (n:Industry) REQUIRE n.code IS UNIQUE;
CREATE CONSTRAINT application_field_code IF NOT EXISTS FOR (n:ApplicationField) REQUIRE n.code IS UNIQUE;
CREATE CONSTRAINT tech_layer_code IF NOT EXISTS FOR (n:TechLayer) REQUIRE n.code IS UNIQUE;
CREATE CONSTRAINT core_technology_code IF NOT EXISTS FOR (n:CoreTechnology) REQUIRE n.code IS UNIQUE;
CREATE CONSTRAINT schema_migration_version IF NOT EXISTS FOR (n:SchemaMigration) REQUIRE n.version IS UNIQUE;
