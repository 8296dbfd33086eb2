"""The question library: parameterized, documented Cypher questions in `cypher/questions/`.

Each `.cypher` file is one question; its `//` YAML header declares:

    id (= file name), group, title_zh, title_en, answers (English), answers_zh (the same in Chinese),
    chart (bar | stacked_bar | map | table | graph | kpi | line),
    params: {name: {type: str|int|float|bool|list, default, required, allowed: [...],
                    choices: <choices query>, dimension: <label or [labels]>, min, max, pattern,
                    description}},
    figures: [figures.csv metric ids this question reproduces],
    aggregate: <an aggregate of the graph model it can read instead of counting live>,
    aggregate_at_least: {parameter: the smallest value the aggregate answers; below it, counted live},
    aggregate_when: {parameter: the only value the aggregate answers (a list: in any order)},
    aggregate_part: <the parameter whose value keys the one part it reads (org_ego: the organisation)>

Parameters are validated against the header *before* anything reaches the engine; questions run read-only
(`Graph.run_readonly`). `choices` names a query in `cypher/choices/` that lists allowed values from the
graph (columns `value`, `label` and optionally `group`), for the explorer's widgets. In `default` and
`allowed`, an item `model: <list>` stands for that list of the graph model (`MODEL_LISTS`), e.g.
`allowed: [model: org_relationship_types]`, so a question offers exactly the types the model declares.

A parameter with `dimension` (labels of the graph model's dimensions, e.g. `dimension: [City, Province,
MetroArea, Country]`) takes a code or a name: `ask` resolves names through the graph's own dimension nodes
(valuenet/resolve.py), so `industry=金属制品业` runs as `industry=C33`, and its `pattern` is the form of the
code (nodes whose code does not match are not candidates). A name that finds no node, or several, is a
QuestionError listing the nearest ones. A parameter with `choices: organizations` takes an organisation's id,
exact Chinese or English name or alias, and `ask` turns it into the id first (index lookups; the alias scan
only when nothing else matched), so the question itself matches `{id: $org}` instead of scanning every
organisation for four properties; a text that names none is passed on as it is (no rows).

`parse_params` reads the `params:` of any `.cypher` header the same way (tests/unit/test_query_files.py
checks every file with it); `map` parameters are for trusted callers only, never a question's.

A question's query is generated for the parameters actually set (`Question.query`): besides the graph
model's names, its template sees `given.<name>` (true when the parameter has a value) and `choice.<name>`
(the value of an enumerated parameter: one of its `allowed` values, or a bool), so it can leave out the
filters not in use and start from the selective label. Values reach the template only when they come from
the header's own lists; everything else stays a `$parameter`.

A question with `aggregate: <name>` has two shapes: `stored` (true when that aggregate is fresh for the focal
set asked on, valuenet/aggregates.py) reads its maintained totals, otherwise it counts live; when the
aggregate is stale, the answer's notes say it was counted live. With `aggregate_part`, only the part kept
for that parameter's value is checked (a value without one counts live, with nothing to say). Golden
answers hold for both shapes.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from valuenet import aggregates, queries, resolve
from valuenet.db import Graph, QueryLimitError, ReadResult
from valuenet.model import MODEL

if TYPE_CHECKING:
    from valuenet.model import GraphModel

TYPES = ("str", "int", "float", "bool", "list", "map")
QUESTION_TYPES = TYPES[:-1]  # what a CLI argument or a widget can give
CHARTS = ("bar", "stacked_bar", "map", "table", "graph", "kpi", "line")
# What a parameter's header may say: how its values are checked, then words (`doc` is a synonym of
# `description`; `items` describes a list's items).
CHECK_KEYS = ("type", "default", "required", "allowed", "choices", "dimension", "min", "max", "pattern")
SPEC_KEYS = frozenset((*CHECK_KEYS, "description", "doc", "items"))
# Lists of the graph model a header may name as `model: <name>` (see the module docstring).
MODEL_LISTS = ("org_relationship_types", "kind_labels")
_NAME = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")


class QuestionError(ValueError):
    """Unknown question or invalid parameters; the message names the parameter and what is allowed."""


@dataclass(frozen=True)
class Param:
    name: str
    type: str = "str"
    default: Any = None
    required: bool = False
    allowed: tuple[Any, ...] | None = None
    choices: str | None = None  # query under cypher/choices/ listing values from the graph
    minimum: float | None = None
    maximum: float | None = None
    pattern: str | None = None  # for a dimension parameter: the form of the code it resolves to
    description: str = ""
    dimension: tuple[str, ...] = ()  # dimension labels whose codes or names it takes (valuenet/resolve.py)

    def convert(self, raw: Any) -> Any:
        """Text (from a CLI or a widget) or a value -> the declared type; raises QuestionError."""
        where = f"parameter {self.name!r}"
        try:
            if self.type == "int":
                value: Any = int(raw) if not isinstance(raw, bool) else None
                if value is None:
                    raise ValueError
            elif self.type == "float":
                value = float(raw)
            elif self.type == "bool":
                value = (
                    raw
                    if isinstance(raw, bool)
                    else {"true": True, "false": False, "1": True, "0": False}[str(raw).strip().lower()]
                )
            elif self.type == "list":
                value = (
                    list(raw)
                    if isinstance(raw, (list, tuple))
                    else [v.strip() for v in str(raw).split(",") if v.strip()]
                )
            else:
                value = str(raw).strip()
        except (ValueError, KeyError, TypeError):
            raise QuestionError(f"{where}: {raw!r} is not a valid {self.type}") from None
        items = value if isinstance(value, list) else [value]
        for item in items:
            if self.allowed is not None and item not in self.allowed:
                raise QuestionError(f"{where}: {item!r} is not allowed; choose one of {list(self.allowed)}")
            if self.pattern is not None and not self.dimension and not re.fullmatch(self.pattern, str(item)):
                raise QuestionError(f"{where}: {item!r} does not match the expected form {self.pattern}")
        if self.minimum is not None and isinstance(value, (int, float)) and value < self.minimum:
            raise QuestionError(f"{where}: {value} is below the minimum {self.minimum:g}")
        if self.maximum is not None and isinstance(value, (int, float)) and value > self.maximum:
            raise QuestionError(f"{where}: {value} is above the maximum {self.maximum:g}")
        return value

    @property
    def takes_organization(self) -> bool:
        return self.choices == "organizations"

    def _code(self, text: str, names: resolve.DimensionNames) -> str:
        try:
            return names.resolve(text, self.dimension, self.pattern).code
        except resolve.NameNotResolved as e:
            if not e.found and self.pattern is not None and re.fullmatch(self.pattern, text):
                return text  # a code of the right form that this graph has no node for: no rows, no error
            where = f"参数 {self.name}：" if e.lang == "zh" else f"parameter {self.name!r}: "
            raise QuestionError(where + e.message()) from None

    def resolve(self, value: Any, names: resolve.DimensionNames) -> Any:
        """A converted value with every name replaced by the code of the dimension node it names."""
        if not self.dimension or value is None:
            return value
        if isinstance(value, list):
            return [self._code(str(v), names) for v in value]
        return self._code(str(value), names)


@dataclass(frozen=True)
class Question:
    id: str
    group: str
    title_zh: str
    title_en: str
    answers: str
    answers_zh: str
    chart: str
    params: dict[str, Param]
    figures: tuple[str, ...]
    text: str
    meta: dict[str, Any] = field(default_factory=dict)
    aggregate: str | None = None  # the maintained aggregate its `stored` shape reads
    aggregate_at_least: dict[str, int] = field(default_factory=dict)
    aggregate_when: dict[str, Any] = field(default_factory=dict)
    aggregate_part: str | None = None  # the parameter whose value keys the one part read

    def answered_by_aggregate(self, params: dict[str, Any]) -> bool:
        """Whether its aggregate holds the answer for these parameters (`aggregate_at_least`,
        `aggregate_when`)."""
        return (
            self.aggregate is not None
            and all(params.get(k) is not None and params[k] >= v for k, v in self.aggregate_at_least.items())
            and all(_same_value(params.get(k), v) for k, v in self.aggregate_when.items())
        )

    def query(self, params: dict[str, Any], model: GraphModel | None = None, *, stored: bool = False) -> str:
        """The Cypher for these validated parameters: only the filters in use (see the module docstring);
        for another graph model (e.g. another focal set) when given; `stored`: the shape that reads the
        question's aggregate (check that it is fresh first)."""
        shape = _shape(self.params, params)
        if model is None:
            return _rendered(self.id, shape, stored)
        names = template_names(self.params, shape, stored=stored)
        return queries.load(f"questions/{self.id}").render(model, **names)

    @property
    def takes_names(self) -> bool:
        """Whether a parameter takes dimension names (resolving them needs the graph)."""
        return any(p.dimension for p in self.params.values())

    def validate(self, raw: dict[str, Any], names: resolve.DimensionNames | None = None) -> dict[str, Any]:
        """Checked, typed parameters with defaults filled in; unknown or missing ones are errors. With
        `names`, dimension parameters given by name get their codes (without, they are only type-checked)."""
        unknown = sorted(set(raw) - set(self.params))
        if unknown:
            raise QuestionError(
                f"question {self.id!r} has no parameter {', '.join(map(repr, unknown))}; "
                f"its parameters are {sorted(self.params) or 'none'}"
            )
        out: dict[str, Any] = {}
        for name, p in self.params.items():
            if name in raw and raw[name] is not None and raw[name] != "":
                value = p.convert(raw[name])
                out[name] = p.resolve(value, names) if names is not None else value
            elif p.required:
                raise QuestionError(
                    f"question {self.id!r} needs parameter {name!r} ({p.description or p.type})"
                )
            else:
                out[name] = p.default
        return out


class _Names:
    """`given` or `choice` in a question template: attribute access, a clear error for other names."""

    def __init__(self, kind: str, values: dict[str, Any], known: frozenset[str]) -> None:
        self._kind, self._values, self._known = kind, values, known

    def __getattr__(self, name: str) -> Any:
        if name.startswith("_"):
            raise AttributeError(name)
        if name in self._values:
            return self._values[name]
        if name in self._known:
            raise ValueError(
                f"`{self._kind}.{name}`: only a parameter with `allowed` values or a bool shapes the query; "
                f"pass the others as ${name}"
            )
        raise ValueError(f"`{self._kind}.{name}`: the header declares no parameter {name!r}")


def _same_value(value: Any, wanted: Any) -> bool:
    """A list the same as another in any order (each value once), anything else equal."""
    if isinstance(wanted, list):
        return isinstance(value, list) and len(value) == len(wanted) and set(value) == set(wanted)
    return bool(value == wanted)


def _hashable(value: Any) -> Any:
    return tuple(value) if isinstance(value, list) else value


# (name, given, choice value or None) per parameter, in header order: what a rendered query depends on.
Shape = tuple[tuple[str, bool, Any], ...]


def _shape(specs: dict[str, Param], values: dict[str, Any]) -> Shape:
    return tuple(
        (
            name,
            values.get(name) is not None,
            _hashable(values.get(name)) if p.allowed is not None or p.type == "bool" else None,
        )
        for name, p in specs.items()
    )


def template_names(specs: dict[str, Param], shape: Shape, *, stored: bool = False) -> dict[str, Any]:
    """`given`, `choice` and `stored` for a question template (see the module docstring)."""
    known = frozenset(specs)
    given = {name: is_given for name, is_given, _ in shape}
    choice = {
        name: list(value) if isinstance(value, tuple) else value
        for name, _, value in shape
        if specs[name].allowed is not None or specs[name].type == "bool"
    }
    return {
        "given": _Names("given", given, known),
        "choice": _Names("choice", choice, known),
        "stored": stored,
    }


def default_template_names(params: Any, where: str) -> dict[str, Any]:
    """`given` and `choice` for a header's default parameter values (a `.cypher` file's plain `text`)."""
    specs = parse_params(params, where)
    return template_names(specs, _shape(specs, {name: p.default for name, p in specs.items()}))


@functools.lru_cache(maxsize=4096)
def _rendered(question_id: str, shape: Shape, stored: bool) -> str:
    q = get(question_id)
    return queries.load(f"questions/{q.id}").render(**template_names(q.params, shape, stored=stored))


def _from_model(value: Any, where: str) -> Any:
    """A header list with its `model: <name>` items replaced by that list of the graph model."""
    if not isinstance(value, list):
        return value
    out: list[Any] = []
    for item in value:
        if isinstance(item, dict) and set(item) == {"model"}:
            if item["model"] not in MODEL_LISTS:
                raise QuestionError(f"{where}: `model: {item['model']}` is not one of {MODEL_LISTS}")
            out.extend(getattr(MODEL, item["model"]))
        else:
            out.append(item)
    return out


def _param(name: Any, spec: Any, where: str) -> Param:
    if not isinstance(name, str) or not _NAME.match(name):
        raise QuestionError(f"{where}: {name!r} is not a parameter name (a comment line inside params?)")
    where = f"{where}: parameter {name!r}"
    if spec is None:
        spec = {}
    if not isinstance(spec, dict):
        raise QuestionError(f"{where}: write its spec as a mapping, e.g. {{type: str}}, not {spec!r}")
    unknown = sorted(set(spec) - SPEC_KEYS)
    if unknown:
        raise QuestionError(f"{where}: unknown keys {unknown}; a spec may say {sorted(SPEC_KEYS)}")
    kind = str(spec.get("type", "str"))
    if kind not in TYPES:
        raise QuestionError(f"{where}: unknown type {kind!r}; use one of {TYPES}")
    allowed = _from_model(spec.get("allowed"), where)
    if allowed is not None and not isinstance(allowed, list):
        raise QuestionError(f"{where}: `allowed` must be a list, not {allowed!r}")
    dimension = spec.get("dimension") or ()
    dimension = (dimension,) if isinstance(dimension, str) else tuple(dimension)
    unknown_labels = [label for label in dimension if label not in MODEL.dimensions]
    if unknown_labels:
        raise QuestionError(
            f"{where}: `dimension` names {unknown_labels}, not dimensions of the graph model "
            f"({', '.join(MODEL.dimensions)})"
        )
    return Param(
        name=name,
        type=kind,
        default=_from_model(spec.get("default"), where),
        required=bool(spec.get("required", False)),
        allowed=tuple(allowed) if allowed is not None else None,
        choices=spec.get("choices"),
        minimum=spec.get("min"),
        maximum=spec.get("max"),
        pattern=spec.get("pattern"),
        description=str(spec.get("description", spec.get("doc", ""))),
        dimension=dimension,
    )


def parse_params(params: Any, where: str) -> dict[str, Param]:
    """The `params:` of a `.cypher` header as `Param`s; raises QuestionError naming the file and parameter."""
    if params is None:
        return {}
    if not isinstance(params, dict):
        raise QuestionError(f"{where}: `params` must map parameter names to specs (`params: {{}}` for none)")
    return {name: _param(name, spec, where) for name, spec in params.items()}


def _question(f: queries.CypherFile) -> Question:
    m = f.meta
    where = str(f.path)
    qid = f.path.stem
    if m.get("id", qid) != qid:
        raise QuestionError(f"{where}: header id {m.get('id')!r} differs from the file name {qid!r}")
    chart = str(m.get("chart", "table"))
    if chart not in CHARTS:
        raise QuestionError(f"{where}: chart {chart!r} is not one of {CHARTS}")
    params = parse_params(m.get("params"), where)
    maps = [p.name for p in params.values() if p.type not in QUESTION_TYPES]
    if maps:
        raise QuestionError(f"{where}: a question's parameters take {QUESTION_TYPES}, not map ({maps})")
    aggregate = m.get("aggregate")
    if aggregate is not None and aggregate not in MODEL.aggregates:
        raise QuestionError(
            f"{where}: aggregate {aggregate!r} is not one of the graph model's: {', '.join(MODEL.aggregates)}"
        )
    when = m.get("aggregate_when") or {}
    part = m.get("aggregate_part")
    for name in [*when, *([part] if part else [])]:
        if name not in params:
            raise QuestionError(f"{where}: aggregate_when/aggregate_part name {name!r}, not a parameter")
    return Question(
        id=qid,
        group=str(m.get("group", "other")),
        title_zh=str(m.get("title_zh", qid)),
        title_en=str(m.get("title_en", qid)),
        answers=str(m.get("answers", "")),
        answers_zh=str(m.get("answers_zh", "")),
        chart=chart,
        params=params,
        figures=tuple(m.get("figures") or ()),
        text=f.text,
        meta=m,
        aggregate=aggregate,
        aggregate_at_least=dict(m.get("aggregate_at_least") or {}),
        aggregate_when={k: _from_model(v, where) for k, v in when.items()},
        aggregate_part=part,
    )


@functools.cache
def library() -> dict[str, Question]:
    """All questions, by id, in file order."""
    return {q.id: q for q in map(_question, queries.list_dir("questions"))}


def get(question_id: str) -> Question:
    lib = library()
    if question_id not in lib:
        close = [q for q in lib if question_id.lower() in q.lower()]
        hint = f" Did you mean {', '.join(close[:5])}?" if close else " `valuenet questions` lists them."
        raise QuestionError(f"no question {question_id!r}.{hint}")
    return lib[question_id]


def validated(graph: Graph, q: Question, raw: dict[str, Any]) -> dict[str, Any]:
    """`q.validate(raw)` with names resolved through `graph`'s dimension nodes, and organisations given by
    name as their ids. A name not found in the cached names is looked up again if a load has changed the
    dimensions since they were read."""
    if not q.takes_names:
        params = q.validate(raw)
    else:
        try:
            params = q.validate(raw, resolve.names(graph))
        except QuestionError:
            params = q.validate(raw, resolve.names(graph, refresh=True))
    for name, p in q.params.items():
        if p.takes_organization and isinstance(params[name], str):
            params[name] = organization_id(graph, params[name])
    return params


def organization_id(graph: Graph, text: str) -> str:
    """The id of the organisation `text` is the id, exact name or alias of; `text` itself when none."""
    for lookup in ("choices/organization_named", "choices/organization_aliased"):
        rows = graph.read(queries.text(lookup), {"text": text})
        if rows:
            return str(rows[0]["id"])
    return text


def ask(
    graph: Graph,
    question_id: str,
    raw_params: dict[str, Any] | None = None,
    *,
    timeout: float | None = None,
    model: GraphModel | None = None,
) -> tuple[Question, dict[str, Any], ReadResult]:
    """Validate (names of dimension nodes resolved to their codes), then run one question read-only,
    rendered with `model`'s focal set (default: the graph model's). Returns the question, the parameters
    used and the rows."""
    q = get(question_id)
    params = validated(graph, q, raw_params or {})
    return q, params, run(graph, q, params, timeout=timeout, model=model)


def run(
    graph: Graph,
    q: Question,
    params: dict[str, Any],
    *,
    timeout: float | None = None,
    model: GraphModel | None = None,
) -> ReadResult:
    """Run a question with validated parameters read-only: its query for the parameters in use (rendered
    with `model`'s focal set when given), given only the `$parameters` that query uses; from its aggregate
    when that is fresh (the notes say when a stale one was passed over)."""
    fresh = None
    if q.aggregate and q.answered_by_aggregate(params):
        fresh = (
            aggregates.part_freshness(graph, q.aggregate, str(params[q.aggregate_part]), model)
            if q.aggregate_part
            else aggregates.freshness(graph, q.aggregate, model)
        )
    query = q.query(params, model, stored=fresh is not None and fresh.fresh)
    used = queries.used_parameters(query)
    try:
        result = graph.run_readonly(
            query, {k: v for k, v in params.items() if k in used}, timeout=timeout, row_cap=None
        )
    except QueryLimitError as e:
        # counted live for want of a fresh aggregate, which a refresh makes (not a part for another value)
        if fresh is not None and not fresh.fresh and (fresh.state == "stale" or not q.aggregate_part):
            raise e.counted_live(fresh.name, fresh.state) from None
        raise
    if fresh is not None and fresh.note():
        result.notes.append(fresh.note())
    return result


def resolution_notes(graph: Graph, q: Question, raw: dict[str, Any], used: dict[str, Any]) -> list[str]:
    """For each parameter given by name, which node it was taken for, e.g.
    `industry=金属制品业 -> C33 金属制品业（行业）`."""
    notes = []
    for name, p in q.params.items():
        given = raw.get(name)
        if not p.dimension or given in (None, "") or p.convert(given) == used[name]:
            continue
        names = resolve.names(graph)
        codes = used[name] if isinstance(used[name], list) else [used[name]]
        lang = resolve.language(str(given))
        shown = ", ".join(names.resolve(str(c), p.dimension, p.pattern).describe(lang) for c in codes)
        notes.append(f"{name}={given} -> {shown}")
    return notes


def choices(
    graph: Graph, question_id: str, param: str, filters: dict[str, Any] | None = None
) -> list[dict[str, Any]]:
    """Allowed values of a parameter from the graph (`value`, `label`, maybe `group`); [] if it has none."""
    p = get(question_id).params[param]
    if p.allowed is not None:
        return [{"value": v, "label": str(v)} for v in p.allowed]
    if not p.choices:
        return []
    return graph.read(queries.text(f"choices/{p.choices}"), filters or {})
