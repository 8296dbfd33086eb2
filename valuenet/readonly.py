"""The lexical half of the read-only console: what in an analyst's query would change the graph, found
before the query reaches the engine (`Graph.run_readonly` in valuenet/db.py runs it; the always-rolled-back
transaction behind it is the other half).

The check reads the query as the engines' lexers do, and where it cannot know what an engine does it
errs towards refusing:

- A `//` comment ends at every line boundary Python knows (`str.splitlines`: \\n \\r \\x0b \\x0c \\x1c-\\x1e
  \\x85 \\u2028 \\u2029). ArcadeDB 26.10 and Neo4j 5 end it at \\n and \\r only (ArcadeDB probed over every
  control, format and space character of the BMP; Neo4j's Cypher5Lexer.g4: `'//' ~[\\r\\n]*`), so
  whatever follows any of these is read as code.
- `/* */` comments do not nest (as in both engines); an unterminated comment or string hides nothing.
- Words are compared after NFKC normalisation, without format characters and case-folded, so `ＳＥＴ`,
  `ſet` or `SE\\u200bT` count as SET even though the engines reject them; numbers end at the first letter
  (`LIMIT 1SET`). The query is also read with `\\uXXXX` escapes decoded, in case an engine decodes them
  before lexing.
- Procedures are allowed by name, not refused by name: ArcadeDB answers `merge.node`, `apoc.merge.node`
  and `refactor.*` (and backticked or spaced spellings of them) and reports no update in the summary, so
  only procedures known to read (`READ_PROCEDURES`) pass.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from dataclasses import dataclass
from fnmatch import fnmatchcase

LINE_BREAKS = frozenset("\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029")  # str.splitlines() boundaries

# One word is enough: clauses and administration commands that change data, schema, users or servers.
WRITE_WORDS = frozenset(
    {
        "create", "merge", "delete", "detach", "nodetach", "set", "remove", "drop", "foreach", "insert",
        "alter", "rename", "grant", "deny", "revoke", "terminate", "deallocate", "reallocate",
    }
)  # fmt: skip
# Words that write only together (each alone is a common name: `start`, `load`, `transactions`).
WRITE_PAIRS = frozenset(
    {
        ("load", "csv"), ("in", "transactions"), ("periodic", "commit"), ("start", "database"),
        ("concurrent", "transactions"), ("stop", "database"), ("enable", "server"),
    }
)  # fmt: skip
# Procedures that only read (lower case, shell-style patterns). ArcadeDB's `algo.*` stream their results.
READ_PROCEDURES = (
    "db.labels", "db.relationshiptypes", "db.propertykeys", "db.schema.*", "db.indexes", "db.constraints",
    "db.index.fulltext.querynodes", "db.index.fulltext.queryrelationships", "db.index.vector.querynodes",
    "db.index.vector.queryrelationships", "db.info", "db.ping",
    "dbms.components", "dbms.info", "dbms.showcurrentuser", "dbms.procedures", "dbms.functions",
    "algo.*",
    "gds.version", "gds.list", "gds.systemmonitor", "gds.graph.list", "gds.graph.exists", "gds.*.stream",
    "gds.*.stats", "gds.*.estimate",
    "apoc.help", "apoc.meta.*", "apoc.path.expand", "apoc.path.expandconfig", "apoc.path.subgraphnodes",
    "apoc.path.subgraphall", "apoc.path.spanningtree",
)  # fmt: skip

_UNICODE_ESCAPE = re.compile(r"\\u([0-9A-Fa-f]{4})|\\U([0-9A-Fa-f]{8})")


@dataclass(frozen=True)
class _Token:
    kind: str  # "word", "name" (`quoted`), "string", "number" or "punct"
    text: str  # a word normalised (see module docstring), a name's content, a punctuation character
    start: int
    end: int


def _word_char(ch: str) -> bool:
    return ch.isalnum() or ch == "_" or unicodedata.category(ch) in ("Mn", "Mc", "Pc", "Cf")


def _normal(word: str) -> str:
    folded = unicodedata.normalize("NFKC", word)
    return "".join(c for c in folded if unicodedata.category(c) != "Cf").casefold()


def _tokens(query: str) -> list[_Token]:
    """The query's tokens without whitespace and comments."""
    out: list[_Token] = []
    i, n = 0, len(query)
    while i < n:
        ch = query[i]
        if query.startswith("//", i):
            i += 2
            while i < n and query[i] not in LINE_BREAKS:
                i += 1
        elif query.startswith("/*", i):
            end = query.find("*/", i + 2)
            i = i + 2 if end < 0 else end + 2  # unterminated: read on as code
        elif ch in "'\"":
            j = i + 1
            while j < n and query[j] != ch:
                j += 2 if query[j] == "\\" else 1
            if j >= n:  # unterminated: read on as code
                out.append(_Token("punct", ch, i, i + 1))
                i += 1
            else:
                out.append(_Token("string", query[i + 1 : j], i, j + 1))
                i = j + 1
        elif ch == "`":
            j, name = i + 1, []
            while j < n and not (query[j] == "`" and not query.startswith("``", j)):
                name.append(query[j])
                j += 2 if query.startswith("``", j) else 1
            if j >= n:
                out.append(_Token("punct", ch, i, i + 1))
                i += 1
            else:
                out.append(_Token("name", "".join(name), i, j + 1))
                i = j + 1
        elif ch.isdigit():
            j = i
            while j < n and (query[j].isdigit() or query[j] == "_"):
                j += 1
            out.append(_Token("number", query[i:j], i, j))
            i = j
        elif _word_char(ch):
            j = i
            while j < n and _word_char(query[j]):
                j += 1
            out.append(_Token("word", _normal(query[i:j]), i, j))
            i = j
        elif ch.isspace() or unicodedata.category(ch) in ("Cc", "Zs", "Zl", "Zp"):
            i += 1
        else:
            out.append(_Token("punct", ch, i, i + 1))
            i += 1
    return out


def _is_name_position(tokens: list[_Token], k: int) -> bool:
    """A word right after `.`, `:` or `$` (property key, label, parameter) or right before `:` (map key)
    is a name, not a clause; only when touching, so `n. SET` still counts."""
    word = tokens[k]
    before = tokens[k - 1] if k else None
    after = tokens[k + 1] if k + 1 < len(tokens) else None
    return bool(
        (before and before.kind == "punct" and before.text in ".:$" and before.end == word.start)
        or (after and after.kind == "punct" and after.text == ":" and after.start == word.end)
    )


def _procedure(tokens: list[_Token], k: int) -> str | None:
    """The name called by the CALL at `tokens[k]`, lower case; None for a `CALL {…}` subquery. Engines
    accept `a.b`, `a . b`, `` `a`.`b` `` and `` `a.b` `` alike."""
    parts: list[str] = []
    j = k + 1
    while j < len(tokens) and tokens[j].kind in ("word", "name"):
        token = tokens[j]
        if token.kind == "name":
            parts.extend(_normal(part) for part in token.text.split("."))
        else:
            parts.append(token.text)
        if not (j + 1 < len(tokens) and tokens[j + 1].kind == "punct" and tokens[j + 1].text == "."):
            break
        j += 2
    return ".".join(parts) if parts else None


def _first_write(query: str) -> str | None:
    tokens = _tokens(query)
    words = [(k, t) for k, t in enumerate(tokens) if t.kind == "word" and not _is_name_position(tokens, k)]
    for (k, token), following in zip(words, [*words[1:], (None, None)], strict=True):
        if token.text in WRITE_WORDS:
            return token.text.upper()
        nxt = following[1]
        if nxt is not None and following[0] == k + 1 and (token.text, nxt.text) in WRITE_PAIRS:
            return f"{token.text.upper()} {nxt.text.upper()}"
        if token.text == "call":
            name = _procedure(tokens, k)
            if name is not None and not any(fnmatchcase(name, p) for p in READ_PROCEDURES):
                return f"CALL {name}"
    return None


def _decoded(escape: re.Match[str]) -> str:
    code = int(escape[1] or escape[2], 16)
    return chr(code) if code <= 0x10FFFF else escape[0]


@functools.lru_cache(maxsize=1024)  # the same question texts come back: the check is ~1-6 ms of Python each
def write_clause_in(query: str) -> str | None:
    """The first write clause (`CREATE`, `LOAD CSV`) or call of a procedure not known to only read
    (`CALL apoc.merge.node`) in `query`; None when it only reads."""
    found = _first_write(query)
    if found is None and _UNICODE_ESCAPE.search(query):
        found = _first_write(_UNICODE_ESCAPE.sub(_decoded, query))
    return found
