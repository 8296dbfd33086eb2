// title_zh: 焦点集合的机构数
// title_en: Number of organisations in the focal set
// answers: how many organisations carry the focal label (default :Sample); 0 means the graph declares no focal set and every organisation counts as focal (valuenet/focal.py)
// params: {}
MATCH ({{ focal_node('n') }}) RETURN count(n) AS n
