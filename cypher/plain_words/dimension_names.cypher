// title_zh: 某类维度节点的名称（自然语言提问用）
// title_en: The names of one kind of dimension node (for questions in plain words)
// answers: >
//   code, Chinese and English name of every node of one dimension label (rendered from the graph model:
//   City, Province, MetroArea, Country, Industry, ApplicationField), as one row of lists so the words a
//   reader may type can be matched without a query per word
// params: {}
{% set label = label | default(model.dimensions | first) %}
MATCH (d:{{ label }})
RETURN collect(d.code) AS codes, collect(coalesce(d.name_zh, '')) AS names_zh,
       collect(coalesce(d.name_en, '')) AS names_en
