"""What a load did: rows read/loaded/rejected per file, graph changes, duration, and the rejects file.

Every stage adds to it: read (rows per file), validate and resolve (rejects, notes), write (graph changes,
timings per write step).
"""

from __future__ import annotations

import csv
import json
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

REJECT_COLUMNS = ("file", "row", "column", "value", "reason")
MAX_VALUE_CHARS = 200


@dataclass(frozen=True)
class Reject:
    file: str
    row: int
    column: str
    value: str
    reason: str

    def as_row(self) -> list[str]:
        v = self.value
        if len(v) > MAX_VALUE_CHARS:
            v = v[:MAX_VALUE_CHARS] + f"…({len(self.value)} characters)"
        return [self.file, str(self.row), self.column, v, self.reason]


@dataclass
class Rejects:
    """The rejects of one load as the stages find them, and which rows of each file they reject."""

    items: list[Reject] = field(default_factory=list)
    rows: dict[str, set[int]] = field(default_factory=dict)  # file -> rejected row numbers

    def add(self, file: str, row: int, column: str, value: str, reason: str) -> None:
        self.items.append(Reject(file, row, column, value, reason))
        self.rows.setdefault(file, set()).add(row)


@dataclass
class FileReport:
    file: str
    kind: str  # nodes | relations
    encoding: str
    rows_read: int = 0
    rows_loaded: int = 0
    rows_rejected: int = 0
    ignored_columns: list[str] = field(default_factory=list)


@dataclass
class LoadReport:
    dataset: str
    edition: int
    mapping: str
    synthetic: bool
    files: list[FileReport] = field(default_factory=list)
    nodes_created: int = 0
    nodes_updated: int = 0
    relationships_created: int = 0
    relationships_updated: int = 0
    nodes_written: int = 0
    relationships_written: int = 0
    transactions: int = 0
    duration_s: float = 0.0
    write_s: float = 0.0
    dry_run: bool = False
    allow_rejects: bool = False
    rejects_path: str | None = None
    rejects: list[Reject] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    timings: dict[str, float] = field(default_factory=dict)  # write step -> seconds

    @property
    def rows_read(self) -> int:
        return sum(f.rows_read for f in self.files)

    @property
    def rows_loaded(self) -> int:
        return sum(f.rows_loaded for f in self.files)

    @property
    def rows_rejected(self) -> int:
        return sum(f.rows_rejected for f in self.files)

    @property
    def ok(self) -> bool:
        return self.rows_rejected == 0

    def as_dict(self) -> dict[str, Any]:
        d = asdict(self)
        d.pop("rejects")
        d["rows_read"] = self.rows_read
        d["rows_loaded"] = self.rows_loaded
        d["rows_rejected"] = self.rows_rejected
        d["reject_lines"] = len(self.rejects)
        d["rows_per_s"] = round(self.rows_read / self.duration_s, 1) if self.duration_s else None
        return d

    def write_json(self, path: Path) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps(self.as_dict(), ensure_ascii=False, indent=2) + "\n", encoding="utf-8")


def write_rejects(rejects: list[Reject], path: Path) -> None:
    """The rejects as CSV (UTF-8 with BOM so that Excel shows the Chinese text)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8-sig", newline="") as f:
        w = csv.writer(f)
        w.writerow(REJECT_COLUMNS)
        for r in rejects:
            w.writerow(r.as_row())
