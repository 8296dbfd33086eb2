// title_zh: 各维度节点数
// title_en: Number of dimension nodes per label
// answers: how many nodes of each reference dimension label of the graph model (the shipped tables) the graph holds (one statement per label, each a label scan)
// params: {}
{% for label in model.reference_dimensions %}
MATCH (n:{{ label }}) RETURN '{{ label }}' AS label, count(n) AS n;
{% endfor %}
