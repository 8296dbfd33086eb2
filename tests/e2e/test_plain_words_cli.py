"""`valuenet ask --text`: a sentence in plain words, answered as one JSON object, on the hand-built graph."""

from __future__ import annotations

import json

import pytest

from tests.cli_support import run_cli
from valuenet.config import Settings
from valuenet.db import Graph

pytestmark = pytest.mark.slow


def _ask(settings: Settings, g: Graph, *args: str) -> tuple[int, str, str]:
    done = run_cli(["ask", *args], settings, database=str(g.info.database))
    return done.returncode, done.stdout, done.stderr


def test_a_sentence_in_chinese_or_english_gives_the_same_answer(
    engine_settings: Settings, question_graph: Graph
) -> None:
    code, out, err = _ask(
        engine_settings, question_graph, "--text", "谁在为广州汽车制造业赋能？", "--format", "json"
    )
    assert code == 0, err
    answer = json.loads(out)  # one object and nothing else on stdout
    assert list(answer) == ["question", "params", "rows"]
    assert answer["question"] == "who_empowers_industry_in_place"
    assert answer["params"]["industry"] == "C36" and answer["params"]["place"] == "440100"
    assert {"瑞松科技", "明珞装备", "广州科腾"} <= {r["provider"] for r in answer["rows"]}
    code, out_en, err = _ask(
        engine_settings, question_graph, "--text", "who empowers car makers in Guangzhou", "--format", "json"
    )
    assert code == 0, err
    assert json.loads(out_en) == answer


def test_parameters_given_with_p_override_the_sentence(
    engine_settings: Settings, question_graph: Graph
) -> None:
    code, out, err = _ask(
        engine_settings, question_graph, "-t", "谁在为广州汽车制造业赋能", "-p", "side=receiver", "-f", "json"
    )
    assert code == 0, err
    assert json.loads(out)["params"]["side"] == "receiver"
    assert "read as: who_empowers_industry_in_place" in err


def test_a_sentence_naming_no_question_is_a_usage_error(
    engine_settings: Settings, question_graph: Graph
) -> None:
    code, out, err = _ask(engine_settings, question_graph, "--text", "今天天气怎么样", "--format", "json")
    assert code == 2 and out == ""
    assert "could not tell which question" in err and "Traceback" not in err
    code, _, err = _ask(engine_settings, question_graph)
    assert code == 2 and "give a question ID or --text" in err
