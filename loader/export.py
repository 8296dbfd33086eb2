"""Export the graph as neo4j-admin import CSVs and as Parquet tables.

Nodes are grouped by their key label in the graph model (`MODEL.key_labels`): `Organization` (key `id`)
and each dimension label (key `code`); each group is one ID space, so the CSV header reads
`id:ID(Organization)` / `code:ID(City)` and the key stays a property after the import. Relationships are
grouped by (type, start group, end group) with `:START_ID(<group>)`, `:END_ID(<group>)`, `:TYPE`.
Property headers carry their type (`founded_year:int`, `revenue_cny:long`, `rd_intensity:double`,
`listed:boolean`, `editions:int[]`, `sources:string[]`); arrays use neo4j-admin's default delimiter `;`.
"""

from __future__ import annotations

import csv
import re
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from valuenet import queries
from valuenet.model import MODEL

if TYPE_CHECKING:
    from valuenet.db import Graph

# The ID spaces of the import: every node group with its own key (organisations, then each dimension).
KEY_LABELS = MODEL.key_labels
ARRAY_DELIMITER = ";"
_INT32 = 2**31 - 1
_SAFE = re.compile(r"[^A-Za-z0-9_]+")


@dataclass
class ExportResult:
    files: list[Path] = field(default_factory=list)
    nodes: int = 0
    relationships: int = 0
    duration_s: float = 0.0
    admin_command: str | None = None
    warnings: list[str] = field(default_factory=list)


def _scalar_type(v: Any) -> str:
    if isinstance(v, bool):
        return "boolean"
    if isinstance(v, int):
        return "int" if -_INT32 - 1 <= v <= _INT32 else "long"
    if isinstance(v, float):
        return "double"
    return "string"


_ORDER = {"boolean": 0, "int": 1, "long": 2, "double": 3, "string": 4}


def _join(a: str | None, b: str) -> str:
    if a is None or a == b:
        return b
    if "boolean" in (a, b):
        return "string"
    return a if _ORDER[a] > _ORDER[b] else b


def value_type(values: list[Any]) -> tuple[str, bool]:
    """(element type, is_array) of a property over all its non-null values."""
    t: str | None = None
    is_array = False
    for v in values:
        if isinstance(v, list):
            is_array = True
            for x in v:
                t = _join(t, _scalar_type(x))
        else:
            t = _join(t, _scalar_type(v))
    return (t or "string"), is_array


def _coerce(v: Any, t: str) -> Any:
    if v is None:
        return None
    if t == "double":
        return float(v)
    if t == "string":
        return v if isinstance(v, str) else str(v)
    return v


def _admin_cell(v: Any, t: str, is_array: bool, clashes: list[str] | None = None) -> str:
    if v is None:
        return ""
    if is_array:
        items = v if isinstance(v, list) else [v]
        cells = [_admin_cell(x, t, False) for x in items]
        if clashes is not None and any(ARRAY_DELIMITER in c for c in cells):
            clashes.append(ARRAY_DELIMITER.join(cells))
        return ARRAY_DELIMITER.join(cells)
    if isinstance(v, bool):
        return "true" if v else "false"
    return str(_coerce(v, t))


def _header(name: str, t: str, is_array: bool) -> str:
    if t == "string" and not is_array:
        return name
    return f"{name}:{t}{'[]' if is_array else ''}"


def _group(labels: list[str], props: dict[str, Any]) -> tuple[str, str | None]:
    for label, key in KEY_LABELS:
        if label in labels and props.get(key) is not None:
            return label, key
    return _SAFE.sub("_", "_".join(sorted(labels)) or "Node"), None


def export_graph(
    graph: Graph,
    out_dir: Path,
    *,
    admin: bool = True,
    parquet: bool = True,
    progress: Callable[[str, int, int], None] | None = None,
) -> ExportResult:
    started = time.perf_counter()
    out_dir.mkdir(parents=True, exist_ok=True)
    res = ExportResult()
    n_nodes, n_rels = graph.counts()
    total = n_nodes + n_rels
    done = 0

    def tick() -> None:
        nonlocal done
        done += 1
        if progress and (done % 5000 == 0 or done == total):
            progress("export", done, total)

    # Nodes, grouped by key label.
    ident: dict[str, tuple[str, str]] = {}  # element id -> (group, id in the group)
    groups: dict[str, tuple[str | None, list[tuple[str, list[str], dict[str, Any]]]]] = {}
    for eid, labels, props in graph.stream(queries.text("loader/export_nodes")):
        labels = sorted(labels)
        props = dict(props or {})
        group, key = _group(labels, props)
        node_id = str(props[key]) if key else str(eid)
        ident[str(eid)] = (group, node_id)
        groups.setdefault(group, (key, []))[1].append((node_id, labels, props))
        tick()
    # Relationships, grouped by (type, start group, end group).
    rgroups: dict[tuple[str, str, str], list[tuple[str, str, dict[str, Any]]]] = {}
    for src, dst, rtype, props in graph.stream(queries.text("loader/export_relationships")):
        sg, sid = ident[str(src)]
        dg, did = ident[str(dst)]
        rgroups.setdefault((str(rtype), sg, dg), []).append((sid, did, dict(props or {})))
        tick()

    node_files: list[Path] = []
    rel_files: list[Path] = []
    clashes: list[str] = []
    for group in sorted(groups):
        key, rows = groups[group]
        rows.sort(key=lambda r: r[0])
        keys = sorted({k for _, _, p in rows for k in p if k != key})
        types = {k: value_type([p[k] for _, _, p in rows if p.get(k) is not None]) for k in keys}
        res.nodes += len(rows)
        if admin:
            path = out_dir / f"nodes_{group}.csv"
            with path.open("w", encoding="utf-8", newline="") as f:
                w = csv.writer(f)
                id_header = f"{key}:ID({group})" if key else f":ID({group})"
                w.writerow([id_header, ":LABEL", *(_header(k, *types[k]) for k in keys)])
                for node_id, labels, p in rows:
                    w.writerow(
                        [
                            node_id,
                            ARRAY_DELIMITER.join(labels),
                            *(_admin_cell(p.get(k), *types[k]) for k in keys),
                        ]
                    )
            node_files.append(path)
        if parquet:
            node_table: dict[str, list[Any]] = {
                "id" if key is None else key: [r[0] for r in rows],
                "labels": [r[1] for r in rows],
            }
            for k in keys:
                t, is_array = types[k]
                node_table[k] = [
                    ([_coerce(x, t) for x in v] if isinstance(v, list) else [_coerce(v, t)])
                    if is_array and v is not None
                    else _coerce(v, t)
                    for v in (p.get(k) for _, _, p in rows)
                ]
            res.files.append(_write_parquet(node_table, out_dir / f"nodes_{group}.parquet"))
    for rtype, sg, dg in sorted(rgroups):
        rows_r = rgroups[(rtype, sg, dg)]
        rows_r.sort(key=lambda r: (r[0], r[1], sorted(r[2].items(), key=str).__repr__()))
        keys = sorted({k for _, _, p in rows_r for k in p})
        types = {k: value_type([p[k] for _, _, p in rows_r if p.get(k) is not None]) for k in keys}
        res.relationships += len(rows_r)
        stem = f"relationships_{rtype}_{sg}_{dg}"
        if admin:
            path = out_dir / f"{stem}.csv"
            with path.open("w", encoding="utf-8", newline="") as f:
                w = csv.writer(f)
                w.writerow(
                    [f":START_ID({sg})", f":END_ID({dg})", ":TYPE", *(_header(k, *types[k]) for k in keys)]
                )
                for sid, did, p in rows_r:
                    w.writerow([sid, did, rtype, *(_admin_cell(p.get(k), *types[k], clashes) for k in keys)])
            rel_files.append(path)
        if parquet:
            rel_table: dict[str, list[Any]] = {
                "start_id": [r[0] for r in rows_r],
                "start_group": [sg] * len(rows_r),
                "end_id": [r[1] for r in rows_r],
                "end_group": [dg] * len(rows_r),
                "type": [rtype] * len(rows_r),
            }
            for k in keys:
                t, is_array = types[k]
                rel_table[k] = [
                    ([_coerce(x, t) for x in v] if isinstance(v, list) else [_coerce(v, t)])
                    if is_array and v is not None
                    else _coerce(v, t)
                    for v in (p.get(k) for _, _, p in rows_r)
                ]
            res.files.append(_write_parquet(rel_table, out_dir / f"{stem}.parquet"))
    res.files = node_files + rel_files + res.files
    if clashes:
        res.warnings.append(
            f"{len(clashes)} array value(s) contain the array delimiter {ARRAY_DELIMITER!r} and will split "
            f"differently on import, e.g. {clashes[0][:80]!r}"
        )
    if admin:
        args = (
            " ".join(f"--nodes={p}" for p in node_files)
            + " "
            + " ".join(f"--relationships={p}" for p in rel_files)
        )
        res.admin_command = (
            f"neo4j-admin database import full --array-delimiter='{ARRAY_DELIMITER}' {args} neo4j"
        )
    res.duration_s = time.perf_counter() - started
    if progress:
        progress("export", total, total)
    return res


def _write_parquet(columns: dict[str, list[Any]], path: Path) -> Path:
    import pyarrow as pa
    import pyarrow.parquet as pq

    pq.write_table(pa.table(columns), path)
    return path
