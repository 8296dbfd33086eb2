"""The plain-words reader on a small hand-made lexicon (no engine): what a sentence is matched to, how
names, numbers and words fill parameters, and what it does with a sentence it cannot place."""

from __future__ import annotations

import pytest

from valuenet import plain_words as pw
from valuenet import questions, resolve

# Dimension nodes as `cypher/choices/dimension_names` lists them (the resolver's rows).
DIMENSIONS = [
    {
        "label": "City",
        "code": "440100",
        "name_zh": "广州市",
        "name_en": "Guangzhou",
        "short_zh": "广州",
        "within": "440000",
    },
    {
        "label": "City",
        "code": "440300",
        "name_zh": "深圳市",
        "name_en": "Shenzhen",
        "short_zh": "深圳",
        "within": "440000",
    },
    {
        "label": "City",
        "code": "110100",
        "name_zh": "北京市",
        "name_en": "Beijing",
        "short_zh": "北京",
        "within": "110000",
    },
    {"label": "Province", "code": "110000", "name_zh": "北京市", "name_en": "Beijing", "short_zh": "北京"},
    {"label": "Province", "code": "440000", "name_zh": "广东省", "name_en": "Guangdong", "short_zh": "广东"},
    {
        "label": "Province",
        "code": "450000",
        "name_zh": "广西壮族自治区",
        "name_en": "Guangxi",
        "short_zh": "广西",
    },
    {"label": "MetroArea", "code": "PRD", "name_zh": "珠江三角洲", "name_en": "Pearl River Delta"},
    {"label": "Country", "code": "US", "name_zh": "美国", "name_en": "United States"},
    {"label": "Country", "code": "IN", "name_zh": "印度", "name_en": "India"},
    {"label": "Country", "code": "AD", "name_zh": "安道尔", "name_en": "Andorra", "aliases": ["AND"]},
    {"label": "Industry", "code": "C36", "name_zh": "汽车制造业", "name_en": "Manufacture of automobiles"},
    {"label": "Industry", "code": "C", "name_zh": "制造业", "name_en": "Manufacturing"},
    {"label": "Industry", "code": "AI", "name_zh": "人工智能核心产业", "name_en": "AI core industry"},
    {
        "label": "ApplicationField",
        "code": "fintech",
        "name_zh": "科技金融",
        "name_en": "Technology finance (fintech)",
    },
]
ORGS = [
    (
        "ref:华为",
        "华为",
        "Huawei (Huawei Technologies Co., Ltd., 华为技术有限公司)",
        ["华为技术有限公司"],
        False,
    ),
    ("ref:清华大学", "清华大学", "Tsinghua University", [], False),
    (
        "ref:广州汽车",
        "广州汽车",
        "",
        [],
        False,
    ),  # an organisation whose name overlaps a place and an industry
]


@pytest.fixture(scope="module")
def lex() -> pw.Lexicon:
    return pw.build_lexicon(resolve.DimensionNames.from_rows(DIMENSIONS), ORGS)


def read(text: str, lex: pw.Lexicon) -> tuple[str | None, dict[str, object]]:
    r = pw.read(text, lex)
    return r.question, r.params


def test_the_headline_sentence_in_chinese_and_english(lex: pw.Lexicon) -> None:
    want = ("who_empowers_industry_in_place", {"industry": "C36", "place": "440100"})
    assert read("谁在为广州汽车制造业赋能？", lex) == want
    assert read("Who empowers car makers in Guangzhou?", lex) == want
    assert read("谁为广州车企赋能", lex) == want  # a synonym from plain_words.yaml
    # full-width text is the same sentence
    assert read("谁在为广州汽车制造业赋能？", lex) == read("谁在为广州汽车制造业赋能?", lex)


def test_longer_names_win_and_names_are_not_read_inside_words(lex: pw.Lexicon) -> None:
    found = {m.text: m.entries[0].value for m in pw.mentions(pw.normalise("广州汽车制造业"), lex)}
    assert found == {"广州": "440100", "汽车制造业": "C36"}  # not the organisation 广州汽车 + 制造业
    # 'us' inside a word is not the United States; a whole name is
    assert not [m for m in pw.mentions("business in the united states", lex) if m.text == "us"]
    assert any(m.entries[0].value == "US" for m in pw.mentions("business in the united states", lex))
    # two-letter codes are words in a sentence: 'in' is not India, 'AI企业' not the AI core industry
    assert not [m for m in pw.mentions("who empowers car makers in guangzhou", lex) if m.text == "in"]
    assert read("投资AI企业最多的机构", lex)[1].get("industry") is None
    # three letters are a code or an alias only in capitals: 'and' is a word, AND is Andorra
    assert not [m for m in pw.mentions("core and converged", lex, "core and converged") if m.text == "and"]
    assert [m.entries[0].value for m in pw.mentions("and", lex, "AND")] == ["AD"]


def test_short_forms_of_places(lex: pw.Lexicon) -> None:
    for text, code in (("广州", "440100"), ("广东", "440000"), ("广西", "450000"), ("珠三角", "PRD")):
        assert [m.entries[0].value for m in pw.mentions(text, lex)] == [code], text


def test_a_name_shared_by_a_city_and_a_province_is_read_as_the_resolver_reads_it(lex: pw.Lexicon) -> None:
    # 北京 is one area at two levels (the municipality holds one city): the resolver takes the wider one,
    # as `valuenet ask -p place=北京` does
    assert read("谁赋能北京的制造业", lex)[1] == {"industry": "C", "place": "110000"}
    # cities_ranked's `within` takes a province or metro area: 北京 is the province there
    assert read("北京技术合作最多的城市", lex) == ("cities_ranked", {"within": "110000", "relation": "tech"})


def test_two_organisations_make_a_path(lex: pw.Lexicon) -> None:
    assert read("清华大学和华为之间的最短路径", lex) == (
        "shortest_path",
        {"source": "ref:清华大学", "target": "ref:华为"},
    )
    # English names are found by the part before the brackets, and by their aliases
    assert read("shortest path between Tsinghua University and Huawei", lex)[1]["target"] == "ref:华为"
    assert read("华为技术有限公司的合作伙伴", lex) == ("ego_network", {"org": "ref:华为"})


@pytest.mark.parametrize(
    ("text", "limit"),
    [("前30", 30), ("前三十", 30), ("前十", 10), ("前十五", 15), ("top 20", 20), ("5家", 5)],
)
def test_counts_become_the_limit(lex: pw.Lexicon, text: str, limit: int) -> None:
    assert read(f"{text}技术赋能最多的样本企业", lex)[1]["limit"] == limit


def test_a_count_above_the_maximum_is_capped_with_a_note(lex: pw.Lexicon) -> None:
    r = pw.read("前5000家技术赋能最多的样本企业", lex)
    assert r.params["limit"] == questions.get("top_by_degree").params["limit"].maximum
    assert r.notes and "5000" in r.notes[0]


def test_words_set_parameter_values(lex: pw.Lexicon) -> None:
    assert read("输送人才最多的高校", lex) == ("top_by_degree", {"relation": "study", "kind": "University"})
    # the sample enterprises are what was invested in: they name the counterpart, not who is ranked
    assert read("投资AI企业最多的机构", lex) == (
        "top_by_degree",
        {"relation": "invest_made", "counterpart": "sample"},
    )
    assert read("获得投资最多的样本企业", lex) == (
        "top_by_degree",
        {"relation": "invest_received", "among": "sample"},
    )
    # a value is renamed for a question that calls it otherwise
    assert read("投资关系最多的国家", lex) == ("countries_ranked", {"relation": "investment"})


def test_a_sentence_that_names_no_question(lex: pw.Lexicon) -> None:
    r = pw.read("今天天气怎么样", lex)
    assert r.question is None and r.params == {}


def test_every_rule_names_a_question_and_its_parameters() -> None:
    rules = pw.rules()
    lib = questions.library()
    assert {r.id for r in rules.questions} <= set(lib)
    for r in rules.questions:
        assert set(r.params) <= set(lib[r.id].params), r.id
