// group: who
// title_zh: 某地区或行业企业的人才来源
// title_en: Talent sources of a region's or sector's enterprises
// answers: >
//   The universities, institutes and employers where the core people (founders, CEO, CTO, chief scientist) of
//   sample enterprises studied or worked (SUPPLIES_TALENT), for the samples in a place and/or an industry or
//   application field; ranked by the number of sample enterprises supplied.
// answers_zh: "某地区和/或某行业或应用领域的样本企业，其核心人员（创始人、CEO、CTO、\
//   首席科学家）学习或工作过的高校、研究机构和雇主（SUPPLIES_TALENT），\
//   按输送人才的样本企业数排名。"
// chart: bar
// params:
//   place: {type: str, dimension: [City, Province, MetroArea, Country], default: null, pattern: '[0-9]{6}|[A-Z]{2,3}', choices: places, description: 'where the sample enterprises are'}
//   industry: {type: str, dimension: Industry, default: null, pattern: '[A-T]|[A-T][0-9]{2}|AI', choices: industries}
//   field: {type: str, dimension: ApplicationField, default: null, choices: application_fields, description: 'application field code'}
//   experience: {type: str, default: any, allowed: [any, study, work]}
//   origin: {type: str, default: any, allowed: [any, domestic, foreign], description: 'of the institution'}
//   edition: {type: int, default: null, allowed: [2020, 2021]}
//   limit: {type: int, default: 20, min: 1, max: 1000}
// figures: []
// example: {place: '440000', experience: study}
{# the sample enterprises first (from the place when one is asked: located in it, in one of its cities, or of
   that country; then each one's industry and field asked once), then their talent sources #}
{% set enterprise = (['(EXISTS { (s)-[:IN_INDUSTRY]->(ind) WHERE ind.code = $industry }'
      ~ ' OR EXISTS { (s)-[:IN_INDUSTRY]->()-[:SUBCLASS_OF]->(sec) WHERE sec.code = $industry })'] if given.industry else [])
  + (['EXISTS { (s)-[:APPLIES_IN]->(f) WHERE f.code = $field }'] if given.field else []) %}
{% set source = (["r.experience = '" ~ choice.experience ~ "'"] if choice.experience != 'any' else [])
  + (['$edition IN r.editions'] if given.edition else [])
  + ([('NOT ' if choice.origin == 'foreign' else '') ~ "coalesce(i.country, '') IN ['CN', 'HK', 'MO', 'TW']"]
     if choice.origin != 'any' else []) %}
{% if given.place %}
OPTIONAL MATCH (pc:City {code: $place})
OPTIONAL MATCH (pp:Province {code: $place})
OPTIONAL MATCH (pm:MetroArea {code: $place})
OPTIONAL MATCH (pk:Country {code: $place})
WITH [x IN [pc, pp, pm, pk] WHERE x IS NOT NULL] AS places
{# a country's code (two or three letters) is also the enterprises' own `country` #}
WITH COLLECT { UNWIND places AS pl MATCH (pl)<-[:LOCATED_IN]-({{ focal_node('s') }}) RETURN s }
   + COLLECT { UNWIND places AS pl MATCH (pl)<-[:IN_PROVINCE|IN_METRO]-(:City)<-[:LOCATED_IN]-({{ focal_node('s') }}) RETURN s }
   + CASE WHEN $place =~ '[A-Z]{2,3}' THEN COLLECT { MATCH ({{ focal_node('s') }}) WHERE s.country = $place RETURN s }
          ELSE [] END AS found
UNWIND found AS s
WITH DISTINCT s
{% else %}
MATCH ({{ focal_node('s') }})
{% endif %}
{% if enterprise %}
WHERE {{ enterprise | join('\n  AND ') }}
{% endif %}
MATCH (s)<-[r:SUPPLIES_TALENT]-(i)
{% if source %}
WHERE {{ source | join(' AND ') }}
{% endif %}
WITH i, count(DISTINCT s) AS enterprises, collect(DISTINCT r.experience) AS experiences
RETURN i.id AS id, i.name_zh AS institution, i.name_en AS institution_en, i.country AS country,
       [l IN labels(i) WHERE l <> 'Organization'] AS labels, enterprises, experiences,
       coalesce(i.synthetic, false) AS synthetic
ORDER BY enterprises DESC, institution
LIMIT $limit
