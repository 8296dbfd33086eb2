// title_zh: 这张图的机构规模
// title_en: This graph's organisations in figures
// answers: >
//   how many organisations the graph holds, how many are the reports' sample enterprises (the public label),
//   foreign (country outside CN, HK, MO, TW, as in the reports) and synthetic, for the start page
// params: {}
MATCH (o:{{ org }})
RETURN count(o) AS organizations,
       sum(CASE WHEN o:Sample THEN 1 ELSE 0 END) AS samples,
       sum(CASE WHEN o.country IS NOT NULL AND NOT o.country IN ['CN', 'HK', 'MO', 'TW'] THEN 1 ELSE 0 END) AS foreign,
       sum(CASE WHEN o.synthetic = true THEN 1 ELSE 0 END) AS synthetic
