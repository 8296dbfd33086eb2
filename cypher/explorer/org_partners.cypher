// title_zh: 机构各关系类型的最强伙伴
// title_en: An organisation's strongest partners per relation type
// answers: >
//   "why central": for each relation type and direction, the partners linked most often to the organisation,
//   then the best connected ones (their own number of value relations), with their PageRank when the job ran
// aggregate: org_degrees  # read when fresh (explorer/data.py); queries.text gives the live shape
// params:
//   id: {type: str, required: true, description: organisation id}
//   k: {type: int, default: 5, description: partners per relation type and direction}
MATCH (o:Organization {id: $id})-[r]-(x:Organization)
WITH type(r) AS type, CASE WHEN startNode(r) = o THEN 'out' ELSE 'in' END AS direction, x, count(r) AS links
// the partners' own value relations: stored on each organisation by org_degrees when fresh (a hub's
// thousands of partners counted live took 2 s for 华为)
WITH type, direction, x, links,
{% if stored is defined and stored %}
     x.links_value AS partner_degree
{% else %}
     COUNT { (x)-[:{{ value_types }}]-(:Organization) } AS partner_degree
{% endif %}
ORDER BY type, direction, links DESC, partner_degree DESC, x.id
WITH type, direction,
     collect({id: x.id, name: x.name_zh, links: links, degree: partner_degree, pagerank: x.pagerank,
              synthetic: coalesce(x.synthetic, false)})[..$k] AS top
UNWIND top AS t
RETURN type, direction, t.id AS id, t.name AS partner, t.links AS links, t.degree AS partner_degree,
       t.pagerank AS partner_pagerank, t.synthetic AS synthetic
ORDER BY type, direction, links DESC, partner_degree DESC, id
