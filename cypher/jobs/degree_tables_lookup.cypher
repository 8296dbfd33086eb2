// title_zh: 按名称查找机构的度数分数（表5-9核对）
// title_en: Degree scores of organisations found by name (checking Tables 5-9)
// answers: for each name printed in the report's Tables 5-9, the organisation, whether it is a sample node, and its degree-job properties
// params:
//   names: {type: list, doc: "Chinese names (name_zh or an alias)"}
MATCH (n:Organization)
WHERE n.name_zh IN $names OR any(a IN coalesce(n.aliases, []) WHERE a IN $names)
WITH n, [x IN $names WHERE x = n.name_zh OR x IN coalesce(n.aliases, [])] AS matched
UNWIND matched AS name
RETURN name, n.id AS id, n:Sample AS sample,
       {degree_tech: n.degree_tech, degree_tech_in: n.degree_tech_in, degree_tech_out: n.degree_tech_out,
        degree_talent_study: n.degree_talent_study, degree_talent_work: n.degree_talent_work,
        degree_invest_out: n.degree_invest_out, degree_invest_in: n.degree_invest_in} AS scores
