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
{% set kinds = [
  ('tech_input', 'technology', "'tech_input'"),
  ('tech_empowerment', 'technology', "'tech_empowerment'"),
  ('talent', 'human_capital', "'talent_' + coalesce(r.experience, 'unknown')"),
  ('financing', 'investment', "'financing_received'"),
  ('investment', 'investment', "'investment_made'"),
] %}
// per counterpart first within each kind: its country is read once, not once per relation
CALL () {
{% for kind, dimension, relation in kinds %}
  MATCH {{ focal_match(kind, 's', 'r', 'x') }}
  WHERE {{ focal_where(kind, 'r', 'x') }}
{% if given.edition %}
    AND $edition IN r.editions AND $edition IN s.sample_editions
{% endif %}
  WITH x, {{ relation }} AS relation, count(r) AS n
  RETURN '{{ dimension }}' AS dimension, relation, x.country AS country, n
{% if not loop.last %}
  UNION ALL
{% endif %}
{% endfor %}
}
WITH dimension, relation, sum(n) AS relations,
     sum(CASE WHEN coalesce(country, '') IN ['CN', 'HK', 'MO', 'TW'] THEN n ELSE 0 END) AS domestic,
     sum(CASE WHEN country IS NULL THEN n ELSE 0 END) AS unknown
WITH dimension, relation, relations, domestic, relations - domestic - unknown AS foreign, unknown
RETURN dimension, relation, relations, domestic, foreign, unknown,
       round(10000.0 * domestic / relations) / 100 AS domestic_share,
       round(10000.0 * foreign / relations) / 100 AS foreign_share
ORDER BY dimension, relation
