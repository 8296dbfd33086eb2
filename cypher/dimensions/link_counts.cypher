// title_zh: 各维度关系数
// title_en: Number of dimension links per type
// answers: how many relationships of each link type between dimensions in the graph model the graph holds (one statement per type)
// params: {}
{% for type, link in model.links.items() if link.from_ in model.dimensions %}
{% for to in link.to %}
MATCH (:{{ link.from_ }})-[r:{{ type }}]->(:{{ to }}) RETURN '{{ type }}' AS type, count(r) AS n;
{% endfor %}
{% endfor %}
