// group: rankings
// title_zh: 按关系类型的度数排名
// title_en: Top organisations by degree for a relation type and direction
// answers: >
//   Degree centrality per relation type, as in the report's Tables 5-9: technology input = incoming EMPOWERS,
//   technology empowerment = outgoing EMPOWERS, tech = both; study / work = outgoing SUPPLIES_TALENT of that
//   experience (talent = both experiences); invest_made = outgoing INVESTS_IN, invest_received = incoming;
//   acquires = outgoing ACQUIRES. Filters: sample or relation nodes, kind label, domestic/foreign
//   (HK, MO and TW count as domestic), place (city, province, metro or country code), edition, and which
//   counterparts count (counterpart=sample counts only relations with sample enterprises: Table 9 ranks
//   investors by the number of sample enterprises invested).
// answers_zh: "按关系类型计的度数中心性，同报告表5–9：技术输入 = 指向它的 EMPOWERS，\
//   技术赋能 = 它发出的 EMPOWERS，技术 = 两者之和；学习 / 工作 = 它发出的该类经历的 \
//   SUPPLIES_TALENT（人才 = 两类经历）；对外投资 = 发出的 INVESTS_IN，\
//   获得投资 = 指向它的 INVESTS_IN；收购 = 发出的 ACQUIRES。\
//   筛选：样本企业或关系机构、机构类型、国内/国外（港澳台计为国内）、地区（城市、\
//   省份、都市圈或国家代码）、报告版本，以及只计哪类对方（只计对方为样本企业时：\
//   表9 按投资的样本企业数为投资机构排名）。"
// chart: bar
// params:
//   relation: {type: str, default: tech, allowed: [tech, tech_input, tech_empowerment, talent, study, work, invest_made, invest_received, acquires]}
//   among: {type: str, default: any, allowed: [any, sample, relation], description: 'sample nodes, relation (non-sample) nodes, or all'}
//   kind: {type: str, default: any, allowed: [any, model: kind_labels, Platform]}
//   exclude_kind: {type: str, default: none, allowed: [none, model: kind_labels, Platform], description: 'leave out organisations with this label (e.g. Investor, for Table 9 non-institution investors)'}
//   origin: {type: str, default: any, allowed: [any, domestic, foreign]}
//   counterpart: {type: str, default: any, allowed: [any, sample, relation], description: 'count only relations whose other end is a sample (or a relation) node'}
//   place: {type: str, dimension: [City, Province, MetroArea, Country], default: null, pattern: '[0-9]{6}|[A-Z]{2,3}', choices: places}
//   edition: {type: int, default: null, allowed: [2020, 2021]}
//   limit: {type: int, default: 20, min: 1, max: 1000}
// figures: [tech_degree_top30_sample_r*, tech_degree_top30_relation_r*, tech_input_top30_sample_r*, tech_empowerment_top30_sample_r*, tech_input_top20_relation_r*, tech_empowerment_top20_relation_r*, hc_study_top20_*, hc_work_top20_*, invest_top20_*]
// aggregate: org_degrees
// example: {relation: tech, among: sample, limit: 30}
{# the relation counted, seen from the ranked organisation o; x is the counterpart #}
{% set counted = {
  'tech': '-[r:EMPOWERS]-', 'tech_input': '<-[r:EMPOWERS]-', 'tech_empowerment': '-[r:EMPOWERS]->',
  'talent': '-[r:SUPPLIES_TALENT]->', 'study': '-[r:SUPPLIES_TALENT]->', 'work': '-[r:SUPPLIES_TALENT]->',
  'invest_made': '-[r:INVESTS_IN]->', 'invest_received': '<-[r:INVESTS_IN]-', 'acquires': '-[r:ACQUIRES]->',
}[choice.relation] %}
{% set counted_where = (["r.experience = '" ~ choice.relation ~ "'"] if choice.relation in ['study', 'work'] else [])
  + (['$edition IN r.editions'] if given.edition else [])
  + ([focal('x')] if choice.counterpart == 'sample' else [])
  + (['NOT ' ~ focal('x')] if choice.counterpart == 'relation' else []) %}
{# start from the most selective label: the kind, else the sample #}
{% set ranked = [focal('o')] if choice.kind != 'any' and choice.among == 'sample' else [] %}
{% set ranked = ranked + (['NOT ' ~ focal('o')] if choice.among == 'relation' else [])
  + (['NOT o:' ~ choice.exclude_kind] if choice.exclude_kind != 'none' else [])
  + ([('NOT ' if choice.origin == 'foreign' else '') ~ "coalesce(o.country, '') IN ['CN', 'HK', 'MO', 'TW']"]
     if choice.origin != 'any' else [])
  + (['(o.country = $place OR EXISTS { (o)-[:LOCATED_IN]->(pl) WHERE pl.code = $place }'
      ~ ' OR EXISTS { (o)-[:LOCATED_IN]->()-[:IN_PROVINCE|IN_METRO]->(g) WHERE g.code = $place })'] if given.place else []) %}
MATCH ({{ 'o:' ~ choice.kind if choice.kind != 'any' else (focal_node('o') if choice.among == 'sample' else 'o:' ~ org) }})
{% if ranked %}
WHERE {{ ranked | join('\n  AND ') }}
{% endif %}
{# org_degrees keeps the counts of every relation of a type and direction: read them when nothing else is asked #}
{% set kept = {
  'tech': 'o.links_EMPOWERS_out + o.links_EMPOWERS_in', 'tech_input': 'o.links_EMPOWERS_in',
  'tech_empowerment': 'o.links_EMPOWERS_out', 'talent': 'o.links_SUPPLIES_TALENT_out',
  'invest_made': 'o.links_INVESTS_IN_out', 'invest_received': 'o.links_INVESTS_IN_in', 'acquires': 'o.links_ACQUIRES_out',
}.get(choice.relation) if stored and not counted_where else none %}
{% if kept %}
WITH o, {{ kept }} AS degree
{% else %}
WITH o, COUNT { (o){{ counted }}(x){% if counted_where %} WHERE {{ counted_where | join(' AND ') }}{% endif %} } AS degree
{% endif %}
WHERE degree > 0
RETURN o.id AS id, o.name_zh AS name, o.name_en AS name_en, o.country AS country,
       [l IN labels(o) WHERE l <> '{{ org }}'] AS labels, degree, coalesce(o.synthetic, false) AS synthetic
ORDER BY degree DESC, name
LIMIT $limit
