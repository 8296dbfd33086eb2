"""Entity resolution: one node per organisation, whatever spelling a table uses.

- `name_key(name)`: the normalised name (NFKC, no whitespace, one kind of bracket, latin case-folded).
  "华为技术有限公司（深圳）" and "华为技术有限公司 (深圳)" share a key.
- `org_id(key)`: the stable id of an organisation known only by name: "org:" + its name key.
- `AliasTable`: spellings -> canonical name (same organisation: merged into one node, the spelling kept
  in `aliases`), and units -> group (`relation=part_of`: linked by PART_OF, never merged). Shipped in
  `loader/data/aliases.csv`; a mapping may add its own files (same columns: alias,canonical,relation).
"""

from __future__ import annotations

import csv
import functools
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

DEFAULT_ALIASES = Path(__file__).resolve().parent / "data" / "aliases.csv"

_BRACKETS = str.maketrans(
    {"【": "(", "】": ")", "〔": "(", "〕": ")", "[": "(", "]": ")", "〈": "(", "〉": ")"}
)
_SPACES = re.compile(r"\s+")
_CJK = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")


@functools.lru_cache(maxsize=1 << 18)
def name_key(name: str) -> str:
    """The normalised form two spellings of one name share."""
    t = unicodedata.normalize("NFKC", name).translate(_BRACKETS)
    t = _SPACES.sub("", t)
    # Zero-width and other format characters sneak in from copy-paste. They are not printable: each
    # character is looked at only then (the look at every character was ~60% of this function's time, and
    # the reference graph's 10x load asks it for 2M names).
    if not t.isprintable():
        t = "".join(ch for ch in t if unicodedata.category(ch) != "Cf")
    return t.casefold()


def org_id(key: str) -> str:
    return "org:" + key


@functools.lru_cache(maxsize=1 << 18)
def display_name(name: str) -> str:
    """The name as shown: whitespace collapsed, NFKC for full-width latin and digits, brackets kept,
    zero-width and other invisible format characters removed."""
    t = unicodedata.normalize("NFKC", name)
    if not t.isprintable():  # format characters (Cf) are not printable: look at each character only then
        t = "".join(ch for ch in t if unicodedata.category(ch) != "Cf")
    return _SPACES.sub(" ", t).strip()


def is_latin(name: str) -> bool:
    return not _CJK.search(name) and any(ch.isalpha() for ch in name)


class AliasError(ValueError):
    pass


@dataclass
class AliasTable:
    """Spelling key -> canonical name; unit key -> group name."""

    same: dict[str, str] = field(default_factory=dict)
    part_of: dict[str, str] = field(default_factory=dict)

    def canonical(self, name: str) -> str:
        """The canonical spelling of `name` (itself when no alias applies)."""
        return self.same.get(name_key(name), name)

    def group_of(self, name: str) -> str | None:
        return self.part_of.get(name_key(self.canonical(name)))

    def group_of_key(self, key: str) -> str | None:
        """`group_of` a canonical name, by its name key (which the loader's observations hold): a
        canonical name is its own canonical (`add_rows` resolves chains to their end)."""
        return self.part_of.get(key)

    def add_file(self, path: Path) -> None:
        try:
            text = path.read_text(encoding="utf-8-sig")
        except (OSError, UnicodeDecodeError) as e:
            raise AliasError(f"alias file {path}: cannot read it as UTF-8: {e}") from e
        rows = list(csv.DictReader(text.splitlines()))
        need = {"alias", "canonical", "relation"}
        if not rows or not need <= set(rows[0]):
            raise AliasError(f"alias file {path}: needs the columns alias,canonical,relation")
        self.add_rows(((r["alias"], r["canonical"], r["relation"]) for r in rows), source=str(path))

    def add_rows(self, rows: Iterable[tuple[str, str, str]], source: str = "aliases") -> None:
        for i, (alias, canonical, relation) in enumerate(rows, start=2):
            alias, canonical, relation = alias.strip(), canonical.strip(), (relation or "same").strip()
            if not alias or not canonical:
                raise AliasError(f"{source} row {i}: alias and canonical must not be empty")
            if relation in ("same", "alias"):
                self.same[name_key(alias)] = canonical
            elif relation == "part_of":
                self.part_of[name_key(alias)] = canonical
            else:
                raise AliasError(f"{source} row {i}: relation must be same or part_of, not {relation!r}")
        # Chains (a -> b -> c) resolve to the end; a cycle is an error.
        for key in list(self.same):
            seen = {key}
            target = self.same[key]
            while name_key(target) in self.same and name_key(target) != key:
                nxt = self.same[name_key(target)]
                if name_key(nxt) in seen:
                    raise AliasError(f"{source}: alias cycle through {target!r}")
                seen.add(name_key(target))
                target = nxt
            self.same[key] = target
        self.same = {k: v for k, v in self.same.items() if name_key(v) != k}

    @classmethod
    def default(cls, extra: Iterable[Path] = ()) -> AliasTable:
        t = cls()
        t.add_file(DEFAULT_ALIASES)
        for p in extra:
            t.add_file(p)
        return t
