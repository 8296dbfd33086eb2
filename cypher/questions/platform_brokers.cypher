// group: platforms
// title_zh: 开放创新平台的中介作用（结构洞）
// title_en: "Platforms as brokers: organisations reachable only through a platform"
// answers: >
//   For each national AI open innovation platform (:Platform), its technology suppliers (input side) and
//   receivers (empowerment side) by kind, and the organisations whose only link into the network is that
//   platform, i.e. reachable only through it (a structural hole the platform spans).
// answers_zh: "每个国家新一代人工智能开放创新平台（:Platform）按机构类型列出的技术供应方（输入一侧）和接受\
//   方（赋能一侧），以及只通过该平台与网络相连、只能经由它到达的机构（平台跨越的结构洞）。"
// chart: stacked_bar
// params:
//   platform: {type: str, default: null, choices: platforms, description: 'platform organisation id or name; all platforms when empty'}
// figures: [platforms_count]
// aggregate: org_degrees
// example: {}
MATCH (p:Platform)
{% if given.platform %}
WHERE $platform IN [p.id, p.name_zh, p.name_en]
{% endif %}
CALL (p) {
  OPTIONAL MATCH (u:Organization)-[:EMPOWERS]->(p)
  RETURN count(DISTINCT u) AS suppliers,
         count(DISTINCT CASE WHEN u:University OR u:ResearchInstitute THEN u END) AS academic_suppliers
}
CALL (p) {
  OPTIONAL MATCH (p)-[:EMPOWERS]->(t:Organization)
  RETURN count(DISTINCT t) AS receivers,
         count(DISTINCT CASE WHEN t:Enterprise AND NOT t:Sample THEN t END) AS non_ai_enterprise_receivers
}
{% if stored %}
{# org_degrees: the organisations whose every relation is with p, counted and five of their names #}
WITH p, suppliers, academic_suppliers, receivers, non_ai_enterprise_receivers,
     p.links_only_through AS only_through_platform, p.links_only_through_examples AS examples
{% else %}
CALL (p) {
  OPTIONAL MATCH (p)--(n:{{ org }})
  WHERE NOT EXISTS { (n)--(m:{{ org }}) WHERE m <> p }
  RETURN count(DISTINCT n) AS only_through_platform, collect(DISTINCT n.name_zh)[..5] AS examples
}
{% endif %}
RETURN p.id AS id, p.name_zh AS platform, p.platform_domain AS domain, suppliers, academic_suppliers, receivers,
       non_ai_enterprise_receivers, only_through_platform, examples, coalesce(p.synthetic, false) AS synthetic
ORDER BY only_through_platform DESC, receivers DESC, platform
