"""The load of one mapping, stage by stage: read -> validate -> resolve -> write.

1. read (loader/read.py): every file of the mapping as a table (encoding, header, required columns);
2. validate (loader/validate.py): each row -> what it says about organisations and relations, or rejects;
3. resolve (loader/resolve.py): names -> ids, one node per organisation and one relationship per relation;
4. write (loader/write.py): batched, idempotent transactions.

Nothing is written before stage 4, so a file that cannot be read (or a mapping that links to dimensions the
graph lacks) stops the load untouched. `load_mapping` is the entry point behind `valuenet load`.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from loader import mapping as mapping_mod
from loader.load_report import LoadReport, Outcome, Problems, write_problems
from loader.mapping import Mapping
from loader.names import AliasTable
from loader.places import PlaceResolver
from loader.read import InputFileError, read_files
from loader.resolve import Resolved, resolve
from loader.validate import MEMBER_LABEL, KnownDimensions, validate
from loader.write import Progress, write
from valuenet import queries
from valuenet.collector import cycle_collector_paused

if TYPE_CHECKING:
    from valuenet.db import Graph

# Schema migrations the loader relies on: the key constraints (MERGE) and the name_key index.
REQUIRED_MIGRATIONS = {1, 10}


class LoadError(Exception):
    """The load stopped before writing anything (unreadable file, bad mapping, dimensions missing)."""


def crosswalks(graph: Graph | None, dims: KnownDimensions) -> dict[str, list[tuple[str, float]]]:
    """The crosswalks the graph holds for its taxonomies: category id -> [(GB/T code, weight)]."""
    if graph is None or not dims.taxonomies:
        return {}
    out: dict[str, list[tuple[str, float]]] = {}
    for r in graph.run(queries.text("loader/crosswalks"), {"taxonomies": sorted(dims.taxonomies)}):
        out.setdefault(str(r["category"]), []).append((str(r["industry"]), float(r["weight"] or 1.0)))
    return out


@dataclass
class Prepared:
    """A validated and resolved load, ready to write."""

    mapping: Mapping
    report: LoadReport
    resolved: Resolved


def prepare(
    graph: Graph | None,
    m: Mapping,
    *,
    mapping_name: str,
    progress: Progress | None = None,
) -> Prepared:
    """Stages 1-3. Raises LoadError (nothing written) when a file cannot be read or dimensions are missing;
    without a graph, validates against the shipped dimensions and resolves names within the load."""
    started = time.perf_counter()
    report = LoadReport(dataset=m.dataset, edition=m.edition, mapping=mapping_name, synthetic=m.synthetic)
    try:
        aliases = AliasTable.default([m.resolve(p) for p in m.aliases])
    except ValueError as e:
        raise LoadError(str(e)) from e
    if graph is not None:
        from valuenet import schema

        if not set(schema.applied(graph)) >= REQUIRED_MIGRATIONS:
            raise LoadError(
                "the graph lacks the constraints and indexes the loader relies on: run valuenet schema apply"
            )
    dims = KnownDimensions.from_graph(graph) if graph is not None else KnownDimensions.shipped()
    for fm in m.files:  # members of this load's taxonomies are known before any table is read
        if fm.taxonomy is not None:
            dims.taxonomies[fm.taxonomy.id] = MEMBER_LABEL[fm.taxonomy.of]
    missing = dims.missing_for(m)
    if missing:
        raise LoadError(
            f"the mapping links to dimensions that are not in the graph: {', '.join(missing)}. "
            "Load them first: valuenet load --dimensions"
        )
    problems = Problems()
    try:
        files = read_files(m, progress)
        observed = validate(
            files,
            m,
            aliases=aliases,
            places=PlaceResolver.default(),
            dims=dims,
            problems=problems,
            crosswalks=crosswalks(graph, dims),
        )
    except InputFileError as e:
        raise LoadError(str(e)) from e
    resolved = resolve(graph, observed, aliases=aliases, problems=problems)
    for f in files:
        f.report.rows_rejected = len(problems.rejected_rows.get(f.entry, ()))
        f.report.rows_loaded = f.report.rows_read - f.report.rows_rejected
        f.report.warnings = problems.warnings_of(f.entry)
        report.files.append(f.report)
    ordered = sorted(problems.items, key=lambda p: (p.entry, p.row))
    report.rejects = [p for p in ordered if p.outcome is Outcome.rejected]
    report.warnings = [p for p in ordered if p.outcome is not Outcome.rejected]
    report.notes.extend(resolved.notes)
    report.duration_s = time.perf_counter() - started
    return Prepared(m, report, resolved)


def focal_note(graph: Graph | None, setting: str, dataset: str) -> str:
    """Keep the focal set a mapping declares in `graph` (None: a dry run); what the load did about it."""
    from valuenet import focal

    what = "every organisation" if setting.strip().lower() == focal.ALL else f"the :{setting} organisations"
    if graph is None:
        return f"focal set: this mapping would make {what} this graph's focal set"
    changed = focal.declare(graph, setting, dataset)
    return f"focal set: {what}{' from now on' if changed else ', as before'} (VALUENET_FOCAL overrides it)"


@cycle_collector_paused()
def load_mapping(
    graph: Graph | None,
    mapping_path: str | Path | Mapping,
    *,
    allow_rejects: bool = False,
    rejects_path: str | Path | None = None,
    report_path: str | Path | None = None,
    progress: Progress | None = None,
    batch_size: int = 5000,
    dry_run: bool = False,
    strict: bool = False,
) -> LoadReport:
    """Validate and load one mapping into `graph`; the Python entry point behind `valuenet load`.

    Raises `LoadError` or `MappingError` before anything is written when the mapping or a file cannot
    be used. Rows that fail validation are left out, the valid rows are written, and the rejected ones
    are listed in the report's `rejects` (and in `rejects_path` as CSV). `report.ok` is False when rows
    were rejected; `allow_rejects` is recorded in the report (the CLI turns it into the exit code).
    `strict` writes nothing at all when any row was rejected (all or nothing).
    """
    if isinstance(mapping_path, Mapping):
        m, name = mapping_path, "(mapping object)"
    else:
        m, name = mapping_mod.load(mapping_path), str(mapping_path)
    prepared = prepare(graph, m, mapping_name=name, progress=progress)
    report = prepared.report
    report.dry_run = dry_run or graph is None
    report.allow_rejects = allow_rejects
    if rejects_path is not None and report.problems:
        write_problems(report.problems, Path(rejects_path))
        report.rejects_path = str(rejects_path)
    if strict and report.rejects:
        report.dry_run = True
        report.notes.append("strict: nothing was written because rows were rejected")
    if not report.dry_run:
        assert graph is not None
        write(graph, m, prepared.resolved, report, batch_size=batch_size, progress=progress)
    if m.focal is not None:
        report.notes.append(focal_note(None if report.dry_run else graph, m.focal, m.dataset))
    if report_path is not None:
        report.write_json(Path(report_path))
    return report
