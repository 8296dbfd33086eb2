"""Golden answers of the question library: which parameter sets are asked (tests/data/golden/cases.yaml),
how an answer is compared (row order kept, float rounding tolerated, set-like lists sorted, arbitrary
samples checked by size) and how the answers are captured.

Capture (only when an answer is meant to change; the files are test data, reviewed like code):

    python -m tests.golden_support hand        # the hand-built graph, on a fresh database of the server
    python -m tests.golden_support reference   # the scale-1 reference graph already loaded in the database

Both talk to the embedded server of VALUENET_HOME (its ports from the environment) or NEO4J_URI.
"""

from __future__ import annotations

import argparse
import functools
import json
import math
import uuid
from collections.abc import Callable
from pathlib import Path
from typing import Any

import yaml

from valuenet import questions
from valuenet.config import MAX_QUERY_TIMEOUT_S
from valuenet.db import Graph

GOLDEN = Path(__file__).parent / "data" / "golden"
GRAPHS = ("hand", "reference")
SAMPLE_SIZE = 5  # `collect(...)[..5]` examples: which five is the engine's choice, not part of the answer
# Columns whose list holds an arbitrary sample (compared by size, or as a set when shorter than the cap),
# and columns whose list is a set (compared sorted).
SAMPLES = {"examples"}
SETS = {"experiences", "edges", "nodes"}
LABELS = "labels"
# shortest_path: one of possibly several shortest paths; its length and ends are the answer.
PATH_ANSWER = ("hops", "first", "last")

# The shapes before the rewrite take minutes on a loaded machine: the longest timeout valuenet allows (a guard
# against a hang, not a time limit on the answer).
ASK_TIMEOUT_S = MAX_QUERY_TIMEOUT_S

Case = tuple[str, dict[str, Any]]


def cases(graph: str) -> list[Case]:
    """(question id, parameters) in file order, for `graph` ("hand" or "reference")."""
    spec = yaml.safe_load((GOLDEN / "cases.yaml").read_text(encoding="utf-8"))
    out: list[Case] = []
    for qid, groups in spec.items():
        for group in ("both", graph):
            out += [(qid, dict(params)) for params in groups.get(group) or []]
    return out


def case_id(qid: str, params: dict[str, Any]) -> str:
    return f"{qid}({json.dumps(params, ensure_ascii=False, sort_keys=True)})"


def path(graph: str) -> Path:
    return GOLDEN / f"{graph}.json"


@functools.cache
def load(graph: str) -> dict[str, list[dict[str, Any]]]:
    """The captured answers, by case id (read once; not to be modified)."""
    data: dict[str, list[dict[str, Any]]] = json.loads(path(graph).read_text(encoding="utf-8"))
    return data


def ask(g: Graph, qid: str, params: dict[str, Any]) -> list[dict[str, Any]]:
    return canonical(qid, questions.ask(g, qid, params, timeout=ASK_TIMEOUT_S)[2].rows)


def _key(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, sort_keys=True, default=str)


def canonical(qid: str, rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The rows as compared: set-like lists sorted; a shortest path reduced to its length and ends."""
    if qid == "shortest_path":
        return [{"hops": r["hops"], "first": r["names"][0], "last": r["names"][-1]} for r in rows]
    return [{k: _canonical_value(k, v) for k, v in r.items()} for r in rows]


def _canonical_value(column: str, value: Any) -> Any:
    """A node's labels are a set (ArcadeDB lists them sorted, Neo4j in its own order), wherever found."""
    if isinstance(value, dict):
        return {k: _canonical_value(k, v) for k, v in value.items()}
    if isinstance(value, list):
        items = [_canonical_value("", v) for v in value]
        return sorted(items, key=_key) if column in SETS or column == LABELS else items
    return value


def _same(expected: Any, actual: Any, column: str) -> bool:
    if column in SAMPLES and isinstance(expected, list) and isinstance(actual, list):
        if len(expected) < SAMPLE_SIZE:
            return sorted(map(_key, expected)) == sorted(map(_key, actual))
        return len(actual) == len(expected)
    if isinstance(expected, float) or isinstance(actual, float):
        if isinstance(expected, (int, float)) and isinstance(actual, (int, float)):
            return math.isclose(expected, actual, rel_tol=1e-9, abs_tol=1e-9)
        return False
    if isinstance(expected, dict) and isinstance(actual, dict):
        return expected.keys() == actual.keys() and all(_same(expected[k], actual[k], k) for k in expected)
    if isinstance(expected, list) and isinstance(actual, list):
        return len(expected) == len(actual) and all(
            _same(e, a, column) for e, a in zip(expected, actual, strict=True)
        )
    return bool(expected == actual) and isinstance(expected, bool) == isinstance(actual, bool)


def differences(expected: list[dict[str, Any]], actual: list[dict[str, Any]]) -> list[str]:
    """What differs, row by row and column by column (empty when the answers agree)."""
    out: list[str] = []
    if len(expected) != len(actual):
        out.append(f"{len(actual)} rows instead of {len(expected)}")
    for i, (e, a) in enumerate(zip(expected, actual, strict=False)):
        if e.keys() != a.keys():
            out.append(f"row {i}: columns {sorted(a)} instead of {sorted(e)}")
            continue
        out += [
            f"row {i} {k}: {_key(a[k])[:200]} instead of {_key(e[k])[:200]}"
            for k in e
            if not _same(e[k], a[k], k)
        ]
    return out[:10]


def capture(g: Graph, graph: str, progress: Callable[[str], None] = print) -> dict[str, Any]:
    answers: dict[str, Any] = {}
    for qid, params in cases(graph):
        answers[case_id(qid, params)] = ask(g, qid, params)
        progress(f"{case_id(qid, params)}: {len(answers[case_id(qid, params)])} rows")
    return answers


def _main() -> int:
    from tests.conftest import load_question_fixture
    from valuenet import schema, server
    from valuenet.config import ConnectionInfo, Settings
    from valuenet.db import connect

    ap = argparse.ArgumentParser(prog="python -m tests.golden_support", description=__doc__)
    ap.add_argument("graph", choices=GRAPHS)
    ap.add_argument(
        "--database", help="the database holding the reference graph (default: the configured one)"
    )
    args = ap.parse_args()
    settings = Settings()
    if args.graph == "hand":
        name = f"golden_hand_{uuid.uuid4().hex[:8]}"
        state = server.status(settings)
        assert state.uri and state.username and state.password, "start the embedded server first"
        server.create_database(settings, name)
        g = Graph(ConnectionInfo(state.uri, state.username, state.password, name, embedded=True))
        schema.apply(g)
        load_question_fixture(g)
    else:
        g = connect(settings) if not args.database else _database(settings, args.database)
        prepare_reference(g)
    answers = capture(g, args.graph)
    if args.graph == "hand":
        server.drop_database(settings, name)
    path(args.graph).write_text(
        json.dumps(answers, ensure_ascii=False, indent=1, sort_keys=False) + "\n", encoding="utf-8"
    )
    print(f"{len(answers)} answers written to {path(args.graph)}")
    return 0


def _database(settings: Any, name: str) -> Graph:
    from valuenet.config import connection_info

    info = connection_info(settings)
    return Graph(info.__class__(info.uri, info.username, info.password, name, info.embedded))


def prepare_reference(g: Graph) -> None:
    """The reference graph as the golden answers saw it: the degree_tech job's scores written (top_by_score
    reads them), no other job's."""
    from gds_jobs import catalogue
    from gds_jobs.local import LocalBackend
    from gds_jobs.runner import run_job

    run_job(g, catalogue.get("degree_tech"), backend=LocalBackend(g))


if __name__ == "__main__":
    raise SystemExit(_main())
