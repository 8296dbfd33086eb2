// title_zh: 社区及其主要成员
// title_en: Communities and their top members
// answers: >
//   the communities written by a community job (property community = Louvain, community_leiden = Leiden),
//   largest first, with their members of highest PageRank (then technology degree)
// params:
//   property: {type: str, default: community, allowed: [community, community_leiden, component]}
//   k: {type: int, default: 8, description: members shown per community}
//   limit: {type: int, default: 30}
{{ published_key('property', 'key') }}
MATCH (o:Organization)
WHERE o[key] IS NOT NULL
WITH o[key] AS community, o
ORDER BY coalesce(o.pagerank, 0.0) DESC, coalesce(o.degree_tech, 0) DESC, o.id
WITH community, count(o) AS size, collect(o.name_zh)[..$k] AS top_members,
     sum(CASE WHEN o.synthetic = true THEN 1 ELSE 0 END) AS synthetic
RETURN community, size, top_members, synthetic
ORDER BY size DESC, community
LIMIT $limit
