// title_zh: "核心产业部门与融合产业部门的技术合作：按合作方行业"
// title_en: "Core and converged sectors' technology cooperation, by the partner's industry"
// answers: "§VI — every sample firm is in the AI core sector; the partner's industry decides: AI = core, a GB/T 4754 code = converged (tier primary/secondary/tertiary, section, manufacturing division). empowerment = the sample firm provides, input = it receives; coop = both directions"
// params: {}
// metric_ids: [core_emp_target_core_share, core_to_converged_tertiary_share, core_input_from_core_share, converged_to_core_tertiary_share, core_secondary_coop_core_to_secondary_share, secondary_to_core_manufacturing_share, core_mfg_coop_c39_count, core_mfg_coop_c36_count, mfg_to_core_emp_c39_share, core_to_mfg_emp_c39_share, core_tertiary_coop_i_count, tertiary_to_core_emp_i_share, core_to_tertiary_emp_i_share]
UNWIND ['input', 'empowerment'] AS d
MATCH (a:Organization)-[:EMPOWERS]->(b:Organization)
WHERE (d = 'input' AND b:Sample) OR (d = 'empowerment' AND a:Sample)
WITH d, CASE WHEN d = 'input' THEN a ELSE b END AS p
MATCH (p)-[:IN_INDUSTRY]->(i:Industry)
OPTIONAL MATCH (i)-[:SUBCLASS_OF]->(s:Industry)
WITH d, i.code AS code, i.tier AS tier, coalesce(s.code, i.code) AS section, s IS NOT NULL AS division,
     count(*) AS n
UNWIND [
  CASE WHEN code = 'AI' THEN ['sector:' + d + ':AI', n] END,
  CASE WHEN code <> 'AI' THEN ['sector:' + d + ':converged', n] END,
  CASE WHEN code <> 'AI' THEN ['sector:' + d + ':tier:' + tier, n] END,
  CASE WHEN code <> 'AI' THEN ['sector:coop:tier:' + tier, n] END,
  CASE WHEN code <> 'AI' THEN ['sector:' + d + ':section:' + section, n] END,
  CASE WHEN code <> 'AI' THEN ['sector:coop:section:' + section, n] END,
  CASE WHEN division THEN ['sector:' + d + ':division:' + code, n] END,
  CASE WHEN division THEN ['sector:coop:division:' + code, n] END
] AS kv
WITH kv WHERE kv IS NOT NULL
RETURN kv[0] AS k, sum(kv[1]) AS v
