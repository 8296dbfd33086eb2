"""The dimension-name resolver without an engine: each rule, ties between levels of one area, messages in the
language of the text, names inside sentences, and question parameters that take names."""

from __future__ import annotations

from pathlib import Path

import pytest

from valuenet import queries, questions
from valuenet.resolve import PLACES, DimensionNames, Member, NameNotResolved, Rule, language, match_key

ROWS = [
    {
        "label": "Country",
        "code": "CN",
        "name_zh": "中国",
        "name_en": "China",
        "aliases": ["CHN", "中华人民共和国"],
    },
    {"label": "Country", "code": "US", "name_zh": "美国", "name_en": "United States", "aliases": ["USA"]},
    {"label": "Country", "code": "HK", "name_zh": "香港", "name_en": "Hong Kong", "aliases": ["中国香港"]},
    {
        "label": "Province",
        "code": "440000",
        "name_zh": "广东省",
        "short_zh": "广东",
        "name_en": "Guangdong",
        "within": "CN",
    },
    {
        "label": "Province",
        "code": "110000",
        "name_zh": "北京市",
        "short_zh": "北京",
        "name_en": "Beijing",
        "within": "CN",
    },
    {
        "label": "Province",
        "code": "220000",
        "name_zh": "吉林省",
        "short_zh": "吉林",
        "name_en": "Jilin",
        "within": "CN",
    },
    {
        "label": "Province",
        "code": "810000",
        "name_zh": "香港特别行政区",
        "short_zh": "香港",
        "name_en": "Hong Kong",
        "within": "CN",
    },
    {
        "label": "City",
        "code": "440100",
        "name_zh": "广州市",
        "short_zh": "广州",
        "name_en": "Guangzhou",
        "within": "440000",
    },
    {
        "label": "City",
        "code": "440300",
        "name_zh": "深圳市",
        "short_zh": "深圳",
        "name_en": "Shenzhen",
        "within": "440000",
    },
    {
        "label": "City",
        "code": "110100",
        "name_zh": "北京市",
        "short_zh": "北京",
        "name_en": "Beijing",
        "within": "110000",
    },
    {
        "label": "City",
        "code": "220100",
        "name_zh": "长春市",
        "short_zh": "长春",
        "name_en": "Changchun",
        "within": "220000",
    },
    {
        "label": "City",
        "code": "220200",
        "name_zh": "吉林市",
        "short_zh": "吉林",
        "name_en": "Jilin",
        "within": "220000",
    },
    {
        "label": "City",
        "code": "810100",
        "name_zh": "香港",
        "short_zh": "香港",
        "name_en": "Hong Kong",
        "within": "810000",
    },
    {"label": "MetroArea", "code": "PRD", "name_zh": "珠江三角洲", "name_en": "Pearl River Delta"},
    {"label": "Industry", "code": "C", "name_zh": "制造业", "name_en": "Manufacturing"},
    {
        "label": "Industry",
        "code": "C33",
        "name_zh": "金属制品业",
        "name_en": "Fabricated metal products",
        "within": "C",
    },
    {
        "label": "Industry",
        "code": "C31",
        "name_zh": "黑色金属冶炼和压延加工业",
        "name_en": "Smelting and pressing of ferrous metals",
        "within": "C",
    },
    {
        "label": "Industry",
        "code": "C36",
        "name_zh": "汽车制造业",
        "name_en": "Manufacture of automobiles",
        "within": "C",
    },
    {"label": "Industry", "code": "K", "name_zh": "房地产业", "name_en": "Real estate"},
    {"label": "Industry", "code": "K70", "name_zh": "房地产业", "name_en": "Real estate", "within": "K"},
    {"label": "Industry", "code": "AI", "name_zh": "人工智能核心产业", "name_en": "AI core industry"},
    {"label": "Industry", "code": None, "name_zh": "没有代码的行业"},
]
NAMES = DimensionNames.from_rows(ROWS)
INDUSTRY = ["Industry"]


def code(text: str, labels: list[str] | tuple[str, ...], pattern: str | None = None) -> str:
    return NAMES.resolve(text, labels, pattern).code


@pytest.mark.parametrize(
    ("text", "labels", "expected", "rule"),
    [
        ("C33", INDUSTRY, "C33", Rule.CODE),
        ("c36", INDUSTRY, "C36", Rule.CODE),
        ("prd", PLACES, "PRD", Rule.CODE),
        ("金属制品业", INDUSTRY, "C33", Rule.NAME),
        ("Fabricated metal products", INDUSTRY, "C33", Rule.NAME),
        ("fabricated  METAL products", INDUSTRY, "C33", Rule.NAME),
        ("Guangzhou", PLACES, "440100", Rule.NAME),
        ("广东省", PLACES, "440000", Rule.NAME),
        ("Pearl River Delta", PLACES, "PRD", Rule.NAME),
        ("广州", PLACES, "440100", Rule.SHORT),
        ("广东", PLACES, "440000", Rule.SHORT),
        ("USA", PLACES, "US", Rule.ALIAS),
        ("汽车制造", INDUSTRY, "C36", Rule.PART),
        ("人工智能", INDUSTRY, "AI", Rule.PART),
        ("automobiles", INDUSTRY, "C36", Rule.PART),
    ],
)
def test_each_rule_finds_its_node(text: str, labels: list[str], expected: str, rule: Rule) -> None:
    found_by, found = NAMES.lookup(text, labels)
    assert found_by is rule and [m.code for m in found] == [expected]
    assert code(text, labels) == expected


def test_the_first_rule_that_finds_anything_decides() -> None:
    # 香港 is the city's and the country's full name, only the province's short name
    rule, found = NAMES.lookup("香港", PLACES)
    assert rule is Rule.NAME and {m.code for m in found} == {"810100", "HK"}


def test_one_area_at_several_levels_is_one_answer_the_widest() -> None:
    assert code("北京", PLACES) == "110000"  # the municipality, not its only city
    assert code("Beijing", PLACES) == "110000"
    assert code("北京", ["City"]) == "110100"  # only cities asked for
    assert code("房地产业", INDUSTRY) == "K"  # the section, not its only division


def test_two_areas_with_one_name_are_ambiguous_and_listed() -> None:
    with pytest.raises(NameNotResolved) as e:
        NAMES.resolve("吉林", PLACES)
    assert e.value.ambiguous and [m.code for m in e.value.found] == ["220200", "220000"]  # finest label first
    assert e.value.message() == (
        "“吉林”可指多个城市或省份或都市圈或国家，请用代码指明：220200 吉林市（城市）、220000 吉林省（省份）"
    )
    with pytest.raises(
        NameNotResolved, match=r'"Hong Kong" names more than one .* 810000 Hong Kong \(province\), HK'
    ):
        NAMES.resolve("Hong Kong", PLACES)


def test_a_part_of_several_names_lists_them() -> None:
    with pytest.raises(NameNotResolved) as e:
        NAMES.resolve("金属", INDUSTRY)
    assert e.value.ambiguous and {m.code for m in e.value.found} == {"C31", "C33"}
    assert "请用代码指明" in str(e.value) and "C33 金属制品业（行业）" in str(e.value)


def test_unknown_names_get_near_matches_in_the_language_of_the_text() -> None:
    with pytest.raises(NameNotResolved) as e:
        NAMES.resolve("Guangzou", PLACES)  # a typo
    assert not e.value.found and e.value.near[0].code == "440100" and e.value.lang == "en"
    assert str(e.value).startswith(
        'no city, province, metro area or country named "Guangzou"; near matches: 440100'
    )
    with pytest.raises(NameNotResolved) as e:
        NAMES.resolve("汽车制造厂", INDUSTRY)
    assert e.value.near[0].code == "C36"
    assert str(e.value).startswith("没有名为“汽车制造厂”的行业；相近的有：C36 汽车制造业（行业）")
    with pytest.raises(NameNotResolved, match="也没有相近的名称"):
        NAMES.resolve("量子引力", INDUSTRY)


def test_too_short_a_part_finds_nothing() -> None:
    assert NAMES.lookup("金", INDUSTRY) == (Rule.PART, [])
    assert NAMES.lookup("ma", INDUSTRY) == (Rule.PART, [])


def test_a_pattern_keeps_only_codes_of_that_form() -> None:
    assert code("制造业", INDUSTRY, "[A-T]") == "C"
    with pytest.raises(NameNotResolved, match="没有名为“汽车制造业”的行业"):
        NAMES.resolve("汽车制造业", INDUSTRY, "[A-T]")  # a division where a section is wanted
    assert code("房地产业", INDUSTRY, "[A-T][0-9]{2}") == "K70"


def test_labels_not_asked_for_are_not_candidates() -> None:
    with pytest.raises(NameNotResolved):
        NAMES.resolve("广州", INDUSTRY)
    assert NAMES.of(["MetroArea"]) == [Member("MetroArea", "PRD", "珠江三角洲", "Pearl River Delta")]


def test_rows_without_a_code_are_left_out() -> None:
    assert all(m.code != "None" for m in NAMES.members) and len(NAMES.members) == len(ROWS) - 1


def test_mentions_in_a_sentence() -> None:
    found = NAMES.mentions("谁在为广州汽车制造业赋能？", [*PLACES, *INDUSTRY])
    assert [(m.text, [f.code for f in m.found]) for m in found] == [
        ("广州", ["440100"]),
        ("汽车制造业", ["C36"]),
    ]
    english = NAMES.mentions(
        "Who empowers Manufacture of automobiles in Guangzhou, USA?", [*PLACES, *INDUSTRY]
    )
    assert [(m.text, m.found[0].code) for m in english] == [
        ("Manufacture of automobiles", "C36"),
        ("Guangzhou", "440100"),
        ("USA", "US"),
    ]
    # latin spellings match whole words only: no US inside "business", no CN inside "CNC"
    assert NAMES.mentions("business with CNC machines", PLACES) == []
    ambiguous = NAMES.mentions("吉林的企业", PLACES)
    assert [f.code for f in ambiguous[0].found] == ["220200", "220000"] or len(ambiguous[0].found) == 2


def test_longest_mention_wins() -> None:
    # 北京市 (three characters) is taken, not 北京 inside it
    found = NAMES.mentions("北京市的汽车制造业", [*PLACES, *INDUSTRY])
    assert [(m.text, m.found[0].code) for m in found] == [("北京市", "110000"), ("汽车制造业", "C36")]


def test_match_key_and_language() -> None:
    assert match_key("Ｃ３３") == "c33" and match_key(" Pearl-River  Delta ") == "pearlriverdelta"
    assert match_key("计算机、通信和其他电子设备制造业") == "计算机通信和其他电子设备制造业"
    assert language("广州") == "zh" and language("Guangzhou") == "en" and language("C36") == "en"


# -- question parameters that take names ---------------------------------------------------------------------
WHO = questions.get("who_empowers_industry_in_place")


def test_a_question_resolves_names_to_codes() -> None:
    params = WHO.validate({"industry": "汽车制造业", "place": "广州"}, NAMES)
    assert params["industry"] == "C36" and params["place"] == "440100"
    assert WHO.validate({"industry": "C36", "place": "440100"}, NAMES)["industry"] == "C36"
    assert WHO.takes_names and not questions.get("countries_ranked").takes_names


def test_a_name_that_finds_nothing_is_a_question_error_naming_the_parameter() -> None:
    with pytest.raises(
        questions.QuestionError, match=r"^参数 industry：“金属”可指多个行业，请用代码指明：C31"
    ):
        WHO.validate({"industry": "金属", "place": "广州"}, NAMES)
    with pytest.raises(questions.QuestionError, match=r"^parameter 'place': no city, province"):
        WHO.validate({"industry": "C36", "place": "Atlantis"}, NAMES)
    with pytest.raises(questions.QuestionError) as e:
        WHO.validate({"industry": "'}) DETACH DELETE n //", "place": "广州"}, NAMES)
    assert (
        str(e.value)
        == "parameter 'industry': no industry named \"'}) DETACH DELETE n //\", and no name comes close"
    )


def test_a_code_of_the_right_form_without_a_node_is_kept() -> None:
    # the graph has no C99 node: the question runs and finds nothing, as with any code
    assert WHO.validate({"industry": "C99", "place": "440100"}, NAMES)["industry"] == "C99"
    with pytest.raises(questions.QuestionError, match="no industry named"):
        WHO.validate({"industry": "C999", "place": "440100"}, NAMES)  # not of the form: a name, unknown


def test_without_names_a_dimension_parameter_is_only_type_checked() -> None:
    assert WHO.validate({"industry": "金属制品业", "place": "广州"})["industry"] == "金属制品业"


def test_every_dimension_parameter_names_dimensions_of_the_model(tmp_path: Path) -> None:
    dims = {p.name: p.dimension for p in WHO.params.values() if p.dimension}
    assert dims == {"industry": ("Industry",), "place": PLACES}
    q = tmp_path / "badq.cypher"
    q.write_text(
        "// title_zh: 测试\n// title_en: T\n// answers: a\n// params:\n"
        "//   x: {type: str, dimension: Planet}\nRETURN $x\n"
    )
    with pytest.raises(questions.QuestionError, match=r"`dimension` names \['Planet'\], not dimensions"):
        questions._question(queries.parse(q, "badq"))


def test_an_analysts_category_names_the_industry_its_crosswalk_maps_to() -> None:
    from valuenet.resolve import best_targets

    rows = [
        {"label": "Industry", "code": "J", "name_zh": "金融业"},
        {"label": "Industry", "code": "J67", "name_zh": "资本市场服务", "within": "J"},
        {"label": "Industry", "code": "J68", "name_zh": "保险业", "within": "J"},
        {"label": "Industry", "code": "I65", "name_zh": "软件和信息技术服务业"},
        {"label": "Category", "code": "sw:801790", "name_zh": "非银金融"},
        {"label": "Category", "code": "sw:801750", "name_zh": "计算机"},
        {"label": "Category", "code": "sw:801780", "name_zh": "软件"},
    ]
    crosswalk = [
        {"category": "sw:801790", "industry": "J68", "weight": 0.4},
        {"category": "sw:801790", "industry": "J67", "weight": 0.6},
        {"category": "sw:801750", "industry": "I65", "weight": 1.0},
    ]
    assert best_targets(crosswalk) == {"sw:801790": "J67", "sw:801750": "I65"}
    names = DimensionNames(DimensionNames.from_rows(rows).members, best_targets(crosswalk))
    assert names.resolve("非银金融", ["Industry"]).code == "J67"  # no GB/T name has it: the crosswalk
    assert names.resolve("计算机", ["Industry"]).code == "I65"
    assert names.resolve("保险业", ["Industry"]).code == "J68"  # a GB/T name still wins
    with pytest.raises(NameNotResolved):
        names.resolve("非银金融", ["Industry"], pattern="[A-T]")  # J67 is not a section
    assert names.resolve("软件", ["Industry"]).code == "I65"  # no crosswalk: part of one GB/T name, as before
