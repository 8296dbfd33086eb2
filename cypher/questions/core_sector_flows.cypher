// group: sectors
// title_zh: 核心产业与融合产业之间的技术流动
// title_en: Technology flows between the AI core sector and converged sectors
// answers: >
//   EMPOWERS relations whose provider or receiver is in the AI core sector (IN_INDUSTRY -> Industry 'AI'),
//   counted by the other end's sector: direction core_to_other (empowerment by the core sector) or
//   other_to_core (input to it); grouped by tier (primary/secondary/tertiary, or core), section or division.
// chart: stacked_bar
// params:
//   direction: {type: str, default: core_to_other, allowed: [core_to_other, other_to_core]}
//   by: {type: str, default: tier, allowed: [tier, section, division]}
//   section: {type: str, default: null, pattern: '[A-T]', description: 'only divisions of this section (with by=division)'}
//   edition: {type: int, default: null, allowed: [2020, 2021]}
// figures: [core_emp_target_core_share, core_emp_target_converged_share, core_to_converged_*, converged_to_core_*, core_input_from_core_share, core_input_from_converged_share, core_to_secondary_*, secondary_to_core_*, core_to_mfg_emp_c*, mfg_to_core_emp_c*, core_to_tertiary_emp_*, tertiary_to_core_emp_*]
// example: {direction: core_to_other, by: tier}
MATCH (core:Industry {code: 'AI'})
CALL (core) {
  MATCH (core)<-[:IN_INDUSTRY]-(a:Organization)-[r:EMPOWERS]->(b:Organization)-[:IN_INDUSTRY]->(i:Industry)
  WHERE $direction = 'core_to_other' RETURN r, i
  UNION ALL
  MATCH (core)<-[:IN_INDUSTRY]-(a:Organization)<-[r:EMPOWERS]-(b:Organization)-[:IN_INDUSTRY]->(i:Industry)
  WHERE $direction = 'other_to_core' RETURN r, i
}
WITH r, i
WHERE $edition IS NULL OR $edition IN r.editions
OPTIONAL MATCH (i)-[:SUBCLASS_OF]->(sec:Industry)
WITH r, i, coalesce(sec, i) AS s
WHERE $section IS NULL OR s.code = $section
WITH CASE $by WHEN 'tier' THEN coalesce(s.tier, CASE WHEN i.code = 'AI' THEN 'core' END, 'unknown')
              WHEN 'section' THEN s.code ELSE i.code END AS code,
     CASE $by WHEN 'tier' THEN coalesce(s.tier, CASE WHEN i.code = 'AI' THEN 'core' END, 'unknown')
              WHEN 'section' THEN s.name_zh ELSE i.name_zh END AS name,
     count(r) AS relations
WITH collect({code: code, name: name, relations: relations}) AS rows, sum(relations) AS total
UNWIND rows AS row
RETURN row.code AS code, row.name AS name, row.relations AS relations,
       round(10000.0 * row.relations / total) / 100 AS share
ORDER BY relations DESC, code
