// title_zh: 按比例缩放 GDS 写入的分数
// title_en: Scale the scores a GDS run wrote into its staging property
// answers: every organisation's staged score multiplied by a factor (gds.betweenness with samplingSize sums the sampled sources' dependencies without extrapolating them to all sources; the local backend, as Brandes-Pich, multiplies by nodes / sources)
// params:
//   property: {type: str}
//   factor: {type: float}
MATCH (n:{{ org }})
WHERE n[$property] IS NOT NULL
SET n[$property] = n[$property] * $factor
RETURN count(n) AS scaled
