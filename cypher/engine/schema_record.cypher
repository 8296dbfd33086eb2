// title_zh: 记录一次模式迁移
// title_en: Record one applied schema migration
// answers: stores the version, file name and checksum of a migration once its statements have run
// params:
//   version: {type: int}
//   name: {type: str}
//   checksum: {type: str}
MERGE (m:SchemaMigration {version: $version})
SET m.name = $name, m.checksum = $checksum, m.applied_at = datetime()
