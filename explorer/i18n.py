"""Every user-facing string of the explorer, in Chinese and English. `t(key)` picks the current language."""

from __future__ import annotations

from typing import Any

from valuenet.model import MODEL

LANGS = ("zh", "en")

STRINGS: dict[str, tuple[str, str]] = {
    # app
    "app_title": ("中国人工智能产业价值网络", "China AI industry value network"),
    "language": ("语言 / Language", "Language / 语言"),
    "synthetic_banner": (
        "合成重建数据：此图包含生成的（非观测）节点或关系，带 ⚗ 标记。",
        "Synthetic reconstruction: this graph holds generated (not observed) nodes or relations, marked ⚗.",
    ),
    "no_engine": ("无法连接图数据库", "Cannot reach the graph engine"),
    "engine_hint": (
        "启动内置数据库：`valuenet server start`（或 `make run`），或设置 NEO4J_URI。",
        "Start the embedded engine with `valuenet server start` (or `make run`), or set NEO4J_URI.",
    ),
    "engine": ("引擎", "Engine"),
    # pages
    "page_ask": ("提问", "Ask"),
    "page_org": ("机构", "Organisation"),
    "page_network": ("网络概览", "Network overview"),
    "page_jobs": ("计算作业", "Jobs"),
    "page_console": ("Cypher 控制台", "Cypher console"),
    # ask
    "ask_intro": (
        "从问题库中选择一个问题，设置参数并运行。",
        "Pick a question from the library, set its parameters and run it.",
    ),
    "search_questions": ("搜索问题", "Search questions"),
    "question": ("问题", "Question"),
    "no_match": ("没有匹配的问题", "No question matches"),
    "parameters": ("参数", "Parameters"),
    "run": ("运行", "Run"),
    "any": ("（不限）", "(any)"),
    "org_search": ("搜索机构名称或别名", "Search organisation name or alias"),
    "org_hint": (
        "输入中文名、英文名、别名或编号的一部分，例如 华为、Tsinghua。",
        "Type part of a Chinese or English name, an alias or an id, e.g. 华为, Tsinghua.",
    ),
    "org_pick": ("选择机构", "Pick an organisation"),
    "org_none": ("没有找到机构", "No organisation found"),
    "params_changed": (
        "参数已更改：下面仍是上次运行的结果，点击“运行”更新。",
        "Parameters changed: below is still the previous answer; press Run to update it.",
    ),
    "invalid": ("参数无效", "Invalid parameters"),
    "query_failed": ("查询失败", "The query failed"),
    "rows": ("{n} 行，用时 {s:.2f} 秒", "{n} rows in {s:.2f} s"),
    "no_rows": ("没有结果", "No results"),
    "download_csv": ("下载 CSV", "Download CSV"),
    "table": ("表格", "Table"),
    "chart": ("图表", "Chart"),
    "map": ("地图", "Map"),
    "graph_view": ("网络图", "Network view"),
    "cypher_ran": ("显示运行的 Cypher 与参数", "Show the Cypher that ran, with its parameters"),
    "map_note_metro": ("都市圈没有地图，见表格。", "Metro areas have no map; see the table."),
    "edges_table": ("连线（{n}）", "Edges ({n})"),
    "capped": (
        "网络已截断：显示 {shown} / {total} 个节点（服务器端上限）。",
        "Network capped: showing {shown} of {total} nodes (server-side cap).",
    ),
    "not_connected": ("在最大跳数内不相连", "Not connected within the maximum number of hops"),
    "what_it_answers": ("说明", "What it answers"),
    "figures": ("复现的报告数据", "Report figures reproduced"),
    # org
    "org_intro": (
        "机构的属性、来源、分数与关系网络。",
        "An organisation's attributes, provenance, scores and network.",
    ),
    "attributes": ("属性", "Attributes"),
    "provenance": ("来源", "Provenance"),
    "editions": ("报告版本", "Report editions"),
    "sources": ("数据来源", "Sources"),
    "synthetic": ("合成", "synthetic"),
    "observed": ("观测数据", "observed"),
    "synthetic_badge": ("⚗ 合成重建", "⚗ synthetic reconstruction"),
    "scores": ("作业分数", "Scores from jobs"),
    "no_scores": (
        "尚无分数：运行 `valuenet jobs run`。",
        "No scores yet: run `valuenet jobs run`.",
    ),
    "score_history": ("分数历史（各次运行前列快照）", "Score history (top-k snapshots of runs)"),
    "ego": ("自我中心网络", "Ego network"),
    "depth": ("深度", "Depth"),
    "relation_types": ("关系类型", "Relation types"),
    "why_central": ("各关系类型的最强伙伴", "Strongest partners per relation type"),
    "no_partners": ("没有关系", "No relations"),
    "relations_by_type": ("按关系类型的关系数", "Relations by type"),
    "edge_legend": (
        "连线：{colours}；箭头 = 流向；⚗ = 合成。",
        "Edges: {colours}; arrows show the flow; ⚗ = synthetic.",
    ),
    # network
    "net_intro": (
        "整个价值网络的统计、度分布与社区。",
        "Statistics, degree distribution and communities of the value network.",
    ),
    "table3": ("网络统计（表3）", "Network statistics (Table 3)"),
    "methods": ("方法说明", "Methods"),
    "yes": ("是", "yes"),
    "no": ("否", "no"),
    "community_method": ("社区划分方法", "Community method"),
    "no_stats": (
        "尚无网络统计：运行 `valuenet jobs run network_stats`。",
        "No network statistics yet: run `valuenet jobs run network_stats`.",
    ),
    "stats_from": ("来自作业运行 {run}（{backend}，{started}）", "From job run {run} ({backend}, {started})"),
    "section": ("部分", "Section"),
    "degree_dist": ("度分布（双对数）", "Degree distribution (log-log)"),
    "degree": ("度数", "Degree"),
    "count": ("机构数", "Organisations"),
    "communities": ("社区及其主要成员", "Communities and their top members"),
    "no_communities": (
        "尚无社区：运行 `valuenet jobs run louvain`。",
        "No communities yet: run `valuenet jobs run louvain`.",
    ),
    "domestic_foreign": ("国内外构成（表4）", "Domestic vs foreign (Table 4)"),
    "sector_shares": (
        "核心产业与融合产业的技术流动",
        "Technology flows between the core and converged sectors",
    ),
    # jobs
    "jobs_intro": ("计算作业的运行历史。", "Run history of the graph-data-science jobs."),
    "no_runs": ("尚无运行记录：运行 `valuenet jobs run`。", "No runs yet: run `valuenet jobs run`."),
    "job": ("作业", "Job"),
    "all_jobs": ("全部作业", "All jobs"),
    "run_job": ("运行作业", "Run job"),
    "job_done": ("作业 {job} 完成：{status}，{s:.1f} 秒", "Job {job} finished: {status} in {s:.1f} s"),
    "job_failed": ("作业失败", "The job failed"),
    "runs": ("运行", "Runs"),
    "succeeded": ("成功", "succeeded"),
    "failed": ("失败", "failed"),
    "catalogue": ("作业目录", "Job catalogue"),
    "movers": ("升降（最近两次运行）", "Who rose, who fell (last two runs)"),
    # console
    "console_intro": (
        "只读 Cypher：读事务、始终回滚、拒绝写入，超时 {timeout:g} 秒，最多 {cap} 行。",
        "Read-only Cypher: READ transaction, always rolled back, writes refused, {timeout:g} s timeout, "
        "at most {cap} rows.",
    ),
    "schema": ("模式", "Schema"),
    "labels": ("标签", "Labels"),
    "rel_types": ("关系类型", "Relationship types"),
    "property_keys": ("属性键（抽样）", "Property keys (sampled)"),
    "query": ("查询", "Query"),
    "params_json": ("参数（JSON）", "Parameters (JSON)"),
    "bad_json": ("参数不是有效的 JSON 对象", "Parameters are not a valid JSON object"),
    "refused": ("已拒绝", "Refused"),
    "timeout": ("超时", "Timed out"),
    "query_memory": (
        "数据库引擎拒绝了这个查询：它需要的内存超过了引擎允许单个查询占用的上限。",
        "The engine refused this query: it needs more memory than the engine lets one query hold.",
    ),
    "memory_hint": (
        "可以缩小查询（加 LIMIT、更具体的 MATCH、少收集一些值），或给服务器更大的堆内存"
        "（VALUENET_HEAP，例如 4g，然后 `valuenet server stop` 再 `start`）。",
        "Narrow the query (a LIMIT, a more selective MATCH, fewer values collected), or give the server a "
        "larger heap (VALUENET_HEAP, e.g. 4g, then `valuenet server stop` and `start`).",
    ),
    "aggregate_stale_hint": (
        "这个问题是现场计数的，因为它本可读取的维护汇总 {name} 已过期或尚未计算。运行 "
        "`valuenet aggregates refresh` 重新计算后，这个问题会直接读取汇总。",
        "This question was counted live because the maintained aggregate it reads, {name}, is stale or not "
        "computed yet: `valuenet aggregates refresh` recomputes it, and the question then reads it instead.",
    ),
    "error_details": ("详细信息（原文）", "Details"),
    "bad_limits": ("设置超出范围", "Setting out of range"),
    "truncated": ("已达行数上限：只显示前 {cap} 行", "Row cap reached: showing the first {cap} rows"),
    "engine_warns": ("数据库引擎提示（原文）", "The engine warns"),
    "examples": ("示例", "Examples"),
    # start page
    "page_start": ("首页", "Start"),
    "start_title": ("中国人工智能产业价值网络", "China's AI-industry value network"),
    "start_intro": (
        "valuenet 把《中国新一代人工智能科技产业发展报告》中的样本企业与相关机构之间的"
        "技术、核心人力资本和投资关系做成一张知识图谱。"
        "用自己的话提问，或点击下面的问题，一次点击即可看到答案、地图和可下载的表格。",
        "valuenet turns the technology, core human capital and investment relations between the AI "
        "enterprises of China's New Generation AI industry reports and their partners into one knowledge "
        "graph. Ask in your own words, or click a question below: one click gives the answer, a map and a "
        "table to download.",
    ),
    "headline": ("这张图的规模", "This graph in figures"),
    "fig_orgs": ("机构", "Organisations"),
    "fig_samples": ("样本企业", "Sample enterprises"),
    "fig_foreign": ("国外机构占比", "Foreign organisations"),
    "fig_synthetic": ("其中合成数据占比", "of which synthetic"),
    "fig_relations": ("{dim}关系", "{dim} relations"),
    "headline_questions": ("从这里开始", "Start here"),
    "plain_search": ("用自己的话提问", "Ask in your own words"),
    "plain_placeholder": ("例如：谁在为广州汽车制造业赋能？", "e.g. who empowers car makers in Guangzhou?"),
    "plain_go": ("提问", "Ask"),
    "plain_reading": ("正在读这个问题……", "Reading the question ..."),
    "plain_not_understood": (
        "没能读懂这个问题。换个说法试试，或从下面的问题库中挑选。",
        "Could not read this question. Try other words, or pick one from the library below.",
    ),
    "read_as": (
        "“{text}”读作：{title}（{params}）。可在下方修改参数后重新运行。",
        "“{text}” read as: {title} ({params}). Change the parameters below and run again.",
    ),
    "loading_figures": ("正在统计这张图……", "Counting this graph ..."),
    # ask, more
    "running": ("正在回答：{title}", "Answering: {title}"),
    "elapsed": ("{text}（已用 {s:.1f} 秒）", "{text} ({s:.1f} s so far)"),
    "open_row_hint": (
        "选中一行（左侧的方框）即在本页打开该机构；点名称在新标签页打开。",
        "Select a row (the box on its left) to open its organisation here; a name opens it in a new tab.",
    ),
    "missing_note": (
        "{mark} 表示没有数值：未计算（作业尚未运行）或数据中没有。",
        "{mark} means no value: not computed (the jobs have not run) or not in the data.",
    ),
    "reading_graph": ("正在读取图……", "Reading the graph ..."),
    "running_query": ("正在运行查询……", "Running the query ..."),
    "running_job": ("正在运行作业：{job}", "Running job: {job}"),
    "timing": ("{n} 行 · 本次用时 {s:.2f} 秒", "{n} rows · this run took {s:.2f} s"),
    "timing_cached": (
        "{n} 行 · 本次用时 {s:.2f} 秒（已缓存的结果）",
        "{n} rows · this run took {s:.2f} s (cached answer)",
    ),
    "need_value": ("请填写：{names}", "Please fill in: {names}"),
    "bad_value": ("「{name}」的值不合适：{why}", "{name}: {why}"),
    "why_number_list": ("应为用逗号分隔的数字", "give numbers separated by commas"),
    "why_ascending": ("数字应从小到大排列", "the numbers must go up"),
    "why_range": ("应在 {lo} 到 {hi} 之间", "must be between {lo} and {hi}"),
    "why_number": ("应为数字", "must be a number"),
    "why_form": ("写法不对，见这一栏的说明", "not in the expected form; see the field's description"),
    "invalid_form": (
        "参数的写法不对，见各栏的说明",
        "A parameter is not in the expected form; see the fields",
    ),
    "print_view": ("打印视图", "Print view"),
    "print_hint": ("用浏览器打印此页（Ctrl+P）。", "Print this page from the browser (Ctrl+P)."),
    "provenance_note": (
        "数据来源：2020 与 2021 年版报告的观测数据{synthetic}。问题：{qid}。",
        "Source: observed data of the 2020 and 2021 reports{synthetic}. Question: {qid}.",
    ),
    "provenance_synthetic": (
        "，以及按报告数据校准的合成重建",
        ", and a synthetic reconstruction calibrated to the reports",
    ),
    "drill_province": ("点击地图上的省份查看其城市", "Click a province on the map to see its cities"),
    "drill_city": ("点击城市查看谁在当地赋能最多", "Click a city to see who empowers most there"),
    "hide_synthetic": ("隐藏合成机构", "Hide synthetic organisations"),
    "top_partners": ("显示的伙伴数", "Partners shown"),
    "expand_hint": ("点击节点展开它的伙伴；点击名称打开机构页面。", "Click a node to expand its partners."),
    "expanded": ("已展开：{names}", "Expanded: {names}"),
    "reset_expand": ("收起", "Collapse"),
    "questions_about": ("关于该机构的问题", "Questions about this organisation"),
    "explain": ("为何处于中心", "Why central"),
    "explain_degree": (
        "{name}共有 {total} 条{type}关系（{parts}），多于 {pct} 的机构。",
        "{name} has {total} {type} relations ({parts}), more than {pct} of organisations.",
    ),
    "explain_partners": (
        "最主要的伙伴是{partners}，前 {k} 个伙伴占其关系的 {share}。",
        "Its main partners are {partners}; the top {k} account for {share} of its relations.",
    ),
    "explain_bridge": (
        "它的伙伴分属 {communities} 个社区（抽样 {sampled} 个伙伴），"
        "可在 {pairs} 对社区之间起桥梁作用，这是其中介中心度高的原因。",
        "Its partners belong to {communities} communities (sampled {sampled} partners): it can bridge "
        "{pairs} pairs of communities, which is why its betweenness is high.",
    ),
    "explain_rank": ("在「{job}」上排第 {rank} 位，{move}。", "Ranked {rank} on {job}; {move}."),
    "rank_up": ("比上次运行上升 {n} 位", "up {n} since the previous run"),
    "rank_down": ("比上次运行下降 {n} 位", "down {n} since the previous run"),
    "rank_same": ("与上次运行相同", "the same as in the previous run"),
    "rank_new": ("上次运行时不在前列", "not among the top in the previous run"),
    "explain_none": ("该机构没有关系。", "This organisation has no relations."),
    "scores_updated": ("分数更新于 {when}", "Scores updated {when}"),
    "movers_none": ("最近两次运行之间排名没有变化。", "No rank changed between the last two runs."),
    "movers_need_two": ("至少运行两次后才能比较升降。", "Rises and falls show after two runs."),
    "operator_only": (
        "只读模式：分数由运维人员更新（`valuenet explore --operator` 启用“运行作业”）。",
        "Read-only: scores are refreshed by the operators (`valuenet explore --operator` enables “Run job”).",
    ),
}

# Question groups (the `group` of a question header).
GROUPS: dict[str, tuple[str, str]] = {
    "who": ("谁与谁", "Who"),
    "rankings": ("排名", "Rankings"),
    "geography": ("地理", "Geography"),
    "network": ("网络", "Network"),
    "platforms": ("平台", "Platforms"),
    "sample": ("样本企业", "Sample enterprises"),
    "sectors": ("产业", "Sectors"),
    "editions": ("版本对比", "Editions"),
}


def _term(rel_type: str, term: str) -> tuple[str, str]:
    """The report's words for one side of a relationship type, as the graph model declares them."""
    names = MODEL.relationships[rel_type].terms[term]
    return names.zh, names.en


def _type_name(rel_type: str) -> tuple[str, str]:
    decl = MODEL.relationships[rel_type]
    return decl.zh, decl.en


# Names of the edge colours of network views (explorer.charts.PALETTE).
COLOUR_NAMES: dict[str, tuple[str, str]] = {
    "#5470c6": ("蓝", "blue"),
    "#91cc75": ("绿", "green"),
    "#fac858": ("黄", "yellow"),
    "#ee6666": ("红", "red"),
    "#73c0de": ("青", "cyan"),
    "#3ba272": ("深绿", "dark green"),
    "#fc8452": ("橙", "orange"),
    "#9a60b4": ("紫", "purple"),
}
# Organisation kinds and roles (labels), in the graph model's words.
LABEL_NAMES: dict[str, tuple[str, str]] = {
    label: (n.zh, n.en) for label, n in {**MODEL.organization.kinds, **MODEL.organization.roles}.items()
}
# Relationship types between organisations, in the graph model's words.
RELATION_TYPE_NAMES: dict[str, tuple[str, str]] = {t: _type_name(t) for t in MODEL.org_relationship_types}

# Values in results that readers see as chart categories or series (relation kinds, origins, tiers).
DATA_LABELS: dict[str, tuple[str, str]] = {
    "tech_input": _term("EMPOWERS", "incoming"),
    "tech_empowerment": _term("EMPOWERS", "outgoing"),
    "talent_study": _term("SUPPLIES_TALENT", "study"),
    "talent_work": _term("SUPPLIES_TALENT", "work"),
    "talent_unknown": ("人才：未知", "talent: unknown"),
    "financing_received": _term("INVESTS_IN", "incoming"),
    "investment_made": _term("INVESTS_IN", "outgoing"),
    "domestic": ("国内", "domestic"),
    "foreign": ("国外", "foreign"),
    "unknown": ("未知", "unknown"),
    "primary": ("第一产业", "primary sector"),
    "secondary": ("第二产业", "secondary sector"),
    "tertiary": ("第三产业", "tertiary sector"),
    "core": ("人工智能核心产业", "AI core sector"),
    "share": ("占比 %", "share %"),
    "edition_2020": ("2020年版", "2020 edition"),
    "edition_2021": ("2021年版", "2021 edition"),
}

# Question parameters, by name (the header's description follows in the widget label).
PARAM_LABELS: dict[str, tuple[str, str]] = {
    "industry": ("行业", "Industry"),
    "place": ("地区", "Place"),
    "side": ("哪一端在该地区", "Which end is in the place"),
    "edition": ("报告版本", "Report edition"),
    "limit": ("显示条数", "Rows"),
    "relation": ("关系", "Relation"),
    "within": ("范围", "Within"),
    "org": ("机构", "Organisation"),
    "source": ("起点机构", "From organisation"),
    "target": ("终点机构", "To organisation"),
    "depth": ("深度", "Depth"),
    "types": ("关系类型", "Relation types"),
    "max_nodes": ("最多节点数", "At most nodes"),
    "max_hops": ("最多跳数", "At most hops"),
    "kind": ("机构类型", "Kind"),
    "among": ("范围", "Among"),
    "origin": ("国内/国外", "Domestic/foreign"),
    "experience": ("经历", "Experience"),
    "field": ("应用领域", "Application field"),
    "investor": ("投资者", "Investor"),
    "min_shared": ("最少共同投资数", "At least shared investments"),
    "level": ("层级", "Level"),
    "metric": ("指标", "Metric"),
    "by": ("分组", "Group by"),
    "direction": ("方向", "Direction"),
    "section": ("门类", "Section"),
    "layer": ("技术层", "Technology layer"),
    "include_domestic": ("包含国内", "Include domestic"),
    "platform": ("平台", "Platform"),
    "attribute": ("属性", "Attribute"),
    "order": ("排序", "Order"),
    "exclude_kind": ("排除的机构类型", "Leave out kind"),
    "counterpart": ("只计对方为", "Count only partners that are"),
    "converged_only": ("只看融合产业", "Converged sectors only"),
    "tier": ("三次产业", "Sector tier"),
    "edges": ("分档下限", "Bin lower bounds"),
    "listed_only": ("只看上市公司", "Listed companies only"),
    "positive_only": ("忽略零值", "Ignore zero values"),
    "score": ("分数", "Score"),
}

# What a parameter means, for the widget's help, by name (a question's header may say more in English).
PARAM_HELP: dict[str, tuple[str, str]] = {
    "industry": (
        "国民经济行业分类 GB/T 4754-2017 的门类（如 C 制造业）或大类（如 C36 汽车制造业），"
        "AI 为人工智能核心产业",
        "a GB/T 4754-2017 section (C manufacturing) or division (C36 car making); AI is the AI core sector",
    ),
    "place": (
        "城市、省份、都市圈（京津冀、长三角、珠三角）或国家",
        "a city, a province, a metro area (JJJ, YRD, PRD) or a country",
    ),
    "within": ("只看某个省份或都市圈内的城市", "only the cities of one province or metro area"),
    "side": (
        "地区指接受方所在地、提供方所在地，或任一端",
        "whether the receiver, the provider or either end must be in the place",
    ),
    "edition": ("只看某一年版报告中的数据", "only what one edition of the report holds"),
    "limit": ("最多显示多少行", "how many rows to show at most"),
    "relation": ("按哪一类关系计数", "which kind of relation is counted"),
    "org": ("输入机构的中文名、英文名或别名", "type the organisation's Chinese or English name or alias"),
    "source": ("路径的起点机构", "where the path starts"),
    "target": ("路径的终点机构", "where the path ends"),
    "depth": ("1 = 直接伙伴，2 = 伙伴的伙伴", "1 = direct partners, 2 = partners of partners"),
    "types": ("计入哪些关系类型", "which relationship types count"),
    "max_nodes": ("网络最多显示的机构数", "at most this many organisations in the network"),
    "max_hops": ("路径最多经过几步", "at most this many steps"),
    "kind": ("只看某一类机构", "only organisations of this kind"),
    "exclude_kind": ("排除某一类机构（如表9排除投资机构）", "leave out organisations of this kind"),
    "among": ("样本企业、非样本机构或全部", "sample enterprises, other organisations, or all"),
    "origin": (
        "机构在国内还是国外（港澳台计为国内）",
        "domestic or foreign (HK, MO and TW count as domestic)",
    ),
    "counterpart": (
        "只计对方为样本企业（或非样本机构）的关系",
        "count only relations with sample (or other) organisations",
    ),
    "experience": ("前期学习经验或前期工作经验", "study or work experience"),
    "field": ("样本企业的应用领域", "the sample enterprises' application field"),
    "investor": ("只看包含该投资者的投资者对", "only pairs that include this investor"),
    "min_shared": ("两位投资者至少共同投资的企业数", "at least this many enterprises invested in together"),
    "level": ("按都市圈、省份或城市汇总", "by metro area, province or city"),
    "metric": ("比较哪一项", "what is compared"),
    "by": ("如何分组", "how rows are grouped"),
    "direction": ("技术流动的方向", "which way the technology flows"),
    "section": ("只看某个门类（一个字母 A–T）的伙伴", "only partners of one section (a letter A-T)"),
    "layer": ("只看某个技术层的样本企业", "only sample enterprises of this layer"),
    "include_domestic": ("也列出中国", "list China as well"),
    "platform": ("只看某个平台；留空为全部平台", "one platform; all when empty"),
    "attribute": ("样本企业的哪项属性", "which attribute of the sample enterprises"),
    "order": ("按总额还是平均值排序", "rank by total or by average"),
    "converged_only": ("不计核心产业内部的关系", "leave out relations within the core sector"),
    "tier": ("只看某一次产业", "only one sector tier"),
    "edges": (
        "分档的下限，从小到大，用逗号分隔，如 0,100000000,1000000000",
        "ascending lower bounds, e.g. 0,100000000",
    ),
    "listed_only": ("只看上市公司", "listed companies only"),
    "positive_only": ("忽略为零的值（如没有融资的企业）", "ignore zero values (e.g. no financing)"),
    "score": ("计算作业写入的分数", "a score written by the jobs"),
}

# Result columns as readers see them (a column not listed keeps its name).
COLUMN_LABELS: dict[str, tuple[str, str]] = {
    "id": ("编号", "id"),
    "code": ("代码", "code"),
    "lat": ("纬度", "latitude"),
    "lon": ("经度", "longitude"),
    "name": ("名称", "Name"),
    "provider": ("提供方", "Provider"),
    "receiver": ("接受方", "Receiver"),
    "receivers": ("接受方数", "Receivers"),
    "suppliers": ("供应方数", "Suppliers"),
    "location": ("所在地", "Location"),
    "examples": ("例子", "Examples"),
    "synthetic": ("合成", "Synthetic"),
    "relations": ("关系数", "Relations"),
    "share": ("占比 %", "Share %"),
    "province": ("省份", "Province"),
    "city": ("城市", "City"),
    "country": ("国家", "Country"),
    "region": ("地区", "Region"),
    "region_zh": ("地区", "Region"),
    "rank": ("排名", "Rank"),
    "score": ("分数", "Score"),
    "degree": ("度数", "Degree"),
    "institution": ("机构", "Institution"),
    "investor": ("投资者", "Investor"),
    "investor_a": ("投资者甲", "Investor A"),
    "investor_b": ("投资者乙", "Investor B"),
    "shared": ("共同投资数", "Shared"),
    "organization": ("机构", "Organisation"),
    "partner": ("伙伴", "Partner"),
    "links": ("关系数", "Relations"),
    "partner_degree": ("伙伴的关系数", "Partner's relations"),
    "partner_pagerank": ("伙伴的 PageRank", "Partner's PageRank"),
    "type": ("关系类型", "Relation type"),
    "direction": ("方向", "Direction"),
    "labels": ("类型", "Kinds"),
    "enterprises": ("企业数", "Enterprises"),
    "samples": ("样本企业数", "Sample enterprises"),
    "total": ("合计", "Total"),
    "domestic": ("国内", "Domestic"),
    "foreign": ("国外", "Foreign"),
    "unknown": ("未知", "Unknown"),
    "domestic_share": ("国内占比 %", "Domestic %"),
    "foreign_share": ("国外占比 %", "Foreign %"),
    "relation": ("关系", "Relation"),
    "dimension": ("维度", "Dimension"),
    "field": ("应用领域", "Application field"),
    "technology": ("核心技术", "Core technology"),
    "layer": ("技术层", "Layer"),
    "year": ("年份", "Year"),
    "edition": ("报告版本", "Edition"),
    "edition_2020": ("2020年版", "2020 edition"),
    "edition_2021": ("2021年版", "2021 edition"),
    "change": ("变化", "Change"),
    "change_pct": ("变化 %", "Change %"),
    "industry": ("行业", "Industry"),
    "industries": ("行业", "Industries"),
    "section": ("门类", "Section"),
    "tier": ("三次产业", "Tier"),
    "breakdown": ("分组", "Group"),
    "bin": ("分档", "Bin"),
    "lower": ("下限", "From"),
    "upper": ("上限", "To"),
    "value": ("数值", "Value"),
    "platform": ("平台", "Platform"),
    "domain": ("领域", "Domain"),
    "empowers": ("赋能数", "Empowers"),
    "inputs": ("输入数", "Inputs"),
    "investments": ("投资数", "Investments"),
    "amount_cny": ("金额（元）", "Amount (CNY)"),
    "total_cny": ("总额（元）", "Total (CNY)"),
    "average_cny": ("平均（元）", "Average (CNY)"),
    "financing_cny": ("融资额（元）", "Financing (CNY)"),
    "hops": ("步数", "Steps"),
    "job": ("作业", "Job"),
    "status": ("状态", "Status"),
    "started": ("开始时间", "Started"),
    "duration_s": ("用时（秒）", "Duration (s)"),
    "backend": ("计算后端", "Backend"),
    "nodes": ("节点数", "Nodes"),
    "relationships": ("关系数", "Relationships"),
    "error": ("错误", "Error"),
    "engine": ("引擎", "Engine"),
    "rank_now": ("本次排名", "Rank now"),
    "rank_before": ("上次排名", "Rank before"),
    "community": ("社区", "Community"),
    "size": ("规模", "Size"),
    "top_members": ("主要成员", "Top members"),
    "property": ("属性", "Property"),
    "editions": ("报告版本", "Editions"),
    "sources": ("数据来源", "Sources"),
    "title": ("名称", "Title"),
    "reproduces": ("复现", "Reproduces"),
    "description": ("说明", "Description"),
    "means": ("含义", "What it means"),
    "updated": ("更新于", "Updated"),
    "figure": ("指标", "Figure"),
    "only_through_platform": ("仅经平台可达", "Reachable only through it"),
}

# Groups of the place choices (cypher/choices/places.cypher names them in Chinese).
CHOICE_GROUPS: dict[str, tuple[str, str]] = {
    "省份": ("省份", "Provinces"),
    "都市圈": ("都市圈", "Metro areas"),
    "国家": ("国家", "Countries"),
}

# Job run statuses.
STATUS_NAMES: dict[str, tuple[str, str]] = {
    "succeeded": ("成功", "succeeded"),
    "failed": ("失败", "failed"),
    "running": ("运行中", "running"),
}

# Directions of a relation seen from an organisation.
DIRECTION_NAMES: dict[str, tuple[str, str]] = {"in": ("流入", "in"), "out": ("流出", "out")}

# What each score means, in one sentence, by the property the job writes.
SCORE_SENTENCES: dict[str, tuple[str, str]] = {
    "degree_tech": (
        "技术关系数：为它提供技术和它赋能的机构之和（报告表5）。",
        "Technology relations: the organisations that supply it plus those it empowers (Table 5).",
    ),
    "degree_tech_in": (
        "技术输入数：有多少机构为它提供技术。",
        "Technology input: how many organisations supply it.",
    ),
    "degree_tech_out": (
        "技术赋能数：它为多少机构提供技术。",
        "Empowerment: how many organisations it supplies.",
    ),
    "degree_talent_study": (
        "有多少样本企业的核心人员在这里学习过（报告表8）。",
        "How many sample enterprises' core people studied here (Table 8).",
    ),
    "degree_talent_work": (
        "有多少样本企业的核心人员在这里工作过（报告表8）。",
        "How many sample enterprises' core people worked here (Table 8).",
    ),
    "degree_invest_out": (
        "它投资了多少家样本企业（报告表9）。",
        "How many sample enterprises it invested in (Table 9).",
    ),
    "degree_invest_in": ("它获得了多少笔投资。", "How many investments it received."),
    "pagerank": (
        "影响力：为重要机构提供技术、人才或资金的机构得分更高。",
        "Influence: supplying technology, talent or money to important organisations scores higher.",
    ),
    "betweenness": (
        "中介程度：有多少机构之间的最短联系要经过它（结构洞）。",
        "Brokerage: how many shortest links between other organisations pass through it.",
    ),
    "harmonic": ("接近程度：它到网络中其他机构平均有多近。", "Closeness: how near it is to everyone else."),
    "community": (
        "它所在的社区（联系紧密的一群机构）。",
        "The community (a tightly linked group) it belongs to.",
    ),
    "community_leiden": ("用 Leiden 方法划分的社区。", "Its community by the Leiden method."),
    "component": (
        "它所在的连通部分（0 为最大的部分）。",
        "The connected part of the network it is in (0 = largest).",
    ),
    "clustering": ("它的伙伴之间彼此也相连的程度。", "How far its partners are linked to each other."),
}

# Allowed values of question parameters, shown next to the value in the widgets.
VALUE_LABELS: dict[str, tuple[str, str]] = {
    "tech": ("技术（输入+赋能）", "technology (input + empowerment)"),
    "tech_input": _term("EMPOWERS", "incoming"),
    "tech_empowerment": _term("EMPOWERS", "outgoing"),
    "talent": ("人才（学习+工作）", "talent (study + work)"),
    "study": _term("SUPPLIES_TALENT", "study"),
    "work": _term("SUPPLIES_TALENT", "work"),
    "financing": ("融资（投资样本企业者）", "financing (investors of samples)"),
    "investment": ("投资（样本企业对外）", "investment (by samples)"),
    "invest_made": _term("INVESTS_IN", "outgoing"),
    "invest_received": _term("INVESTS_IN", "incoming"),
    "acquires": _type_name("ACQUIRES"),
    "any": ("不限", "any"),
    "sample": ("样本企业", "sample enterprises"),
    "domestic": ("国内", "domestic"),
    "foreign": ("国外", "foreign"),
    "either": ("任一端", "either end"),
    "receiver": ("接受方", "receiver"),
    "provider": ("提供方", "provider"),
    "metro": ("都市圈", "metro area"),
    "province": ("省份", "province"),
    "city": ("城市", "city"),
    "total": ("合计", "total"),
    "average": ("平均", "average"),
    "core_to_other": ("核心产业 → 其他产业", "core sector → others"),
    "other_to_core": ("其他产业 → 核心产业", "others → core sector"),
    "tier": ("三次产业", "sector tier"),
    "samples": ("样本企业数", "sample enterprises"),
    **LABEL_NAMES,
}


def param_label(name: str, language: str | None = None) -> str:
    return pick(*PARAM_LABELS.get(name, (name, name.replace("_", " ").capitalize())), language)


def param_help(name: str, description: str = "", language: str | None = None) -> str:
    """A parameter's help in the page's language (the header's English words where none is written)."""
    zh, en = PARAM_HELP.get(name, ("", ""))
    return pick(zh, en or description, language) if (language or lang()) == "zh" else (en or description)


# An organisation's properties (graph model `organization.properties`) on its page, in the reader's words.
ATTRIBUTE_NAMES: dict[str, tuple[str, str]] = {
    "country": ("国家或地区", "Country or region"),
    "founded_year": ("成立年份", "Founded"),
    "listed": ("上市公司", "Listed"),
    "staff": ("员工人数", "Staff"),
    "revenue_cny": ("营业收入（元）", "Revenue (CNY)"),
    "market_value_cny": ("市值（元）", "Market value (CNY)"),
    "financing_total_cny": ("累计融资（元）", "Financing to date (CNY)"),
    "rd_intensity": ("研发投入占收入比", "R&D spending / revenue"),
    "rd_staff_share": ("研发人员占比", "R&D staff share"),
    "patents": ("专利数", "Patents"),
    "platform_domain": ("平台方向", "Platform domain"),
    "citations": ("报告中的出处", "Cited in the reports at"),
}


def attribute_name(prop: str, language: str | None = None) -> str:
    zh, en = ATTRIBUTE_NAMES.get(prop, (prop, prop))
    return pick(zh, en, language)


def column_label(name: str, language: str | None = None) -> str:
    zh, en = COLUMN_LABELS.get(name, (name, name))
    return pick(zh, en, language)


def kind_name(label: str, language: str | None = None) -> str:
    """An organisation label (kind or role) in the graph model's words."""
    zh, en = LABEL_NAMES.get(label, (label, label))
    return pick(zh, en, language)


def status_name(status: str, language: str | None = None) -> str:
    return pick(*STATUS_NAMES.get(status, (status, status)), language)


def direction_name(direction: str, language: str | None = None) -> str:
    return pick(*DIRECTION_NAMES.get(direction, (direction, direction)), language)


def relation_name(rel_type: str, language: str | None = None) -> str:
    """A relationship type's name alone (tables, legends)."""
    return pick(*RELATION_TYPE_NAMES.get(rel_type, (rel_type, rel_type)), language)


def score_sentence(prop: str, language: str | None = None) -> str:
    return pick(*SCORE_SENTENCES.get(prop, ("", "")), language)


def value_labels(language: str | None = None) -> dict[str, str]:
    """VALUE_LABELS in the current language; in English only where the label says more than the value."""
    en = (language or lang()) == "en"
    return (
        {k: v[1] for k, v in VALUE_LABELS.items() if v[1].lower() != k.lower()}
        if en
        else {k: v[0] for k, v in VALUE_LABELS.items()}
    )


def data_labels(language: str | None = None) -> dict[str, str]:
    """DATA_LABELS in the current (or given) language, for chart categories and series names."""
    i = 1 if (language or lang()) == "en" else 0
    return {k: v[i] for k, v in DATA_LABELS.items()}


def relation_type(rel_type: str, language: str | None = None) -> str:
    """A relationship type for a widget: its name in the current language, then the type itself."""
    zh, en = RELATION_TYPE_NAMES.get(rel_type, (rel_type, rel_type))
    return f"{pick(zh, en, language)} · {rel_type}"


def edge_colours(language: str | None = None) -> str:
    """Which colour is which relationship type, for the legend under network views."""
    from explorer.charts import RELATION_COLORS

    sep = ", " if (language or lang()) == "en" else "，"
    return sep.join(
        f"{pick(*COLOUR_NAMES[c], language)} = {relation_name(rel, language)}"
        for rel, c in RELATION_COLORS.items()
    )


def group(name: str, language: str | None = None) -> str:
    zh, en = GROUPS.get(name, (name, name))
    return en if (language or lang()) == "en" else zh


def lang() -> str:
    """The language chosen in the sidebar (session state `lang`), default Chinese."""
    import streamlit as st

    value = st.session_state.get("lang", "zh")
    return value if value in LANGS else "zh"


def t(key: str, **fmt: Any) -> str:
    zh, en = STRINGS[key]
    text = en if lang() == "en" else zh
    return text.format(**fmt) if fmt else text


def pick(zh: str | None, en: str | None, language: str | None = None) -> str:
    """A bilingual pair from the data: the current (or given) language's, else the other."""
    first, second = (en, zh) if (language or lang()) == "en" else (zh, en)
    return str(first or second or "")
