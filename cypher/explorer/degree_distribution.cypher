// title_zh: 度分布
// title_en: Degree distribution of the value network
// answers: how many organisations have each number of value relations (the value network's types, either direction, whatever the other end)
// aggregate: org_degrees  # read when fresh (explorer/data.py); queries.text gives the live shape
// params:
//   focal_set: {type: str, description: "the stored shape's: the focal set org_degrees was computed for"}
{% if stored is defined and stored %}
// the distribution org_degrees keeps (parallel lists, degree 0 included) when fresh
MATCH (a:Aggregate {name: 'org_degrees', focal_set: $focal_set})
UNWIND range(0, size(a.value_degree) - 1) AS i
RETURN a.value_degree[i] AS degree, a.value_degree_organizations[i] AS organizations
ORDER BY degree
{% else %}
MATCH (o:Organization)
WITH COUNT { (o)-[:{{ value_types }}]-(:Organization) } AS degree
RETURN degree, count(*) AS organizations
ORDER BY degree
{% endif %}
