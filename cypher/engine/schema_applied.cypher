// title_zh: 已应用的模式迁移
// title_en: Applied schema migrations
// answers: which versioned schema files have been applied to this database, with their checksums
// params: {}
MATCH (m:SchemaMigration)
RETURN m.version AS version, m.name AS name, m.checksum AS checksum, m.applied_at AS applied_at
ORDER BY version
