"""What a load did: rows read/loaded/rejected per mapping entry, warnings, graph changes, duration, and the
problems file (rejects and warnings).

Every stage adds to it: read (rows per entry), validate and resolve (problems, notes), write (graph changes,
timings per write step). Counts are kept per mapping entry (`files[i]`), not per path, so a file that two
entries read is counted once for each: rows read = rows loaded + rows rejected for every entry.
"""

from __future__ import annotations

import csv
import json
from dataclasses import asdict, dataclass, field
from enum import StrEnum
from pathlib import Path
from typing import Any

PROBLEM_COLUMNS = ("file", "row", "column", "value", "reason", "outcome", "entry")
MAX_VALUE_CHARS = 200
# A cell starting with one of these is a formula to Excel and LibreOffice (OWASP, CSV injection); the
# full-width forms are folded to them by some spreadsheet locales.
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r", "\n", "＝", "＋", "－", "＠")


class Outcome(StrEnum):
    """What a problem did to its row."""

    rejected = "row rejected"  # nothing of the row was loaded
    value_dropped = "value dropped"  # the row loaded without this value
    link_dropped = "link dropped"  # the row's organisations loaded, its relationship did not
    noted = "loaded, noted"  # the row loaded as it is; something about it deserves a look


@dataclass(frozen=True)
class Problem:
    """One problem with one cell (or row): where (file, row as a spreadsheet numbers it, column), the
    value, the reason, and what it did. `entry` is the index of the mapping entry (`files.0` ...) that read
    the row."""

    file: str
    row: int
    column: str
    value: str
    reason: str
    outcome: Outcome = Outcome.rejected
    entry: int = 0

    @property
    def where(self) -> str:
        """`file:row:column`, as compilers and editors point at a place."""
        return f"{self.file}:{self.row}:{self.column}" if self.column else f"{self.file}:{self.row}"

    def short_value(self) -> str:
        v = self.value
        if len(v) > MAX_VALUE_CHARS:
            v = v[:MAX_VALUE_CHARS] + f"…({len(self.value)} characters)"
        return v

    def as_row(self) -> list[str]:
        """The problem as a CSV row, every cell safe to open in a spreadsheet."""
        cells = [self.file, str(self.row), self.column, self.short_value(), self.reason, self.outcome]
        cells.append(f"files.{self.entry}")
        return [spreadsheet_safe(c) for c in cells]


def spreadsheet_safe(text: str) -> str:
    """A cell a spreadsheet shows as text: one starting like a formula gets a leading apostrophe."""
    return "'" + text if text.startswith(_FORMULA_START) else text


@dataclass
class Problems:
    """The problems of one load as the stages find them, and which rows of each entry they reject."""

    items: list[Problem] = field(default_factory=list)
    rejected_rows: dict[int, set[int]] = field(default_factory=dict)  # entry -> rejected row numbers

    def add(
        self, entry: int, file: str, row: int, column: str, value: str, reason: str, outcome: Outcome
    ) -> None:
        self.items.append(Problem(file, row, column, value, reason, outcome, entry))
        if outcome is Outcome.rejected:
            self.rejected_rows.setdefault(entry, set()).add(row)

    def warnings_of(self, entry: int) -> int:
        return sum(1 for p in self.items if p.entry == entry and p.outcome is not Outcome.rejected)


@dataclass
class FileReport:
    file: str
    kind: str  # nodes | relations | taxonomy | crosswalk | chain
    encoding: str
    entry: int = 0  # the mapping entry's index (`files.<entry>`)
    rows_read: int = 0
    rows_loaded: int = 0
    rows_rejected: int = 0
    warnings: int = 0  # problems that did not reject their row (counted apart from the rows)
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
    nodes_unchanged: int = 0  # rows the graph held already: not written
    relationships_created: int = 0
    relationships_updated: int = 0
    relationships_unchanged: int = 0
    nodes_written: int = 0
    relationships_written: int = 0
    transactions: int = 0
    duration_s: float = 0.0
    write_s: float = 0.0
    dry_run: bool = False
    allow_rejects: bool = False
    rejects_path: str | None = None
    rejects: list[Problem] = field(default_factory=list)  # problems that rejected their row
    warnings: list[Problem] = field(default_factory=list)  # the others
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

    @property
    def changed(self) -> bool:
        """False when the graph already held everything the load says (nothing was written)."""
        return bool(
            self.nodes_created
            or self.nodes_updated
            or self.relationships_created
            or self.relationships_updated
        )

    @property
    def problems(self) -> list[Problem]:
        """Rejects and warnings in file order (as the problems file lists them)."""
        return sorted(self.rejects + self.warnings, key=lambda p: (p.entry, p.row))

    def as_dict(self) -> dict[str, Any]:
        d = asdict(self)
        d.pop("rejects")
        d.pop("warnings")
        d["rows_read"] = self.rows_read
        d["rows_loaded"] = self.rows_loaded
        d["rows_rejected"] = self.rows_rejected
        d["reject_lines"] = len(self.rejects)
        d["warning_lines"] = len(self.warnings)
        d["changed"] = self.changed
        d["rows_per_s"] = round(self.rows_read / self.duration_s, 1) if self.duration_s else None
        return d

    def write_json(self, path: Path) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps(self.as_dict(), ensure_ascii=False, indent=2) + "\n", encoding="utf-8")


def write_problems(problems: list[Problem], path: Path) -> None:
    """The problems as CSV (UTF-8 with BOM so that Excel shows the Chinese text; formulas neutralised)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8-sig", newline="") as f:
        w = csv.writer(f)
        w.writerow(PROBLEM_COLUMNS)
        for p in problems:
            w.writerow(p.as_row())
