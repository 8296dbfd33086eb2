// group: who
// title_zh: 共同投资的投资者对
// title_en: Co-investment pairs
// answers: >
//   Pairs of investors that both invested in the same sample enterprises, ranked by the number of enterprises
//   they share; optionally only pairs that include a given investor.
// answers_zh: "共同投资过同一批样本企业的投资者对，按共同投资的企业数排名；可只看包含某位投资者的投资者对。"
// chart: table
// params:
//   investor: {type: str, default: null, choices: investors, description: 'organisation id or exact name; all pairs when empty'}
//   min_shared: {type: int, default: 2, min: 1, max: 1000}
//   edition: {type: int, default: null, allowed: [2020, 2021]}
//   limit: {type: int, default: 20, min: 1, max: 1000}
// figures: []
// example: {min_shared: 2}
// aggregate: co_investors
// aggregate_at_least: {min_shared: 2}
{% if stored %}
{% set variant = ('_' ~ choice.edition) if given.edition else '' %}
// the maintained pairs (valuenet/aggregates.py: those with at least aggregate_at_least investees in common)
MATCH (a:Aggregate {name: 'co_investors', focal_set: '{{ model.focal_set.label or 'all' }}'})
WHERE {{ aggregate_part('co_investors', 'financing', 'a') }}
// each list read once (an element read from the node's property reads the whole list); investors and
// example investees are named once in the part, pairs and examples are positions among them
WITH coalesce(a.pair_shared{{ variant }}, []) AS shared, a.pair_a AS firsts, a.pair_b AS seconds,
     a.investor_zh AS zh,
{% if given.investor %}
     [a.investor_id, a.investor_zh, a.investor_en] AS names,
{% endif %}
     a.investee_zh AS investees, a.pair_examples{{ variant }} AS examples,
     a.pair_examples_start{{ variant }} AS starts, a.investor_synthetic AS synthetic{{ ',' if not given.investor }}
{% if given.investor %}
UNWIND range(0, size(shared) - 1) AS k
{% else %}
{# the pairs in the question's order (most in common first): the first `limit` of them are the answer #}
     a.pair_order{{ variant }} AS ranked
UNWIND coalesce(ranked, [])[..$limit] AS k
{% endif %}
WITH k, shared[k] AS n, firsts[k] AS i, seconds[k] AS j, zh, investees, examples, starts,
     synthetic{{ ', names' if given.investor }}
WHERE n >= $min_shared
{% if given.investor %}
  AND any(side IN names WHERE side[i] = $investor OR side[j] = $investor)
{% endif %}
RETURN zh[i] AS investor_a, zh[j] AS investor_b, n AS shared,
       [e IN examples[starts[k]..starts[k + 1]] | investees[e]] AS examples, synthetic[i] OR synthetic[j] AS synthetic
ORDER BY shared DESC, investor_a, investor_b
LIMIT $limit
{% else %}
{% if given.investor %}
// from the one investor asked about: its investees, then their other investors
MATCH (i:{{ org }})
WHERE $investor IN [i.id, i.name_zh, i.name_en]
MATCH (i)-[r1:INVESTS_IN]->({{ focal_node('s') }})<-[r2:INVESTS_IN]-(o)
WHERE o <> i
{% if given.edition %}
  AND $edition IN r1.editions AND $edition IN r2.editions
{% endif %}
WITH CASE WHEN i.id < o.id THEN i ELSE o END AS a, CASE WHEN i.id < o.id THEN o ELSE i END AS b, s
{% else %}
// one pattern, one grouping: collecting each investor's investees first (then pairing them) doubled
// what the engine buffers and went over ArcadeDB's query heap budget at a 2g heap on the reference graph
MATCH (a:{{ org }})-[r1:INVESTS_IN]->({{ focal_node('s') }})<-[r2:INVESTS_IN]-(b:{{ org }})
WHERE a.id < b.id
{% if given.edition %}
  AND $edition IN r1.editions AND $edition IN r2.editions
{% endif %}
{% endif %}
WITH a, b, count(DISTINCT s) AS shared, collect(DISTINCT s.name_zh)[..5] AS examples
WHERE shared >= $min_shared
RETURN a.name_zh AS investor_a, b.name_zh AS investor_b, shared, examples,
       coalesce(a.synthetic, false) OR coalesce(b.synthetic, false) AS synthetic
ORDER BY shared DESC, investor_a, investor_b
LIMIT $limit
{% endif %}
