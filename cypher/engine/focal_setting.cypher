// title_zh: 本图声明的焦点集合
// title_en: The focal set this graph declares
// answers: the focal set a mapping declared for this graph (`focal:`; an organisation label or `all`) and which dataset declared it; no row when none did (valuenet/focal.py)
// params: {}
MATCH (s:GraphSetting {key: 'focal_set'}) RETURN s.value AS value, s.dataset AS dataset
