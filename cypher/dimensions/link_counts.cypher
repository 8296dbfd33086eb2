// title_zh: 各维度关系数
// title_en: Number of dimension links per type
// answers: how many relationships of each link type between reference dimensions (the shipped tables) the graph holds (one statement per type and pair of labels)
// params: {}
{% for type, a, b in model.reference_link_pairs() %}
MATCH (:{{ a }})-[r:{{ type }}]->(:{{ b }}) RETURN '{{ type }}' AS type, count(r) AS n;
{% endfor %}
