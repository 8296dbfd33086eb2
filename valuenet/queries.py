"""Every Cypher query valuenet runs lives in a `.cypher` file under `cypher/`, never in an f-string.

A file starts with a header of `//` comment lines holding YAML, then the query:

    // title_zh: 谁赋能某城市的某行业
    // title_en: Who empowers industry X in city Y
    // answers: the providers of technology to ...
    // params:
    //   industry: {type: str, default: C36}
    MATCH ...

`load("loader/merge_organizations")` returns a `CypherFile` with `.text` (the query) and `.meta` (the
header). A file may hold several statements separated by `;` at the end of a line (`.statements`).
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

CYPHER_DIR = Path(__file__).resolve().parent.parent / "cypher"

_STATEMENT_END = re.compile(r";[ \t]*(?://[^\n]*)?$", re.MULTILINE)


class QueryFileError(ValueError):
    """A `.cypher` file is missing or its header is not valid YAML."""


@dataclass(frozen=True)
class CypherFile:
    name: str  # path under cypher/ without the suffix, e.g. "schema/V001__constraints"
    path: Path
    text: str  # the query text without the header
    meta: dict[str, Any] = field(default_factory=dict)

    @property
    def statements(self) -> list[str]:
        """The file's statements, split on `;` at line ends; comment-only pieces dropped."""
        parts = _STATEMENT_END.split(self.text)
        out = []
        for part in parts:
            code = "\n".join(line for line in part.splitlines() if not line.strip().startswith("//")).strip()
            if code:
                out.append(code)
        return out


def parse(path: Path, name: str) -> CypherFile:
    raw = path.read_text(encoding="utf-8")
    header: list[str] = []
    lines = raw.splitlines()
    i = 0
    while i < len(lines) and (lines[i].startswith("//") or not lines[i].strip()):
        if lines[i].startswith("//"):
            header.append(lines[i][3:] if lines[i].startswith("// ") else lines[i][2:])
        i += 1
    try:
        meta = yaml.safe_load("\n".join(header)) if header else {}
    except yaml.YAMLError as e:
        raise QueryFileError(f"{path}: the // header is not valid YAML: {e}") from e
    if meta is not None and not isinstance(meta, dict):
        meta = {"description": str(meta)}
    return CypherFile(name=name, path=path, text="\n".join(lines[i:]).strip(), meta=meta or {})


@functools.cache
def load(name: str, root: Path = CYPHER_DIR) -> CypherFile:
    """The query stored at `cypher/<name>.cypher`."""
    path = root / f"{name}.cypher"
    if not path.is_file():
        raise QueryFileError(f"No query file {path}")
    return parse(path, name)


def text(name: str) -> str:
    """Shorthand for `load(name).text`."""
    return load(name).text


def list_dir(subdir: str, root: Path = CYPHER_DIR) -> list[CypherFile]:
    """All `.cypher` files under `cypher/<subdir>/`, sorted by name."""
    base = root / subdir
    return [parse(p, str(p.relative_to(root).with_suffix(""))) for p in sorted(base.rglob("*.cypher"))]
