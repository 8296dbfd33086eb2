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

The query body is a Jinja2 template over the graph model (valuenet/model.py `template_names`): a query that
needs the value relationship types or the focal-set rule writes `[:{{ value_types }}]` or `{{ focal('n') }}`
instead of restating them. Only identifiers from the graph model are rendered this way; user text reaches
Cypher only as `$parameters`. The `.cypher` files travel inside the package as `valuenet.cypher`
(the top-level `cypher/` folder, mapped in pyproject.toml) and are found with importlib.resources.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Any

import yaml

if TYPE_CHECKING:
    import jinja2

    from valuenet.model import GraphModel

CYPHER_DIR = Path(str(resources.files("valuenet.cypher")))

_STATEMENT_END = re.compile(r";[ \t]*(?://[^\n]*)?$", re.MULTILINE)


class QueryFileError(ValueError):
    """A `.cypher` file is missing, its header is not valid YAML, or its template does not render."""


@functools.cache
def _environment() -> jinja2.Environment:
    import jinja2

    return jinja2.Environment(
        undefined=jinja2.StrictUndefined,
        autoescape=False,  # Cypher, not HTML; only graph-model identifiers are rendered
        keep_trailing_newline=False,
        trim_blocks=True,
        lstrip_blocks=True,
    )


def render_template(source: str, where: str, model: GraphModel | None = None, **names: Any) -> str:
    """The query text with the graph model's names (and `names`) filled in."""
    if "{{" not in source and "{%" not in source:
        return source
    from valuenet.model import MODEL

    env = _environment()
    try:
        template = env.from_string(source)
        return template.render({**(model or MODEL).template_names(), **names}).strip()
    except Exception as e:  # jinja2.TemplateError and the model's ValueError, with the file named
        raise QueryFileError(f"{where}: the query template does not render: {e}") from e


@dataclass(frozen=True)
class CypherFile:
    name: str  # path under cypher/ without the suffix, e.g. "schema/V001__constraints"
    path: Path
    source: str  # the query body as written (a template), without the header
    meta: dict[str, Any] = field(default_factory=dict)

    @functools.cached_property
    def text(self) -> str:
        """The query with the default graph model's names filled in (a question's: for its header's default
        parameter values, valuenet.questions)."""
        return render_template(self.source, str(self.path), **self._parameter_names())

    def _parameter_names(self) -> dict[str, Any]:
        if "given." not in self.source and "choice." not in self.source:
            return {}
        from valuenet.questions import default_template_names

        return default_template_names(self.meta.get("params"), str(self.path))

    def render(self, model: GraphModel | None = None, **names: Any) -> str:
        """The query for another model (e.g. another focal set) or with extra template names."""
        return render_template(self.source, str(self.path), model, **{**self._parameter_names(), **names})

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


# One scan: a `$parameter` (plain or `quoted`), or what can hide a `$` (string literals with backslash
# escapes, `quoted identifiers`, comments), which is skipped.
_PARAMETER_OR_HIDING = re.compile(
    r"""\$([A-Za-z_][A-Za-z0-9_]*)|\$`([^`]+)`|'(?:[^'\\]|\\.)*'|"(?:[^"\\]|\\.)*"|`[^`]*`|//[^\n]*|/\*.*?\*/""",
    re.DOTALL,
)


def used_parameters(query: str) -> set[str]:
    """The names of the `$parameters` a (rendered) query uses, ignoring `$` in strings and comments."""
    return {m[1] or m[2] for m in _PARAMETER_OR_HIDING.finditer(query) if m[1] or m[2]}


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
    return CypherFile(name=name, path=path, source="\n".join(lines[i:]).strip(), meta=meta or {})


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
