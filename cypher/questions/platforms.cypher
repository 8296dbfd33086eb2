// group: platforms
// title_zh: 国家新一代人工智能开放创新平台
// title_en: The national AI open innovation platforms
// answers: >
//   The :Platform organisations with their domain, location and how many organisations they supply with technology,
//   receive technology from, and invest in.
// answers_zh: "各开放创新平台（:Platform）的领域、所在地，以及它向多少机构提供技术、\
//   从多少机构获得技术、投资了多少机构。"
// chart: table
// params: {}
// figures: [platform_national_count, platform_batch1_count, platform_batch2_count]
// example: {}
MATCH (p:Platform)
OPTIONAL MATCH (p)-[:LOCATED_IN]->(c)
RETURN p.id AS id, p.name_zh AS platform, p.name_en AS platform_en, p.platform_domain AS domain,
       c.name_zh AS location,
       COUNT { (p)-[:EMPOWERS]->(:Organization) } AS empowers,
       COUNT { (p)<-[:EMPOWERS]-(:Organization) } AS inputs,
       COUNT { (p)-[:INVESTS_IN]->(:Organization) } AS investments,
       coalesce(p.synthetic, false) AS synthetic
ORDER BY empowers DESC, platform
