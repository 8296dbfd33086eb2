// group: sectors
// title_zh: 核心产业与融合产业之间的技术流动
// title_en: Technology flows between the AI core sector and converged sectors
// answers: >
//   The sample enterprises' technology relations (every sample enterprise is in the AI core sector,
//   IN_INDUSTRY -> Industry 'AI') with a classified partner (IN_INDUSTRY), as the report measures them: one
//   direction (core_to_other = the samples' empowerment, other_to_core = their input) or both, grouped by sector (core or converged), tier (primary / secondary /
//   tertiary), GB/T 4754 section, division, or direction; optionally only converged partners, one tier or one
//   section. Shares are percentages of the relations selected (partners without an industry, e.g.
//   governments, are not classified and not counted).
// answers_zh: "样本企业（都属于人工智能核心产业）与有行业分类的伙伴之间的技术关系，按报告的口径计算：\
//   一个方向（核心产业 → 其他产业 = 样本企业的技术赋能，其他产业 → 核心产业 = 样本企业的技术\
//   输入）或两个方向，按产业（核心或融合）、三次产业、GB/T 4754 门类、\
//   大类或方向分组；可只看融合产业、某一次产业或某个门类。占比是所选关系中的百分比（没有行业的伙伴，\
//   如政府，不分类也不计入）。"
// chart: stacked_bar
// params:
//   direction: {type: str, default: core_to_other, allowed: [core_to_other, other_to_core, both]}
//   by: {type: str, default: tier, allowed: [sector, tier, section, division, direction]}
//   converged_only: {type: bool, default: false, description: 'leave out core-to-core relations'}
//   tier: {type: str, default: null, allowed: [primary, secondary, tertiary]}
//   section: {type: str, dimension: Industry, default: null, pattern: '[A-T]', description: 'only partners of this GB/T 4754 section'}
//   edition: {type: int, default: null, allowed: [2020, 2021]}
// figures: [core_emp_target_*, core_to_converged_*, core_input_from_*, converged_to_core_*, core_secondary_coop_*, core_to_secondary_*, secondary_to_core_*, core_mfg_coop_*, core_to_mfg_emp_c*, mfg_to_core_emp_c*, core_tertiary_coop_*, core_to_tertiary_emp_*, tertiary_to_core_emp_*]
// example: {direction: core_to_other, by: tier}
// aggregate: focal_industries
{% set flows = (['core_to_other'] if choice.direction in ['core_to_other', 'both'] else [])
  + (['other_to_core'] if choice.direction in ['other_to_core', 'both'] else []) %}
{% set code = {
  'sector': "CASE WHEN is_core THEN 'core' ELSE 'converged' END",
  'tier': "CASE WHEN is_core THEN 'core' ELSE coalesce(s.tier, 'unknown') END",
  'section': 's.code', 'direction': 'flow', 'division': 'i.code',
}[choice.by] %}
{% set name = {'section': 's.name_zh', 'division': 'i.name_zh'}.get(choice.by, 'null') %}
{% set kept = (['NOT is_core'] if choice.converged_only else []) + (['s.tier = $tier'] if given.tier else [])
  + (['s.code = $section'] if given.section else []) %}
{% if stored %}
{% set variant = ('_' ~ choice.edition) if given.edition else '' %}
{% set kinds = {'core_to_other': 'tech_empowerment', 'other_to_core': 'tech_input'} %}
// the maintained relations per partner industry (valuenet/aggregates.py)
CALL () {
{% for flow in flows %}
  MATCH (a:Aggregate {name: 'focal_industries', focal_set: '{{ model.focal_set.label or 'all' }}'})
  WHERE {{ aggregate_part('focal_industries', kinds[flow], 'a') }}
  UNWIND range(0, size(a.industry_codes) - 1) AS k
  WITH a.industry_codes[k] AS code, a.industry_n{{ variant }}[k] AS n
  WHERE n > 0
  MATCH (i:Industry {code: code})
  RETURN i, '{{ flow }}' AS flow, n
{% if not loop.last %}
  UNION ALL
{% endif %}
{% endfor %}
}
{% else %}
// relations counted per partner industry first: each industry's section is looked up once
MATCH (core:Industry {code: 'AI'})
CALL (core) {
{% for flow in flows %}
  MATCH (core)<-[:IN_INDUSTRY]-({{ focal_node() }}){{ '-[r:EMPOWERS]->' if flow == 'core_to_other' else '<-[r:EMPOWERS]-' }}(:{{ org }})-[:IN_INDUSTRY]->(i:Industry)
{% if given.edition %}
  WHERE $edition IN r.editions
{% endif %}
  RETURN i, '{{ flow }}' AS flow, count(r) AS n
{% if not loop.last %}
  UNION ALL
{% endif %}
{% endfor %}
}
{% endif %}
OPTIONAL MATCH (i)-[:SUBCLASS_OF]->(sec:Industry)
WITH i, flow, n, coalesce(sec, i) AS s, i.code = 'AI' AS is_core
{% if kept %}
WHERE {{ kept | join(' AND ') }}
{% endif %}
WITH {{ code }} AS code, {{ name }} AS name, sum(n) AS relations
WITH collect({code: code, name: name, relations: relations}) AS rows, sum(relations) AS total
UNWIND rows AS row
RETURN row.code AS code, coalesce(row.name, row.code) AS name, row.relations AS relations,
       round(10000.0 * row.relations / total) / 100 AS share
ORDER BY relations DESC, code
