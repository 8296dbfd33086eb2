"""Plain words on the scale-1 reference graph: the lexicon comes from the graph's own names, and the
phrasings of tests/data/ are read as the question and parameters they mean (the accuracy explorer/README.md
reports)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from valuenet import plain_words as pw
from valuenet import questions
from valuenet.db import Graph

pytestmark = pytest.mark.slow

DATA = Path(__file__).resolve().parent.parent / "data"


@pytest.fixture(scope="module")
def lex(reference_graph: Graph) -> pw.Lexicon:
    return pw.lexicon_from_graph(reference_graph)


def _accuracy(lex: pw.Lexicon, name: str) -> tuple[float, list[str]]:
    cases: list[dict[str, Any]] = yaml.safe_load((DATA / name).read_text(encoding="utf-8"))
    misses = []
    for case in cases:
        r = pw.read(case["text"], lex)
        if (r.question, r.params) != (case["question"], case["params"]):
            misses.append(f"{case['text']} -> {r.question} {r.params}")
    return 1 - len(misses) / len(cases), misses


def test_phrasings_are_read_as_their_question_and_parameters(lex: pw.Lexicon) -> None:
    cases = yaml.safe_load((DATA / "plain_words_phrasings.yaml").read_text(encoding="utf-8"))
    assert len(cases) >= 60
    assert {c["question"] for c in cases} == set(questions.library())  # every question can be asked
    assert sum(1 for c in cases if c["text"].isascii()) >= 25  # English as well as Chinese
    accuracy, misses = _accuracy(lex, "plain_words_phrasings.yaml")
    assert accuracy >= 0.9, misses


def test_unseen_phrasings(lex: pw.Lexicon) -> None:
    accuracy, misses = _accuracy(lex, "plain_words_unseen.yaml")
    assert accuracy >= 0.9, misses


def test_every_reading_is_valid_for_its_question(lex: pw.Lexicon) -> None:
    for case in yaml.safe_load((DATA / "plain_words_phrasings.yaml").read_text(encoding="utf-8")):
        r = pw.read(case["text"], lex)
        if r.question:
            questions.get(r.question).validate(r.params)  # raises on a value the header does not allow


def test_names_come_from_the_graph_through_the_resolver(lex: pw.Lexicon) -> None:
    def meaning(text: str) -> list[object]:
        return [m.entries[0].value for m in pw.mentions(pw.normalise(text), lex)]

    assert meaning("广州") == ["440100"] and meaning("guangzhou") == ["440100"]  # the resolver's names
    assert meaning("huawei") == ["ref:华为"]
    assert not [w for w in lex.words if w.startswith("合成企业")]  # synthetic names are not typed by readers
