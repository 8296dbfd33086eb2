"""The start page's headline questions: (Chinese, English, question id, parameters), the reports' first."""

from __future__ import annotations

from typing import Any

# The headline questions, first the one the reports open with; each link opens the answer (Ask runs a
# question whose URL carries it).
HEADLINES: tuple[tuple[str, str, str, dict[str, Any]], ...] = (
    (
        "谁在为广州汽车制造业赋能？",
        "Who empowers car makers in Guangzhou?",
        "who_empowers_industry_in_place",
        {"industry": "C36", "place": "440100"},
    ),
    (
        "技术赋能最多的前30家样本企业",
        "The 30 sample enterprises that empower the most",
        "top_by_degree",
        {"relation": "tech_empowerment", "among": "sample", "limit": 30},
    ),
    (
        "投资AI企业最多的机构",
        "Who invested in the most AI enterprises?",
        "top_by_degree",
        {"relation": "invest_made", "counterpart": "sample"},
    ),
    (
        "为AI企业输送核心人才最多的高校",
        "Universities where the most AI enterprises' core people studied",
        "top_by_degree",
        {"relation": "study", "kind": "University"},
    ),
    (
        "与样本企业技术合作最多的省份",
        "Provinces with the most technology relations",
        "provinces_ranked",
        {"relation": "tech"},
    ),
    (
        "与样本企业技术合作最多的国家",
        "Countries with the most technology relations",
        "countries_ranked",
        {"relation": "tech"},
    ),
    (
        "AI企业分布在哪些省份",
        "Where are the AI enterprises, by province?",
        "sample_by_region",
        {"level": "province"},
    ),
)
