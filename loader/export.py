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
import hashlib
import json
import re
import shlex
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from valuenet import queries
from valuenet.model import MODEL

if TYPE_CHECKING:
    from valuenet.config import Settings
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
    node_files: list[Path] = field(default_factory=list)  # the admin CSVs, for `database import full`
    relationship_files: list[Path] = field(default_factory=list)


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


def _node_id(eid: Any, key: str | None, props: dict[str, Any]) -> str:
    """A node's ID in its group: its key, else (no key: no identity across engines) its element id."""
    return str(props[key]) if key else str(eid)


def admin_import_args(
    node_files: list[Path], relationship_files: list[Path], database: str, *, overwrite: bool = False
) -> list[str]:
    """`neo4j-admin database import full` arguments for the export's CSVs (strict: one bad row fails it)."""
    return [
        "database",
        "import",
        "full",
        database,  # first: --nodes and --relationships take several files, a name after them is one more
        f"--array-delimiter={ARRAY_DELIMITER}",
        "--multiline-fields=true",  # names and notes may hold line breaks (quoted by the csv module)
        "--bad-tolerance=0",
        *(["--overwrite-destination=true"] if overwrite else []),
        *(f"--nodes={p}" for p in node_files),
        *(f"--relationships={p}" for p in relationship_files),
    ]


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
        node_id = _node_id(eid, key, props)
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
    empty_arrays: list[str] = []  # an empty cell is no value in neo4j-admin CSV: [] cannot be written
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
                    empty_arrays += [f"{group} {node_id} {k}" for k in keys if p.get(k) == []]
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
                    empty_arrays += [f"{rtype} {sid}->{did} {k}" for k in keys if p.get(k) == []]
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
    if empty_arrays:
        res.warnings.append(
            f"{len(empty_arrays)} empty array value(s) have no neo4j-admin CSV form (an empty cell is no "
            f"value) and import as no property, e.g. {empty_arrays[0]}"
        )
    if admin:
        res.node_files, res.relationship_files = node_files, rel_files
        # For a Neo4j of one's own (docker compose: its default database `neo4j`); valuenet's local Neo4j
        # server imports with `valuenet export --import` (import_into_local_neo4j).
        res.admin_command = shlex.join(["neo4j-admin", *admin_import_args(node_files, rel_files, "neo4j")])
    res.duration_s = time.perf_counter() - started
    if progress:
        progress("export", total, total)
    return res


def neo4j_target(settings: Settings, *, overwrite: bool = False) -> Path:
    """The store `import_into_local_neo4j` writes: the `valuenet` database of the local Neo4j server in
    the state folder of `settings`. Raises ServerError when that server runs (neo4j-admin imports into a
    stopped database only) or holds a database already and `overwrite` is not set."""
    from valuenet import server
    from valuenet.config import DEFAULT_DATABASE
    from valuenet.engines import Paths, ServerError
    from valuenet.engines.neo4j import SERVER, server_home

    paths = Paths(settings.home)
    state = server.status(settings)
    if state.running and state.engine == SERVER.describe():
        raise ServerError(
            f"the Neo4j server in {paths.home} is running (pid {state.pid}): neo4j-admin imports into a "
            "stopped database only. Stop it first with `valuenet server stop`."
        )
    store = server_home(paths) / "data" / "databases" / DEFAULT_DATABASE
    if store.exists() and not overwrite:
        raise ServerError(
            f"{paths.home} already holds a Neo4j database ({store}). Pass --overwrite to replace it "
            "with the export."
        )
    return store


def import_into_local_neo4j(res: ExportResult, settings: Settings, *, overwrite: bool = False) -> str:
    """Import the export's admin CSVs with the assembled distribution's `neo4j-admin database import full`
    into the local Neo4j server's database (state folder of `settings`; start the server afterwards).
    Returns neo4j-admin's summary; raises ServerError with its output when it refuses the files."""
    from valuenet.config import DEFAULT_DATABASE
    from valuenet.engines import Paths
    from valuenet.engines.neo4j import run_admin

    neo4j_target(settings, overwrite=overwrite)
    paths = Paths(settings.home)
    report = paths.logs / "neo4j" / "import.report"
    report.parent.mkdir(parents=True, exist_ok=True)
    args = admin_import_args(
        [p.resolve() for p in res.node_files],
        [p.resolve() for p in res.relationship_files],
        DEFAULT_DATABASE,
        overwrite=overwrite,
    )
    done = run_admin(settings, paths, [*args, f"--report-file={report}"])
    # "IMPORT DONE in 1m 12s 237ms. / Imported: / 44597 nodes / 166313 relationships / ... properties"
    output = [line.strip() for line in (done.stdout + done.stderr).splitlines() if line.strip()]
    start = next((i for i, line in enumerate(output) if line.startswith("IMPORT DONE")), None)
    if start is None:
        return output[-1] if output else "imported"
    summary = output[start : start + 5]
    return " ".join(line for line in summary if not line.startswith("Peak memory"))


def _write_parquet(columns: dict[str, list[Any]], path: Path) -> Path:
    import pyarrow as pa
    import pyarrow.parquet as pq

    pq.write_table(pa.table(columns), path)
    return path


@dataclass(frozen=True)
class Fingerprint:
    """What an export must carry over: counts per label and per relationship type, and a checksum over
    every node's labels and properties and every relationship's type, ends (by key) and properties
    (empty arrays aside: see `_canonical`)."""

    labels: dict[str, int]
    relationship_types: dict[str, int]
    nodes: int
    relationships: int
    checksum: str


def _canonical(v: Any) -> Any:
    """A property value as both engines give it back: whole doubles as integers (an export column of mixed
    integers and doubles becomes `double`), other values as they are. (Properties holding an empty array
    are left out: neo4j-admin CSV cannot carry one, and the export warns how many there are.)"""
    if isinstance(v, list):
        return [_canonical(x) for x in v]
    if isinstance(v, float) and v.is_integer() and abs(v) < 2**53:
        return int(v)
    return v


def _digest_line(*parts: Any) -> str:
    """One node or relationship for the checksum; its properties (the last part) without empty arrays."""
    *head, props = parts
    props = {k: v for k, v in props.items() if v != []}
    return json.dumps(
        [_canonical(p) for p in [*head, props]], sort_keys=True, ensure_ascii=False, default=str
    )


def fingerprint(graph: Graph) -> Fingerprint:
    """The graph's Fingerprint, read through the export's own queries (schema bookkeeping excluded)."""
    labels: dict[str, int] = {}
    types: dict[str, int] = {}
    lines = digest_lines(graph, labels, types)
    nodes = sum(1 for line in lines if line.startswith('["node"'))
    checksum = hashlib.sha256("\n".join(lines).encode()).hexdigest()
    return Fingerprint(
        dict(sorted(labels.items())), dict(sorted(types.items())), nodes, len(lines) - nodes, checksum
    )


def digest_lines(
    graph: Graph, labels: dict[str, int] | None = None, types: dict[str, int] | None = None
) -> list[str]:
    """The sorted lines the checksum is taken over, one per node and relationship (to show what differs);
    counts per label and relationship type into `labels` and `types` on the way."""
    labels = {} if labels is None else labels
    types = {} if types is None else types
    ident: dict[str, tuple[str, str]] = {}
    lines: list[str] = []
    for eid, node_labels, props in graph.stream(queries.text("loader/export_nodes")):
        node_labels = sorted(node_labels)
        props = dict(props or {})
        group, key = _group(node_labels, props)
        ident[str(eid)] = (group, _node_id(eid, key, props) if key else "")
        for label in node_labels:
            labels[label] = labels.get(label, 0) + 1
        lines.append(_digest_line("node", node_labels, props))
    for src, dst, rtype, props in graph.stream(queries.text("loader/export_relationships")):
        types[str(rtype)] = types.get(str(rtype), 0) + 1
        lines.append(_digest_line("rel", str(rtype), ident[str(src)], ident[str(dst)], dict(props or {})))
    return sorted(lines)
