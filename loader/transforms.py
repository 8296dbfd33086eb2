r"""Value transforms (`transform:` on a column of the mapping): the cell text -> the text the loader uses.

    transform: [{strip_suffix: [.SH, .SZ, .BJ]}]                 # 600519.SH -> 600519
    transform: [{regex: '^(\d{6})'}]                               # keep the first group of the match
    transform: [{replace: {pattern: '股份有限公司$', with: ''}}]
    transform: [{lookup: {path: abbreviations.csv, key: 简称, value: 全称}}]

Steps run in order. A regex without a match, or a lookup miss with `missing: error`, raises `ValueError`:
a bad value, which the column's error policy rejects or drops. An empty result is an empty cell.
"""

from __future__ import annotations

import csv
import functools
import io
import re
from collections.abc import Callable
from pathlib import Path

from loader.mapping import LookupStep, TransformStep
from loader.read import InputFileError, decode

Transform = Callable[[str], str]


def _strip_suffix(endings: list[str]) -> Transform:
    def step(text: str) -> str:
        for e in endings:
            if e and text.endswith(e):
                return text[: -len(e)].strip()
        return text

    return step


def _strip_prefix(starts: list[str]) -> Transform:
    def step(text: str) -> str:
        for s in starts:
            if s and text.startswith(s):
                return text[len(s) :].strip()
        return text

    return step


def _regex(pattern: str) -> Transform:
    rx = re.compile(pattern)

    def step(text: str) -> str:
        m = rx.search(text)
        if m is None:
            raise ValueError(f"{text!r} does not match the pattern {pattern!r}")
        return (m.group(1) if rx.groups else m.group(0)).strip()

    return step


def _replace(pattern: str, replacement: str) -> Transform:
    rx = re.compile(pattern)
    return lambda text: rx.sub(replacement, text).strip()


def lookup_table(spec: LookupStep, base_dir: Path) -> dict[str, str]:
    """The lookup's text -> replacement table (inline, or two columns of a CSV file in any auto encoding)."""
    if spec.values is not None:
        return spec.values
    assert spec.path and spec.key and spec.value
    path = Path(spec.path) if Path(spec.path).is_absolute() else base_dir / spec.path
    if not path.is_file():
        raise InputFileError(
            spec.path, "the lookup file does not exist (paths are relative to the mapping file)"
        )
    text, _ = decode(path.read_bytes(), "auto", spec.path)
    rows = list(csv.DictReader(io.StringIO(text, newline="")))
    for col in (spec.key, spec.value):
        if not rows or col not in rows[0]:
            raise InputFileError(spec.path, f"the lookup file has no column {col!r}", row=1, column=col)
    return {r[spec.key].strip(): r[spec.value].strip() for r in rows if r[spec.key] and r[spec.key].strip()}


def _lookup(spec: LookupStep, base_dir: Path) -> Transform:
    table = lookup_table(spec, base_dir)

    def step(text: str) -> str:
        hit = table.get(text)
        if hit is None:
            if spec.missing == "error":
                raise ValueError(f"{text!r} is not in the lookup table")
            return text
        return hit

    return step


def _step(spec: TransformStep, base_dir: Path) -> Transform:
    if spec.strip_suffix is not None:
        return _strip_suffix(spec.strip_suffix)
    if spec.strip_prefix is not None:
        return _strip_prefix(spec.strip_prefix)
    if spec.regex is not None:
        return _regex(spec.regex)
    if spec.replace is not None:
        return _replace(spec.replace.pattern, spec.replace.with_)
    assert spec.lookup is not None
    return _lookup(spec.lookup, base_dir)


def compile_steps(steps: list[TransformStep], base_dir: Path) -> Transform | None:
    """One function for the column's steps (cached per text: tables repeat values), or None without steps."""
    if not steps:
        return None
    fns = [_step(s, base_dir) for s in steps]

    @functools.lru_cache(maxsize=65536)
    def run(text: str) -> str:
        for fn in fns:
            text = fn(text)
            if not text:
                return ""
        return text

    return run
