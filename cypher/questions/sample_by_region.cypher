// group: sample
// title_zh: 样本企业的地区分布
// title_en: Sample enterprises by metro area, province or city
// answers: >
//   How the sample AI enterprises of an edition are spread over metro areas (JJJ, YRD, PRD), provinces or
//   cities, with shares of the edition's sample (percent, two decimals).
// answers_zh: "某一年版报告的人工智能样本企业在都市圈（京津冀、长三角、珠三角）、省份或城市中的分布，\
//   以及占该版样本的比例（百分比，两位小数）。"
// chart: map
// params:
//   level: {type: str, default: province, allowed: [metro, province, city]}
//   edition: {type: int, default: 2021, allowed: [2020, 2021]}
//   limit: {type: int, default: 40, min: 1, max: 400}
// figures: [ent_metro_share_*, ent_prov_rank_*, ent_prov_share_*, ent_city_share_*, sample_ai_enterprises_guangdong]
// example: {level: province, edition: 2021}
MATCH ({{ focal_node('s') }})
WHERE {{ focal_edition('s') }}
WITH count(s) AS total
{# each city's enterprises counted once, then the city's region of the level asked; a city in several
   provinces or metro areas counts for each, and once more per each of the other kind, as one row per
   city, province and metro area would #}
{% set per_province = "(CASE WHEN COUNT { (c)-[:IN_PROVINCE]->(:Province) } > 1 THEN COUNT { (c)-[:IN_PROVINCE]->(:Province) } ELSE 1 END)" %}
{% set per_metro = "(CASE WHEN COUNT { (c)-[:IN_METRO]->(:MetroArea) } > 1 THEN COUNT { (c)-[:IN_METRO]->(:MetroArea) } ELSE 1 END)" %}
{# the sample matched again rather than collected and unwound: ArcadeDB's query heap budget counts the
   collected list on every unwound row (at scale 10 the GROUP BY below was refused) #}
MATCH ({{ focal_node('s') }})-[:LOCATED_IN]->(c:City)
WHERE {{ focal_edition('s') }}
WITH c, total, count(*) AS located
{% if choice.level == 'city' %}
WITH c AS region, total, located * {{ per_province }} * {{ per_metro }} AS enterprises
{% elif choice.level == 'province' %}
MATCH (c)-[:IN_PROVINCE]->(region:Province)
WITH region, total, sum(located * {{ per_metro }}) AS enterprises
{% else %}
MATCH (c)-[:IN_METRO]->(region:MetroArea)
WITH region, total, sum(located * {{ per_province }}) AS enterprises
{% endif %}
RETURN region.code AS code, region.name_zh AS region_zh, region.name_en AS region_en, region.lat AS lat,
       region.lon AS lon, enterprises, round(10000.0 * enterprises / total) / 100 AS share
ORDER BY enterprises DESC, code
LIMIT $limit
