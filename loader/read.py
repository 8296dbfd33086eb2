"""Stage 1 of a load, read: every file of a mapping as a table of text, or `InputFileError` before anything
is written.

Files are CSV (UTF-8, UTF-8 with BOM, UTF-16, GBK/GB18030) or Excel; only the columns the mapping uses are
kept, as stripped text ('' = empty). Row numbers are what a spreadsheet shows: the header is row 1, the
first data row is row 2 (for CSV with line breaks inside quoted cells, the line where the record starts).
Blank rows, and rows whose cells are all empty, are skipped and not counted. A file that cannot be read as
a table raises `InputFileError` naming the file, and the row and column where there is one. A cell that is
read but cannot be trusted (a NUL byte in it, an Excel formula without a saved value) is a problem of its
row (`Table.problems`), for the validate stage to reject or drop; the other rows load.

A file that several mapping entries read (the same path, format, encoding, sheet and delimiter) is read once.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import sys
import zipfile
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from loader.load_report import FileReport
from loader.mapping import Cell, FileMapping, Kind, Mapping, OrgSpec

# Large cells are read, then rejected row by row against the mapping's max_field_length.
csv.field_size_limit(min(sys.maxsize, 2**31 - 1))

AUTO_ENCODINGS = ("utf-8-sig", "gb18030")
UTF8_BOM = b"\xef\xbb\xbf"
# A text table has NUL characters only by accident (a cell pasted from binary data); past this share of
# the characters, or in the header, the file is not text at all.
MAX_NUL_SHARE = 0.01
# (column, value, reason, rejects the row whatever the column's policy) of a cell read but not trusted.
CellProblem = tuple[str, str, str, bool]


class InputFileError(Exception):
    """A file that cannot be read as a table; nothing is written when this is raised."""

    def __init__(self, file: str, message: str, *, row: int | None = None, column: str | None = None) -> None:
        self.file = file
        self.row = row
        self.column = column
        self.reason = message
        where = file
        if row is not None:
            where += f", row {row}"
        if column is not None:
            where += f", column {column!r}"
        super().__init__(f"{where}: {message}")


@dataclass
class Table:
    """The cells of the columns a mapping uses, as stripped text ('' = empty)."""

    name: str  # the path as written in the mapping
    columns: list[str]  # every header of the file, in order
    encoding: str
    rows: list[int] = field(default_factory=list)  # row number of each record
    cells: dict[str, list[str]] = field(default_factory=dict)  # column -> one text per record
    problems: dict[int, list[CellProblem]] = field(default_factory=dict)  # record index -> its bad cells

    def __len__(self) -> int:
        return len(self.rows)


def decode(data: bytes, encoding: str, name: str) -> tuple[str, str]:
    """The text of a CSV file and the encoding used; InputFileError when it is not text."""
    if not data.strip():
        raise InputFileError(name, "the file is empty: expected a header row and at least one data row")
    if encoding.lower() == "auto":
        if data.startswith((b"\xff\xfe", b"\xfe\xff")):
            candidates: tuple[str, ...] = ("utf-16",)
        elif data[:4] == b"PK\x03\x04":
            raise InputFileError(
                name, "this is an Excel (xlsx) or other zip file, not CSV: set format: excel in the mapping"
            )
        elif data.startswith(UTF8_BOM):
            candidates = ("utf-8-sig",)  # the file says it is UTF-8: no other encoding may be guessed
        else:
            candidates = AUTO_ENCODINGS
    else:
        candidates = (encoding,)
    failures: list[tuple[str, UnicodeDecodeError]] = []
    for enc in candidates:
        try:
            text = data.decode(enc)
        except LookupError as e:
            raise InputFileError(name, f"unknown encoding {encoding!r} in the mapping") from e
        except UnicodeDecodeError as e:
            failures.append((enc, e))
            continue
        nuls = text.count("\x00")
        if nuls and (nuls > MAX_NUL_SHARE * len(text) or "\x00" in text.split("\n", 1)[0]):
            raise InputFileError(name, "not a text table: the file contains binary data (NUL bytes)")
        if enc == "utf-8-sig" and not data.startswith(UTF8_BOM):
            enc = "utf-8"
        return text, enc
    # Report the encoding that got furthest: its failure is the one that means something.
    enc, last = max(failures, key=lambda f: f[1].start)
    # utf-8-sig counts its positions after the byte order mark
    at = last.start + (len(UTF8_BOM) if enc == "utf-8-sig" and data.startswith(UTF8_BOM) else 0)
    line = data[:at].count(b"\n") + 1
    tried = " or ".join(c.replace("utf-8-sig", "utf-8") for c in candidates)
    auto = encoding.lower() == "auto"
    hint = "save it as UTF-8 (or GBK)" if auto else "set encoding: auto or the right codec"
    if auto and candidates == ("utf-8-sig",):
        gbk = _decodes(data[len(UTF8_BOM) :], "gb18030")
        raise InputFileError(
            name,
            f"the file starts with a UTF-8 byte order mark but byte {at} ({data[at : at + 1]!r}) "
            f"is not valid UTF-8 ({last.reason})"
            + ("; the rest reads as GBK: the file mixes two encodings" if gbk else "")
            + ". Save the whole file again as UTF-8 (or as GBK without the mark)",
            row=line,
        )
    raise InputFileError(
        name,
        f"cannot decode the file as {tried}: byte {at} ({data[at : at + 1]!r}) "
        f"is not valid {enc.replace('utf-8-sig', 'utf-8')} ({last.reason}); {hint}",
        row=line,
    )


def _decodes(data: bytes, encoding: str) -> bool:
    try:
        data.decode(encoding)
    except UnicodeDecodeError:
        return False
    return True


# (row number, cells, column index -> why the cell cannot be trusted)
Record = tuple[int, list[str], dict[int, str]]
NUL_REASON = "the cell contains a NUL byte (binary data): the row is rejected"
FORMULA_REASON = (
    "an Excel formula without a saved value ({formula}): open the workbook in Excel and save it, "
    "or export the sheet as CSV"
)


def _records_csv(text: str, delimiter: str, name: str) -> Iterator[Record]:
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True)
    has_nul = "\x00" in text
    start = 1
    while True:
        try:
            rec = next(reader)
        except StopIteration:
            return
        except csv.Error as e:
            msg = str(e)
            if "unexpected end of data" in msg:
                msg = "a quoted cell starting in this record is never closed"
            elif "expected after" in msg:
                msg = f'text after a closing quote ({msg}): write quotes inside a quoted cell as ""'
            raise InputFileError(name, f"not a valid CSV record: {msg}", row=start) from e
        if rec:
            bad = {j: NUL_REASON for j, x in enumerate(rec) if "\x00" in x} if has_nul else {}
            yield start, rec, bad
        start = reader.line_num + 1


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, dt.datetime):
        return value.date().isoformat() if value.time() == dt.time() else value.isoformat(sep=" ")
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value)


def _has_formulas(path: Path) -> bool:
    """Whether any sheet of the workbook holds a formula (a byte search, much cheaper than a second parse)."""
    with zipfile.ZipFile(path) as z:
        for info in z.infolist():
            if info.filename.startswith("xl/worksheets/") and info.filename.endswith(".xml"):
                data = z.read(info)
                if b"<f>" in data or b"<f " in data:
                    return True
    return False


def _records_excel(path: Path, sheet: str | int | None, name: str) -> Iterator[Record]:
    """The sheet's rows as text. Formulas come as their saved values; a formula the file has no saved value
    for (written by a program, never opened in Excel) is a bad cell, not an empty one."""
    import openpyxl  # type: ignore[import-untyped]
    from openpyxl.utils.exceptions import InvalidFileException  # type: ignore[import-untyped]

    try:
        wb = openpyxl.load_workbook(path, read_only=True, data_only=True)
        formulas = openpyxl.load_workbook(path, read_only=True) if _has_formulas(path) else None
    except (InvalidFileException, zipfile.BadZipFile, KeyError, OSError, ValueError) as e:
        raise InputFileError(name, f"not a readable Excel workbook (.xlsx): {type(e).__name__}") from e
    try:
        if sheet is None:
            index = 0
        elif isinstance(sheet, int):
            if not 0 <= sheet < len(wb.worksheets):
                raise InputFileError(name, f"no sheet number {sheet}; the workbook has {len(wb.worksheets)}")
            index = sheet
        else:
            if sheet not in wb.sheetnames:
                raise InputFileError(name, f"no sheet {sheet!r}; the sheets are {wb.sheetnames}")
            index = wb.sheetnames.index(sheet)
        rows = wb.worksheets[index].iter_rows(values_only=True)
        texts = formulas.worksheets[index].iter_rows(values_only=True) if formulas else None
        for i, values in enumerate(rows, start=1):
            written = next(texts, ()) if texts is not None else ()
            cells = [_cell(v) for v in values]
            bad = {
                j: FORMULA_REASON.format(formula=f)
                for j, f in enumerate(written)
                if isinstance(f, str) and f.startswith("=") and j < len(values) and values[j] is None
            }
            while cells and cells[-1] == "" and len(cells) - 1 not in bad:
                cells.pop()
            if cells:
                yield i, cells, bad
    finally:
        wb.close()
        if formulas is not None:
            formulas.close()


def read_table(
    path: Path,
    *,
    name: str,
    fmt: str,
    needed: Iterable[str],
    encoding: str = "auto",
    delimiter: str = ",",
    sheet: str | int | None = None,
) -> Table:
    """Read the file, check that every column in `needed` is there, and keep those columns."""
    if not path.exists():
        raise InputFileError(name, "the file does not exist (paths are relative to the mapping file)")
    if path.is_dir():
        raise InputFileError(name, "this is a folder, not a table")
    used_encoding = "xlsx"
    if fmt == "excel":
        records = _records_excel(path, sheet, name)
    else:
        text, used_encoding = decode(path.read_bytes(), encoding, name)
        records = _records_csv(text, delimiter, name)
    try:
        header_row, header, _ = next(records)
    except StopIteration:
        raise InputFileError(
            name, "the file is empty: expected a header row and at least one data row"
        ) from None
    header = [h.strip().lstrip("\ufeff") for h in header]
    seen: dict[str, int] = {}
    for i, h in enumerate(header):
        if not h:
            continue
        if h in seen:
            raise InputFileError(name, f"column {h!r} appears twice in the header", row=header_row, column=h)
        seen[h] = i
    want = list(dict.fromkeys(needed))
    if len(seen) == 1 and fmt == "csv" and len(want) > 1 and any(d in header[0] for d in ("\t", ";", "|")):
        raise InputFileError(
            name,
            f"the header has one column {header[0]!r}: is the separator a tab, ';' or '|'? "
            "set delimiter in the mapping",
            row=header_row,
        )
    missing = [c for c in want if c not in seen]
    if missing:
        raise InputFileError(
            name,
            f"missing required column {missing[0]!r} (the header has {[h for h in header if h]})",
            row=header_row,
            column=missing[0],
        )
    idx = [seen[c] for c in want]
    used = set(idx)
    width = len(header)
    table = Table(name=name, columns=[h for h in header if h], encoding=used_encoding)
    cols: list[list[str]] = [[] for _ in want]
    for row, rec, bad in records:
        if not any(x.strip() for x in rec) and not bad:
            continue  # a row of empty cells (",,,," as spreadsheets export them) is a blank line
        if len(rec) > width and any(x.strip() for x in rec[width:]):
            raise InputFileError(
                name,
                f"the record has {len(rec)} fields but the header has {width}: a quote or separator is off",
                row=row,
            )
        if bad:
            problems = [
                (header[j] if j < width else f"field {j + 1}", rec[j] if j < len(rec) else "", reason, fatal)
                for j, reason in sorted(bad.items())
                # a NUL anywhere makes the whole record suspect: it rejects the row, whatever the column
                for fatal in (reason == NUL_REASON,)
                if j in used or fatal
            ]
            if problems:
                table.problems[len(table.rows)] = [
                    (c, v.replace("\x00", "\\0"), r, f) for c, v, r, f in problems
                ]
        table.rows.append(row)
        n = len(rec)
        for j, k in enumerate(idx):
            cols[j].append(rec[k].strip() if k < n else "")
    if not table.rows:
        raise InputFileError(name, "the file has a header but no data rows", row=header_row)
    table.cells = dict(zip(want, cols, strict=True))
    return table


# -- the stage: every file of a mapping -------------------------------------------------------------------
@dataclass
class ReadFile:
    """One entry of the mapping, read: its index, its mapping entry, its table (shared with the other
    entries that read the same file) and its report (rows read so far)."""

    entry: int
    mapping: FileMapping
    table: Table
    report: FileReport


def _column(c: Cell | str | None) -> list[str]:
    if c is None:
        return []
    return [c] if isinstance(c, str) else [c.column]


def org_columns(spec: OrgSpec) -> list[str]:
    """Every column an organisation spec (a node table, or one end of a relation table) reads."""
    cols = _column(spec.name)
    for c in (spec.id, spec.name_en, spec.parent, spec.industry, spec.tech_layer):
        cols += _column(c)
    if spec.kind is not None and not isinstance(spec.kind, Kind) and spec.kind.column:
        cols.append(spec.kind.column)
    if spec.location:
        cols += [c.column for c in spec.location.columns().values()]
    cols += [lc.column for lc in (spec.application_fields, spec.core_technologies, spec.aliases) if lc]
    cols += [tc.column for tc in (*spec.categories, *spec.products)]
    cols += [p.column for p in spec.properties.values()]
    return list(dict.fromkeys(cols))


def needed_columns(fm: FileMapping) -> list[str]:
    """Every column the mapping entry reads (the file must have them all)."""
    cols: list[str] = []
    if fm.nodes is not None:
        cols += org_columns(fm.nodes)
    if fm.relations is not None:
        cols += org_columns(fm.relations.sample)
        cols += org_columns(fm.relations.partner)
        if fm.relations.type.column:
            cols.append(fm.relations.type.column)
        cols += [p.column for p in fm.relations.properties.values()]
    if fm.taxonomy is not None:
        t = fm.taxonomy
        cols += [*_column(t.code), *_column(t.name), *_column(t.name_en), *_column(t.parent)]
    if fm.crosswalk is not None:
        x = fm.crosswalk
        cols += [*_column(x.code), *_column(x.industry), *_column(x.weight)]
    if fm.chain is not None:
        cols += [fm.chain.upstream.column, fm.chain.downstream.column]
    return list(dict.fromkeys(cols))


def _source(m: Mapping, fm: FileMapping) -> tuple[Any, ...]:
    """What makes two entries read the same table."""
    return (str(m.resolve(fm.path).resolve()), fm.table_format, fm.encoding, fm.delimiter, fm.sheet)


def read_files(m: Mapping, progress: Callable[[str, int, int], None] | None = None) -> list[ReadFile]:
    """Every entry of the mapping, in its order; `InputFileError` at the first file that cannot be read.
    A file that several entries read is read once, with the columns all of them need."""
    needed: dict[tuple[Any, ...], list[str]] = {}
    for fm in m.files:
        needed.setdefault(_source(m, fm), []).extend(needed_columns(fm))
    tables: dict[tuple[Any, ...], Table] = {}
    out: list[ReadFile] = []
    for n, fm in enumerate(m.files):
        if progress:
            progress("read", n, len(m.files))
        key = _source(m, fm)
        table = tables.get(key)
        if table is None:
            table = tables[key] = read_table(
                m.resolve(fm.path),
                name=fm.path,
                fmt=fm.table_format,
                needed=needed[key],
                encoding=fm.encoding,
                delimiter=fm.delimiter,
                sheet=fm.sheet,
            )
        mine = set(needed_columns(fm))
        report = FileReport(
            file=fm.path,
            kind=fm.kind,
            encoding=table.encoding,
            entry=n,
            rows_read=len(table),
            ignored_columns=[c for c in table.columns if c not in mine],
        )
        out.append(ReadFile(n, fm, table, report))
    if progress:
        progress("read", len(m.files), len(m.files))
    return out
