// group: network
// title_zh: 各类关系数量及国内外构成（表4）
// title_en: Relations by dimension and type, domestic vs foreign (Table 4)
// answers: >
//   From the sample enterprises' perspective (schema.md 5.1): technology input = EMPOWERS into a sample (split by
//   the provider's country), technology empowerment = EMPOWERS out of a sample (split by the receiver's),
//   study / work = SUPPLIES_TALENT into a sample (split by the institution's), financing = INVESTS_IN into a
//   sample (split by the investor's), investment = INVESTS_IN out of a sample into an organisation outside
//   the sample, or ACQUIRES (split by the target's): an investment between two sample enterprises counts
//   once, as the investee's financing. Domestic = CN, HK, MO, TW. Shares are percentages of the type's
//   relations.
// chart: stacked_bar
// params:
//   edition: {type: int, default: null, allowed: [2020, 2021], description: 'only relations reported in this edition, with samples of that edition'}
// figures: [rel_*, tech_input_share, tech_empowerment_share, hc_total, hc_domestic_*, hc_foreign_*]
// example: {edition: 2021}
CALL () {
  MATCH ({{ focal_node('s') }})<-[r:EMPOWERS]-(x:Organization)
  RETURN 'technology' AS dimension, 'tech_input' AS relation, s, r, x
  UNION ALL
  MATCH ({{ focal_node('s') }})-[r:EMPOWERS]->(x:Organization)
  RETURN 'technology' AS dimension, 'tech_empowerment' AS relation, s, r, x
  UNION ALL
  MATCH ({{ focal_node('s') }})<-[r:SUPPLIES_TALENT]-(x:Organization)
  RETURN 'human_capital' AS dimension, 'talent_' + coalesce(r.experience, 'unknown') AS relation, s, r, x
  UNION ALL
  MATCH ({{ focal_node('s') }})<-[r:INVESTS_IN]-(x:Organization)
  RETURN 'investment' AS dimension, 'financing_received' AS relation, s, r, x
  UNION ALL
  MATCH ({{ focal_node('s') }})-[r:INVESTS_IN|ACQUIRES]->(x:Organization)
  WHERE type(r) = 'ACQUIRES' OR NOT {{ focal('x') }}
  RETURN 'investment' AS dimension, 'investment_made' AS relation, s, r, x
}
WITH dimension, relation, s, r, x
WHERE $edition IS NULL OR ($edition IN r.editions AND $edition IN s.sample_editions)
WITH dimension, relation, count(r) AS relations,
     sum(CASE WHEN coalesce(x.country, '') IN ['CN', 'HK', 'MO', 'TW'] THEN 1 ELSE 0 END) AS domestic,
     sum(CASE WHEN x.country IS NULL THEN 1 ELSE 0 END) AS unknown
WITH dimension, relation, relations, domestic, relations - domestic - unknown AS foreign, unknown
RETURN dimension, relation, relations, domestic, foreign, unknown,
       round(10000.0 * domestic / relations) / 100 AS domestic_share,
       round(10000.0 * foreign / relations) / 100 AS foreign_share
ORDER BY dimension, relation
