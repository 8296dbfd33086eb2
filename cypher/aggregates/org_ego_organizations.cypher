// title_zh: 全部机构及其在自我中心网络中显示的属性（聚合 org_ego 的计算）
// title_en: Every organisation with what an ego network shows of it (computing the org_ego aggregate)
// answers: >
//   one row: per organisation its element id, id, Chinese and English names, country, labels besides the
//   organisation label and whether it is synthetic, as ego_network shows its nodes
// params: {}
MATCH (n:{{ org }})
RETURN collect([elementId(n), n.id, n.name_zh, n.name_en, n.country,
                [l IN labels(n) WHERE l <> '{{ org }}'], coalesce(n.synthetic, false)]) AS organizations
