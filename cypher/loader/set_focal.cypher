// title_zh: 记录本图的焦点集合
// title_en: Record this graph's focal set
// answers: keeps the focal set a mapping declares (`focal:`) in the graph, so jobs, questions and the report of this graph count relations with it
// params:
//   value: {type: str, doc: 'an organisation label, or all'}
//   dataset: {type: str, doc: the dataset id of the mapping that declared it}
MERGE (s:GraphSetting {key: 'focal_set'}) SET s.value = $value, s.dataset = $dataset
