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
// answers_zh: "从样本企业的角度计数（表4）：技术输入 = 指向样本企业的 EMPOWERS（按提供方所在国家分国内\
//   外），技术赋能 = 样本企业发出的 EMPOWERS（按接受方的），学习 / 工作 = 指向样本企业\
//   的 SUPPLIES_TALENT（按院校或雇主的），融资 = 指向样本企业的 INVESTS_IN\
//   （按投资者的），投资 = 样本企业对样本之外机构的 INVESTS_IN 或 ACQUIRES（按对\
//   象的）：两家样本企业之间的投资只计一次，计为被投企业的融资。国内 = CN、\
//   HK、MO、TW（港澳台计为国内）。占比为该类关系中的百分比。"
// chart: stacked_bar
// params:
//   edition: {type: int, default: null, allowed: [2020, 2021], description: 'only relations reported in this edition, with samples of that edition'}
// figures: [rel_*, tech_input_share, tech_empowerment_share, hc_total, hc_domestic_*, hc_foreign_*]
// example: {edition: 2021}
// aggregate: focal_places
{% set kinds = [
  ('tech_input', 'technology', "'tech_input'"),
  ('tech_empowerment', 'technology', "'tech_empowerment'"),
  ('talent', 'human_capital', "'talent_' + coalesce(VAR.experience, 'unknown')"),
  ('financing', 'investment', "'financing_received'"),
  ('investment', 'investment', "'investment_made'"),
] %}
{% if stored %}
{% set variant = ('_sample_' ~ choice.edition) if given.edition else '' %}
// the maintained totals of each part (valuenet/aggregates.py): domestic, of no known country, all
MATCH (a:Aggregate {name: 'focal_places', focal_set: '{{ model.focal_set.label or 'all' }}'})
WITH a, CASE
{% for kind, dimension, relation in kinds %}
  WHEN {{ aggregate_part('focal_places', kind, 'a') }} THEN ['{{ dimension }}', {{ relation | replace('VAR', 'a') }}]
{% endfor %}
END AS named
WHERE named IS NOT NULL
WITH named[0] AS dimension, named[1] AS relation, sum(a.country_total{{ variant }}) AS relations,
     sum(a.country_domestic{{ variant }}) AS domestic, sum(a.country_unknown{{ variant }}) AS unknown
WHERE relations > 0
{% else %}
// per counterpart first within each kind: its country is read once, not once per relation
CALL () {
{% for kind, dimension, relation in kinds %}
  MATCH {{ focal_match(kind, 's', 'r', 'x') }}
  WHERE {{ focal_where(kind, 'r', 'x') }}
{% if given.edition %}
    AND $edition IN r.editions AND $edition IN s.sample_editions
{% endif %}
  WITH x, {{ relation | replace('VAR', 'r') }} AS relation, count(r) AS n
  RETURN '{{ dimension }}' AS dimension, relation, x.country AS country, n
{% if not loop.last %}
  UNION ALL
{% endif %}
{% endfor %}
}
WITH dimension, relation, sum(n) AS relations,
     sum(CASE WHEN coalesce(country, '') IN ['CN', 'HK', 'MO', 'TW'] THEN n ELSE 0 END) AS domestic,
     sum(CASE WHEN country IS NULL THEN n ELSE 0 END) AS unknown
{% endif %}
WITH dimension, relation, relations, domestic, relations - domestic - unknown AS foreign, unknown
RETURN dimension, relation, relations, domestic, foreign, unknown,
       round(10000.0 * domestic / relations) / 100 AS domestic_share,
       round(10000.0 * foreign / relations) / 100 AS foreign_share
ORDER BY dimension, relation
