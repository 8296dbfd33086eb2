"""The house rule that every query lives in a documented `.cypher` file, checked on every file without an
engine: a bilingual header that says what the query answers, parameters that parse, and exactly the
parameters the rendered query uses; plus how headers and statements are read."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from valuenet import queries, questions
from valuenet.model import MODEL

ALL_FILES = queries.list_dir(".")


@pytest.mark.parametrize("f", ALL_FILES, ids=[f.name for f in ALL_FILES])
def test_every_cypher_file_has_a_valid_header(f: queries.CypherFile) -> None:
    assert f.text, f"{f.path}: no query after the header"
    for key in ("title_zh", "title_en", "answers"):
        assert isinstance(f.meta.get(key), str) and f.meta[key].strip(), f"{f.path}: header lacks {key}"
    assert "params" in f.meta, f"{f.path}: header lacks params (write `params: {{}}` when there are none)"
    questions.parse_params(f.meta["params"], str(f.path))  # raises, naming the file and the parameter


# Template flags whose variant takes parameters of its own.
TEMPLATE_VARIANTS = {"jobs/gds/project": {"shuffled": True}}


@pytest.mark.parametrize("f", ALL_FILES, ids=[f.name for f in ALL_FILES])
def test_every_parameter_used_is_declared_and_every_declared_one_is_used(f: queries.CypherFile) -> None:
    """A question's query is rendered for the parameters in use (valuenet.questions): checked with every
    parameter given; a parameter may shape the text (`choice.<name>`) instead of being a `$parameter`."""
    declared = set(f.meta.get("params") or {})
    used = queries.used_parameters(f.text)
    shaping: set[str] = set()
    if f.name.startswith("questions/"):
        specs = questions.get(f.name.removeprefix("questions/")).params
        every_given = tuple(
            (n, True, p.default if p.default is not None else (p.allowed or [True])[0])
            if p.allowed is not None or p.type == "bool"
            else (n, True, None)
            for n, p in specs.items()
        )
        used |= queries.used_parameters(f.render(**questions.template_names(specs, every_given)))
        if questions.get(f.name.removeprefix("questions/")).aggregate:  # and its shape reading it
            stored = questions.template_names(specs, every_given, stored=True)
            used |= queries.used_parameters(f.render(**stored))
        shaping = {n for n in declared if f"choice.{n}" in f.source}
    elif f.meta.get("aggregate"):  # the explorer's: a stored shape reading it (explorer/data.py)
        used |= queries.used_parameters(f.render(stored=True))
    if f.name in TEMPLATE_VARIANTS:
        used |= queries.used_parameters(f.render(**TEMPLATE_VARIANTS[f.name]))
    assert sorted(used - declared) == [], f"{f.path}: used but not declared in the header"
    assert sorted(declared - used - shaping) == [], f"{f.path}: declared in the header but not used"


def test_used_parameters_ignore_strings_comments_and_quoted_names() -> None:
    query = (
        'MATCH (n {id: $id}) WHERE n.note = \'costs $5\' AND n.t = "it\\"s $x" // $commented\n'
        "/* $block\n $comment */ RETURN n.`$odd` AS `$alias`, $`quoted param` LIMIT $limit"
    )
    assert queries.used_parameters(query) == {"id", "quoted param", "limit"}


def test_a_comment_line_inside_params_is_refused_with_the_file_named(tmp_path: Path) -> None:
    p = tmp_path / "commented.cypher"
    p.write_text(
        "// title_zh: 测试\n// title_en: Test\n// answers: nothing\n// params:\n"
        "//   rows: {type: list}\n//   (existed: whether it was there)\nUNWIND $rows AS row RETURN row\n",
        encoding="utf-8",
    )
    f = queries.parse(p, "commented")
    with pytest.raises(
        questions.QuestionError, match=r"commented\.cypher: '\(existed' is not a parameter name"
    ):
        questions.parse_params(f.meta["params"], str(f.path))


@pytest.mark.parametrize(
    ("spec", "message"),
    [
        ("{type: text}", "unknown type 'text'"),
        ("{type: int, defualt: 3}", r"unknown keys \['defualt'\]"),
        ("int", "write its spec as a mapping"),
        ("{type: list, allowed: [model: cities]}", "`model: cities` is not one of"),
    ],
)
def test_bad_parameter_specs_are_clear_errors(spec: str, message: str) -> None:
    import yaml

    with pytest.raises(questions.QuestionError, match=f"x.cypher: parameter 'n': {message}"):
        questions.parse_params({"n": yaml.safe_load(spec)}, "x.cypher")


def test_header_parsing_and_statement_split(tmp_path: Path) -> None:
    p = tmp_path / "x.cypher"
    p.write_text(
        "// title_zh: 测试\n// title_en: Test\n// params:\n//   a: {type: int, default: 3}\n"
        "MATCH (n) // trailing comment\nRETURN n;\n// a comment between statements\nRETURN 2 AS 'a;b';\n",
        encoding="utf-8",
    )
    f = queries.parse(p, "x")
    assert f.meta == {"title_zh": "测试", "title_en": "Test", "params": {"a": {"type": "int", "default": 3}}}
    assert f.statements == ["MATCH (n) // trailing comment\nRETURN n", "RETURN 2 AS 'a;b'"]


def test_bad_header_is_a_clear_error(tmp_path: Path) -> None:
    p = tmp_path / "bad.cypher"
    p.write_text("// title_zh: [unclosed\nRETURN 1\n", encoding="utf-8")
    with pytest.raises(queries.QueryFileError, match="not valid YAML"):
        queries.parse(p, "bad")


# -- the questions, choices and explorer queries read the graph model ----------------------------------------
READERS = [f for f in ALL_FILES if f.name.split("/")[0] in ("questions", "choices", "explorer")]
_TYPE_LIST = re.compile(r"[A-Z][A-Z_]+(?:\s*[|,]\s*[A-Z][A-Z_]+)+")


@pytest.mark.parametrize("f", READERS, ids=[f.name for f in READERS])
def test_no_query_restates_the_value_types(f: queries.CypherFile) -> None:
    """Lists of the value relationship types come from the model (`value_types`, `org_rel_types`,
    `model: org_relationship_types` in a header), never written out again."""
    raw = f.path.read_text(encoding="utf-8")
    restated = [
        m for m in _TYPE_LIST.findall(raw) if set(MODEL.value_types) <= set(re.split(r"\s*[|,]\s*", m))
    ]
    assert restated == [], f"{f.path} restates the value relationship types"


def _shapes(f: queries.CypherFile) -> list[dict[str, object]]:
    """Template names for a file: none, or for a question each allowed value of each shaping parameter."""
    if not f.name.startswith("questions/"):
        return [{}]
    q = questions.get(f.name.removeprefix("questions/"))
    defaults = {n: p.default for n, p in q.params.items()}
    shapes = [defaults] + [
        {**defaults, n: v} for n, p in q.params.items() if f"choice.{n}" in f.source for v in p.allowed or ()
    ]
    return [questions.template_names(q.params, questions._shape(q.params, s)) for s in shapes]


def _renders_differ(f: queries.CypherFile, names: dict[str, object]) -> bool:
    return f.render(MODEL.with_focal("Platform"), **names) != f.render(**names)


def test_the_focal_rule_of_the_relation_questions_is_the_models() -> None:
    """The questions counting the value network's relations from the focal side, and the ones about the
    sample enterprises as a population, take the focal set from the model (a graph whose focal set is every
    organisation asks about every organisation); the sample's size per edition (edition_comparison) and the
    platforms' non-sample receivers (platform_brokers) still name the public label."""
    follows = {f.name for f in READERS if any(_renders_differ(f, names) for names in _shapes(f))}
    assert follows == {
        f"questions/{name}"
        for name in (
            "application_field_shares",
            "cities_ranked",
            "co_investment_pairs",
            "core_sector_flows",
            "core_technology_shares",
            "countries_ranked",
            "edition_comparison",
            "financing_by_province",
            "founding_years",
            "investors_of_field",
            "provinces_ranked",
            "relation_types_domestic_foreign",
            "sample_attribute_bins",
            "sample_attribute_top",
            "sample_by_region",
            "talent_sources",
            "tech_layer_shares",
            "top_by_degree",
        )
    }
    everyone = queries.load("questions/countries_ranked").render(MODEL.with_focal(None))
    assert "Sample" not in everyone and "MATCH (s:Organization)-[r:EMPOWERS]-(x)" in everyone
