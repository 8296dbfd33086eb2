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
    "cypher_ran": ("运行的 Cypher 与参数", "The Cypher that ran, with its parameters"),
    "map_note_metro": ("都市圈没有地图，见表格。", "Metro areas have no map; see the table."),
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
    "why_central": (
        "为何处于中心：各关系类型的最强伙伴",
        "Why central: strongest partners per relation type",
    ),
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
    "jobs_disabled": (
        "运行按钮未启用（运维人员可设置 VALUENET_EXPLORER_JOBS=1）。",
        "Running jobs from here is disabled (operators enable it with VALUENET_EXPLORER_JOBS=1).",
    ),
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
    "truncated": ("已达行数上限：只显示前 {cap} 行", "Row cap reached: showing the first {cap} rows"),
    "examples": ("示例", "Examples"),
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
    zh, en = PARAM_LABELS.get(name, (name, name))
    return en if (language or lang()) == "en" else f"{zh}（{name}）"


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

    if (language or lang()) == "en":
        return ", ".join(f"{COLOUR_NAMES[c][1]} = {rel}" for rel, c in RELATION_COLORS.items())
    return "，".join(
        f"{COLOUR_NAMES[c][0]} = {RELATION_TYPE_NAMES[rel][0]} {rel}" for rel, c in RELATION_COLORS.items()
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
