// title_zh: 机构伙伴所属的社区（抽样）
// title_en: The communities of an organisation's partners (sampled)
// answers: >
//   how many communities (the Louvain job's `community`) a sample of the organisation's value-network partners
//   belong to: an organisation whose partners sit in many communities bridges them, which is what a high
//   betweenness means ("why central" on the organisation page)
// params:
//   id: {type: str, required: true, description: organisation id}
//   sample: {type: int, default: 200, description: partners looked at at most}
MATCH (o:Organization {id: $id})-[:{{ value_types }}]-(p:Organization)
WHERE p.community IS NOT NULL
WITH DISTINCT p LIMIT $sample
RETURN count(p) AS sampled, count(DISTINCT p.community) AS communities
