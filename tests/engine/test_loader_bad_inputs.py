"""The bad-input corpus (tests/data/bad_inputs/): every case states its exact outcome in cases.yaml.

A case is one file loaded through one of the mappings in templates.yaml (relation cases load
base_samples.csv first). The expected outcome is either `error` (the file cannot be read: the exact
message, and nothing was written) or the exact rejects (`[row, column, value, reason]`, in order), with
`read` rows; rows loaded + rows rejected = rows read is asserted for every file of every case.
"""

from __future__ import annotations

import copy
import csv
from pathlib import Path
from typing import Any

import pytest
import yaml

from loader import LoadError, load_mapping
from loader.dimensions import load_dimensions
from loader.load_report import LoadReport
from loader.mapping import from_dict
from valuenet.db import Graph

CORPUS = Path(__file__).resolve().parent.parent / "data" / "bad_inputs"
TEMPLATES = yaml.safe_load((CORPUS / "templates.yaml").read_text(encoding="utf-8"))
CASES: list[dict[str, Any]] = yaml.safe_load((CORPUS / "cases.yaml").read_text(encoding="utf-8"))
# Files other cases load first (a relation table's samples, a node table read before the case's own).
BASE_FILES = {"base_samples.csv", "ids_first.csv"}


def case_id(case: dict[str, Any]) -> str:
    return str(case.get("id", case["file"]))


def dataset_of(case: dict[str, Any]) -> str:
    return "bad-" + Path(case_id(case)).stem.replace("_", "-")


def case_mapping(case: dict[str, Any]) -> dict[str, Any]:
    fm = copy.deepcopy(TEMPLATES[case["template"]])
    fm["path"] = case["file"]
    for key in ("encoding", "sheet", "format", "delimiter"):
        if key in case:
            fm[key] = case[key]
    files = [fm]
    if case["template"] == "relations":
        files.insert(0, {**copy.deepcopy(TEMPLATES["base_samples"]), "path": "base_samples.csv"})
    for before in reversed(case.get("before", [])):
        files.insert(0, {**copy.deepcopy(TEMPLATES[case["template"]]), "path": before})
    doc = {"dataset": dataset_of(case), "edition": 2021, "licence": "test", "files": files}
    if "on_error" in case:
        doc["on_error"] = case["on_error"]
    return doc


def run_case(graph: Graph, case: dict[str, Any], tmp: Path) -> tuple[dict[str, Any], LoadReport | None]:
    m = from_dict(case_mapping(case), base_dir=CORPUS, name=case["file"])
    try:
        report = load_mapping(graph, m, rejects_path=tmp / "rejects.csv", allow_rejects=True)
    except LoadError as e:
        return {"error": str(e)}, None
    f = next(x for x in report.files if x.file == case["file"])
    out: dict[str, Any] = {"detected": f.encoding, "read": f.rows_read}
    rejects, warnings = [], []
    if report.rejects or report.warnings:
        with (tmp / "rejects.csv").open(encoding="utf-8-sig", newline="") as fh:
            for r in csv.DictReader(fh):
                line = [int(r["row"]), r["column"], r["value"], r["reason"]]
                if r["outcome"] == "row rejected":
                    rejects.append(line)
                else:
                    warnings.append([*line, r["outcome"]])
    if rejects:
        out["rejects"] = rejects
    if warnings:
        out["warnings"] = warnings
    if f.ignored_columns:
        out["ignored"] = f.ignored_columns
    return out, report


@pytest.fixture(scope="module")
def dim_graph(fresh_graph: Any) -> Graph:
    g: Graph = fresh_graph("bad")
    load_dimensions(g)
    return g


def test_corpus_is_large_enough() -> None:
    files = {c["file"] for c in CASES}
    on_disk = {p.name for p in CORPUS.iterdir() if p.suffix in (".csv", ".xlsx")}
    assert len(files) >= 40
    assert files <= on_disk
    assert on_disk - files == BASE_FILES, "every corpus file has a case"
    ids = [case_id(c) for c in CASES]
    assert len(ids) == len(set(ids)), "a file with two cases gives the second an `id`"


@pytest.mark.parametrize("case", CASES, ids=[case_id(c) for c in CASES])
def test_bad_input(dim_graph: Graph, case: dict[str, Any], tmp_path: Path) -> None:
    before = dim_graph.counts()
    outcome, report = run_case(dim_graph, case, tmp_path)
    expected = {
        k: case[k] for k in ("error", "detected", "read", "rejects", "warnings", "ignored") if k in case
    }
    assert outcome == expected
    if "error" in case:
        assert dim_graph.counts() == before, "a file that cannot be read must stop the load before writing"
        return
    assert report is not None
    for f in report.files:
        assert f.rows_loaded + f.rows_rejected == f.rows_read
    rejected_rows = {r[0] for r in case.get("rejects", [])}
    f = next(x for x in report.files if x.file == case["file"])
    assert f.rows_rejected == len(rejected_rows)
    assert f.rows_loaded == case["read"] - len(rejected_rows)
    for name in case.get("names", []):
        rows = dim_graph.run("MATCH (n:Organization {name_zh: $n}) RETURN n.sources AS s", {"n": name})
        assert len(rows) == 1, name
        assert dataset_of(case) in rows[0]["s"]
    for name, want in case.get("props", {}).items():  # null: the property is not set
        got = dim_graph.run("MATCH (n:Organization {name_zh: $n}) RETURN properties(n) AS p", {"n": name})
        assert {k: got[0]["p"].get(k) for k in want} == want, name
    for name in case.get("absent", []):  # not loaded by this case (an earlier case on the same file may have)
        rows = dim_graph.run(
            "MATCH (n:Organization {name_zh: $n}) WHERE $d IN n.sources RETURN n",
            {"n": name, "d": dataset_of(case)},
        )
        assert not rows, name
    for src, rtype, dst in case.get("relations", []):
        rows = dim_graph.run(
            "MATCH (a:Organization {name_zh: $a})-[r]->(b:Organization {name_zh: $b}) RETURN type(r) AS t",
            {"a": src, "b": dst},
        )
        assert rtype in [r["t"] for r in rows], (src, rtype, dst)
