"""Stage 2 of a load, validate: each row of a table -> what it says about organisations, relations and
taxonomies, with its problems named by file, row, column, value and reason.

Checked: cell length (`max_field_length`), names, kinds and relation types (the mapping's value maps), typed
properties (loader.values), places (loader.places, then against the loaded dimension nodes), industries,
application fields, tech layers, core technologies and taxonomy members (codes, names or aliases of the
dimension nodes loaded or declared in this mapping). Transforms (loader.transforms) run on a cell before it
is checked. A row is always built without its bad values; its column policies (loader.policy) then decide
whether it is rejected, loads without them, or (relation tables) loads its organisations only.

Entries are validated by kind: taxonomies, crosswalks and chains first (organisations link to their
members), then node tables (the spellings of their alias columns join the alias table before the relation
tables are read, so relation rows that use them name the same organisation), then relation tables.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING, Any

from loader import dimensions, values
from loader.load_report import Outcome, Problems
from loader.mapping import (
    Cell,
    ChainEnd,
    Column,
    EndSpec,
    FileMapping,
    Kind,
    ListColumn,
    Mapping,
    OrgSpec,
    PropertySpec,
    RelationSpec,
    TaxonomyColumn,
)
from loader.names import AliasTable, display_name, name_key
from loader.places import Place, PlaceProblem, PlaceResolver
from loader.policy import Policies, RowProblem
from loader.read import ReadFile, Table, org_columns
from loader.transforms import Transform, compile_steps
from valuenet import queries
from valuenet.model import MODEL

if TYPE_CHECKING:
    from valuenet.db import Graph

# Dimension label -> the link type from organisations to it (graph model).
LINKS = MODEL.links_from(MODEL.org_label)
TECH_LAYER_NAMES = {"基础层": "base", "技术层": "technology", "应用层": "application"}
# The OrgSpec fields that link to a reference dimension other than places, in the order a row is checked:
# (field, dimension label, what a cell names, hint after an unknown value). A ListColumn holds several.
DIMENSION_FIELDS = (
    ("industry", "Industry", "industry", " (GB/T 4754-2017 code or name)"),
    ("application_fields", "ApplicationField", "application field", ""),
    ("tech_layer", "TechLayer", "tech layer", " (基础层/技术层/应用层)"),
    ("core_technologies", "CoreTechnology", "core technology", ""),
)
# Cell text -> code, from the shipped vocabularies (aliases included); checked against the graph after.
_FINDERS: dict[str, Callable[[str], str | None]] = {
    "Industry": dimensions.industry_code,
    "ApplicationField": dimensions.application_field_code,
    "TechLayer": dimensions.tech_layer_code,
    "CoreTechnology": dimensions.core_technology_code,
}
# The label of a taxonomy's members, by what it classifies.
MEMBER_LABEL = {"industry": "Category", "region": "Category", "product": "Product"}
TAXONOMY_LABELS = frozenset(MEMBER_LABEL.values())


def member_id(taxonomy: str, code: str) -> str:
    """The key of a taxonomy member: `<taxonomy>:<code>` (two taxonomies may share codes)."""
    return f"{taxonomy}:{code}"


class KnownDimensions:
    """The dimension nodes present in the graph (and the taxonomies this load declares), and lookups from
    cell text to their keys."""

    def __init__(self, rows: Iterable[dict[str, Any]]) -> None:
        self.codes: dict[str, set[str]] = {label: set() for label in LINKS}
        self._cache: dict[tuple[str, str], str | None] = {}
        self._names: dict[str, dict[str, str]] = {label: {} for label in LINKS}
        self.taxonomies: dict[str, str] = {}  # taxonomy id -> member label
        self._members: dict[str, dict[str, str]] = {}  # taxonomy -> name key of code or name -> member id
        for r in rows:
            label, code = str(r["label"]), r["code"]
            if code is None:
                continue
            code = str(code)
            self.codes[label].add(code)
            if label in TAXONOMY_LABELS:
                self.add_member(
                    label, str(r["taxonomy"]), code, str(r["member_code"]), r.get("name_zh"), r.get("name_en")
                )
                continue
            names = self._names[label]
            for text in (code, r.get("name_zh"), r.get("name_en")):
                if text:
                    names.setdefault(name_key(str(text)), code)
        for zh, code in TECH_LAYER_NAMES.items():
            if code in self.codes["TechLayer"]:
                self._names["TechLayer"].setdefault(name_key(zh), code)

    @classmethod
    def from_graph(cls, graph: Graph) -> KnownDimensions:
        return cls(graph.run(queries.text("loader/dimension_members")))

    @classmethod
    def shipped(cls) -> KnownDimensions:
        """The dimensions `valuenet load --dimensions` would load (for validating without a graph)."""
        rows = dimensions.dimension_rows()
        return cls({"label": label, **r} for label in LINKS for r in rows.get(label, []))

    def add_member(
        self, label: str, taxonomy: str, ident: str, code: str, name_zh: Any, name_en: Any
    ) -> None:
        self.codes[label].add(ident)
        self.taxonomies.setdefault(taxonomy, label)
        names = self._members.setdefault(taxonomy, {})
        names[name_key(code)] = ident  # codes win over names
        for text in (name_zh, name_en):
            if text:
                names.setdefault(name_key(str(text)), ident)

    def missing_for(self, m: Mapping) -> list[str]:
        """The dimension labels (and taxonomies) the mapping links to that have no node here."""
        used: set[str] = set()
        taxonomies: set[str] = set()
        declared = {fm.taxonomy.id for fm in m.files if fm.taxonomy is not None}
        for fm in m.files:
            for s in _org_specs(fm):
                if s.location:
                    used |= {"City", "Province", "Country"}
                used |= {label for attr, label, _, _ in DIMENSION_FIELDS if getattr(s, attr)}
                taxonomies |= {tc.taxonomy for tc in (*s.categories, *s.products)}
            if fm.crosswalk is not None:
                used.add("Industry")
                taxonomies.add(fm.crosswalk.taxonomy)
            if fm.chain is not None:
                ends = (fm.chain.upstream.taxonomy, fm.chain.downstream.taxonomy)
                taxonomies |= {t for t in ends if t}
                used |= {"Industry"} if None in ends else set()
        missing = sorted(label for label in used if not self.codes[label])
        missing += sorted(f"taxonomy {t!r}" for t in taxonomies - declared - set(self.taxonomies))
        return missing

    def lookup(self, label: str, text: str) -> str | None:
        """The code of the loaded `label` node that `text` names (a code, a name or a known alias)."""
        key = (label, text)
        if key not in self._cache:
            self._cache[key] = self._lookup(label, text)
        return self._cache[key]

    def _lookup(self, label: str, text: str) -> str | None:
        finder = _FINDERS.get(label)
        code = finder(text) if finder else None
        if code is None:
            code = self._names[label].get(name_key(text))
        return code if code is not None and code in self.codes[label] else None

    def member(self, taxonomy: str, text: str) -> str | None:
        """The id of the taxonomy's member that `text` names (its code or its name)."""
        return self._members.get(taxonomy, {}).get(name_key(text))


def _org_specs(fm: FileMapping) -> list[OrgSpec]:
    specs: list[OrgSpec] = [fm.nodes] if fm.nodes else []
    if fm.relations:
        specs += [fm.relations.sample, fm.relations.partner]
    return specs


# -- what rows say ---------------------------------------------------------------------------------------
@dataclass(slots=True)
class OrgObs:
    """What one row says about one organisation (shared by the rows with the same cells: never changed)."""

    id: str | None  # explicit id (with prefix) or None until resolved by name
    name: str  # display spelling as written
    canonical: str  # canonical spelling (alias table applied)
    key: str  # name key of the canonical spelling
    name_en: str | None = None
    kinds: set[str] = field(default_factory=set)
    roles: set[str] = field(default_factory=set)
    props: dict[str, Any] = field(default_factory=dict)
    place: Place | None = None
    links: list[tuple[str, str]] = field(default_factory=list)  # (dimension label, key) besides the place
    parent: str | None = None
    alias_names: tuple[str, ...] = ()
    create: bool = True


@dataclass(slots=True)
class NodeObs:
    """One valid row of a node table (for a long table: the merged rows of one organisation)."""

    entry: int
    file: str
    row: int
    org: OrgObs
    edition: int
    name_col: str


@dataclass(slots=True)
class RelObs:
    """One valid row of a relation table; `spec` None = the relationship was dropped, the ends load."""

    entry: int
    file: str
    row: int
    sample: OrgObs
    partner: OrgObs
    spec: RelationSpec | None
    props: dict[str, Any]
    edition: int
    sample_col: str
    partner_col: str
    method: str | None = None  # inferred by this method


@dataclass(slots=True)
class MemberObs:
    """One member of a taxonomy (a row of its table)."""

    taxonomy: str
    label: str  # Category or Product
    code: str
    name: str
    name_en: str | None
    parent: str | None  # the parent's code
    level: int = 1


@dataclass(slots=True)
class TaxonomyObs:
    id: str
    of: str
    name_zh: str | None
    name_en: str | None
    members: dict[str, MemberObs]  # code -> member


@dataclass(slots=True)
class DimLinkObs:
    """A link between two dimension nodes a mapping gives: a crosswalk (MAPS_TO) or a chain (UPSTREAM_OF)."""

    type: str
    from_label: str
    from_key: str
    to_label: str
    to_key: str
    edition: int
    props: dict[str, Any] = field(default_factory=dict)
    method: str | None = None


@dataclass
class Observations:
    """The valid rows of a load: taxonomies and dimension links, node table rows, then relation rows."""

    nodes: list[NodeObs]
    relations: list[RelObs]
    taxonomies: dict[str, TaxonomyObs] = field(default_factory=dict)
    dim_links: list[DimLinkObs] = field(default_factory=list)
    crosswalk: dict[str, list[tuple[str, float]]] = field(default_factory=dict)  # category id -> GB/T targets


def _visible(text: str) -> bool:
    """Whether a name has a letter or digit (not only zero-width characters, spaces or punctuation)."""
    return any(unicodedata.category(ch)[0] in "LN" for ch in text)


class RowValidator:
    """Validates rows against one mapping; problems go to `problems`."""

    def __init__(
        self,
        m: Mapping,
        *,
        aliases: AliasTable,
        places: PlaceResolver,
        dims: KnownDimensions,
        problems: Problems,
    ) -> None:
        self.m = m
        self.aliases = aliases
        self.places = places
        self.dims = dims
        self.problems = problems
        self._transforms: dict[int, Transform | None] = {}
        self._org_keys: dict[tuple[int, int], list[tuple[str, ...]]] = {}  # per (spec, table's cells)
        self._prop_columns: dict[tuple[int, int], tuple[list[tuple[str, PropertySpec]], set[int] | None]] = {}
        self._dimension_columns: dict[
            int, list[tuple[Column, str, str, str]]
        ] = {}  # per spec, the given ones
        self._loc_columns: dict[int, dict[str, Cell]] = {}  # per location spec: country/province/city -> cell
        self._org_cache: dict[int, dict[tuple[str, ...], tuple[OrgObs | None, list[RowProblem]]]] = {}
        self._names: dict[
            str, tuple[str, str, str, bool]
        ] = {}  # raw name -> (display, canonical, key, visible)
        self._place_cache: dict[tuple[str, str, str], tuple[Place | None, list[PlaceProblem]]] = {}
        self._long_checked: set[int] = set()

    def report(self, f: ReadFile, row: int, problems: list[RowProblem], policies: Policies) -> Outcome | None:
        """Record the row's problems with what they did; the row's outcome (None: no problem)."""
        outcome = policies.outcome(problems)
        if outcome is None:
            return None
        for p in problems:
            column, value, reason, _ = p
            self.problems.add(
                f.entry, f.mapping.path, row, column, value, reason, policies.line_outcome(outcome, p)
            )
        return outcome

    # -- cells -------------------------------------------------------------------------------------------
    def text(self, cell: Cell, cells: dict[str, list[str]], i: int, errors: list[RowProblem]) -> str:
        """The cell's text after its transforms ('' when a transform finds it bad: a problem then)."""
        raw = cells[cell.column][i]
        if not raw or not cell.transform:
            return raw
        key = id(cell)
        if key not in self._transforms:
            self._transforms[key] = compile_steps(cell.transform, self.m.base_dir)
        fn = self._transforms[key]
        assert fn is not None
        try:
            return fn(raw)
        except ValueError as e:
            errors.append((cell.column, raw, str(e), False))
            return ""

    def _mark_too_long(self, table: Table) -> None:
        """Cells longer than max_field_length: emptied, a problem of their row (checked a column at a time,
        once per table however many entries read it)."""
        if id(table) in self._long_checked:
            return
        self._long_checked.add(id(table))
        limit = self.m.max_field_length
        for col, cells in table.cells.items():
            if max(map(len, cells), default=0) <= limit:
                continue
            for i, text in enumerate(cells):
                if len(text) > limit:
                    reason = f"value too long ({len(text):,} characters; the limit is {limit:,})"
                    table.problems.setdefault(i, []).append((col, text, reason, False))
                    cells[i] = ""

    def _rows(self, f: ReadFile, policies: Policies) -> Iterator[tuple[int, int, list[RowProblem]]]:
        """(index, spreadsheet row number, the read stage's problems in the columns this entry reads, fatal
        ones always) for every row of the entry's table."""
        table = f.table
        self._mark_too_long(table)
        columns = set(policies.by_column)
        for i, row in enumerate(table.rows):
            yield i, row, [p for p in table.problems.get(i, ()) if p[0] in columns or p[3]]

    # -- one organisation --------------------------------------------------------------------------------
    def org(
        self, spec: OrgSpec, cells: dict[str, list[str]], i: int, errors: list[RowProblem]
    ) -> OrgObs | None:
        """One organisation from row `i`; problems are appended to `errors`.

        Relation tables repeat the same partner (and sample) many times: rows with the same cells for
        this end share one observation (never changed after parsing), which saves time and memory.
        """
        keys = self._org_keys.get((id(spec), id(cells)))
        if keys is None:  # every row's key at once (zip runs in C: a key built per call was 10 % of it)
            columns = [cells[c] for c in org_columns(spec)]
            keys = self._org_keys[(id(spec), id(cells))] = list(zip(*columns, strict=True))
        key = keys[i]
        cache = self._org_cache.setdefault(id(spec), {})
        hit = cache.get(key)
        if hit is None:
            found: list[RowProblem] = []
            hit = cache[key] = (self._org(spec, cells, i, found), found)
        errors.extend(hit[1])
        return hit[0]

    def _org(
        self, spec: OrgSpec, cells: dict[str, list[str]], i: int, errors: list[RowProblem]
    ) -> OrgObs | None:
        column = spec.name.column
        raw = self.text(spec.name, cells, i, errors)
        if not raw:
            errors.append((column, cells[column][i], "empty name", True))
            return None
        hit = self._names.get(raw)
        if hit is None:
            name = display_name(raw)
            canonical = self.aliases.canonical(name)
            hit = self._names[raw] = (name, canonical, name_key(canonical), _visible(name))
        if not hit[2] or not hit[3]:
            what = "only invisible characters" if not hit[2] else "no letters or digits"
            errors.append((column, raw, f"not a name: {what}", True))
            return None
        obs = OrgObs(id=None, name=hit[0], canonical=hit[1], key=hit[2])
        if isinstance(spec, EndSpec):
            obs.create = spec.create
        if spec.id:
            explicit = self.text(spec.id, cells, i, errors)
            if explicit:
                if explicit.endswith(".0") and explicit[:-2].isdigit():
                    explicit = explicit[:-2]
                obs.id = self.m.id_prefix + explicit
        if spec.name_en:
            en = self.text(spec.name_en, cells, i, errors)
            if en:
                obs.name_en = display_name(en)
        self._kind(spec, cells, i, obs, errors)
        obs.roles.update(r.value for r in spec.roles)
        if spec.parent:
            parent = self.text(spec.parent, cells, i, errors)
            if parent:
                obs.parent = display_name(parent)
        if spec.aliases:
            text = self.text(spec.aliases, cells, i, errors)
            sep = spec.aliases.separator
            names = [display_name(p) for p in (text.split(sep) if sep else [text]) if p.strip()]
            obs.alias_names = tuple(n for n in dict.fromkeys(names) if name_key(n) != obs.key)
            if not text and spec.aliases.required:
                errors.append((spec.aliases.column, "", "aliases are required but the cell is empty", True))
        obs.props = self._properties(spec.properties, cells, i, errors)
        if spec.location is not None:
            obs.place = self._location(spec, obs.name, cells, i, errors)
        dimension_columns = self._dimension_columns.get(id(spec))
        if dimension_columns is None:
            dimension_columns = self._dimension_columns[id(spec)] = [
                (col, label, what, hint)
                for attr, label, what, hint in DIMENSION_FIELDS
                if (col := getattr(spec, attr)) is not None
            ]
        for col, label, what, hint in dimension_columns:
            text = self.text(col, cells, i, errors)
            items = values.split_list(text, col.separator) if isinstance(col, ListColumn) and text else [text]
            codes = self._codes(
                col.column,
                col.required,
                [x for x in items if x],
                what,
                hint,
                errors,
                self._finder(label),
            )
            obs.links += [(label, code) for code in codes]
        for label, columns in (("Category", spec.categories), ("Product", spec.products)):
            for tc in columns:
                obs.links += [(label, ident) for ident in self._members(tc, cells, i, errors)]
        return obs

    def _finder(self, label: str) -> Callable[[str], str | None]:
        return lambda item: self.dims.lookup(label, item)

    def _members(
        self, tc: TaxonomyColumn, cells: dict[str, list[str]], i: int, errors: list[RowProblem]
    ) -> list[str]:
        text = self.text(tc, cells, i, errors)
        items = values.split_list(text, tc.separator) if text else []
        return self._codes(
            tc.column,
            tc.required,
            items,
            f"{tc.taxonomy} member",
            "",
            errors,
            lambda item: self.dims.member(tc.taxonomy, item),
        )

    def _kind(
        self, spec: OrgSpec, cells: dict[str, list[str]], i: int, obs: OrgObs, errors: list[RowProblem]
    ) -> None:
        if spec.kind is None:
            return
        if isinstance(spec.kind, Kind):
            obs.kinds.add(spec.kind.value)
            return
        text = cells[spec.kind.column][i] if spec.kind.column else ""
        kind = spec.kind.values.get(text) if text else None
        if text and kind is None:
            allowed = "/".join(spec.kind.values)
            errors.append(
                (spec.kind.column or "", text, f"unknown kind {text!r} (expected {allowed})", False)
            )
        kind = kind or spec.kind.default
        if kind is not None:
            obs.kinds.add(kind.value)

    def _location(
        self, spec: OrgSpec, name: str, cells: dict[str, list[str]], i: int, errors: list[RowProblem]
    ) -> Place | None:
        """The place of the row's location cells; a bad cell is dropped and the others tried again (an
        unknown city in a known province gives the province). Then, if asked, the place in the name."""
        loc = spec.location
        assert loc is not None
        columns = self._loc_columns.get(id(loc))
        if columns is None:
            columns = self._loc_columns[id(loc)] = loc.columns()
        given = {which: self.text(cell, cells, i, errors) for which, cell in columns.items()}
        place: Place | None = None
        while any(given.values()):
            place, problems = self._place(
                given.get("country", ""), given.get("province", ""), given.get("city", "")
            )
            if not problems:
                break
            for which, value, reason in problems:
                errors.append((columns[which].column, value, reason, False))
                given[which] = ""
            place = None
        if place is None and loc.from_name:
            found = self.places.from_name(name)
            place = found if found is not None and found.code in self.dims.codes[found.label] else None
        if place is None and loc.required and not any(cells[c.column][i] for c in columns.values()):
            first = next(iter(columns.values()), None)
            errors.append((first.column if first else "", "", "no location given", True))
        return place

    def _place(self, country: str, province: str, city: str) -> tuple[Place | None, list[PlaceProblem]]:
        """The place of (country, province, city) texts, if its node is loaded, and the problems found."""
        key = (country, province, city)
        hit = self._place_cache.get(key)
        if hit is not None:
            return hit
        place, problems = self.places.from_cells(country, province, city)
        if place is not None and place.code not in self.dims.codes[place.label]:
            which = "city" if city else "province" if province else "country"
            reason = f"{place.label} {place.code} is not among the loaded dimensions (load --dimensions)"
            problems.append((which, city or province or country, reason))
            place = None
        self._place_cache[key] = (place, problems)
        return place, problems

    @staticmethod
    def _codes(
        column: str,
        required: bool,
        items: list[str],
        what: str,
        hint: str,
        errors: list[RowProblem],
        find: Callable[[str], str | None],
    ) -> list[str]:
        """The codes the items name; an unknown item is a problem (the others are kept)."""
        if not items:
            if required:
                errors.append((column, "", f"{what} is required but the cell is empty", True))
            return []
        out: list[str] = []
        for item in items:
            code = find(item)
            if code is None:
                errors.append((column, item, f"unknown {what} {item!r}{hint}", False))
            elif code not in out:
                out.append(code)
        return out

    def _properties(
        self, specs: dict[str, PropertySpec], cells: dict[str, list[str]], i: int, errors: list[RowProblem]
    ) -> dict[str, Any]:
        """The typed properties of row `i` (empty cells set nothing)."""
        props: dict[str, Any] = {}
        active, filled = self._property_columns(specs, cells)
        if filled is not None and i not in filled:
            return props
        for prop, ps in active:
            text = self.text(ps, cells, i, errors)
            if not text:
                if ps.required:
                    errors.append(
                        (ps.column, cells[ps.column][i], f"{prop} is required but the cell is empty", True)
                    )
                continue
            try:
                props[prop] = values.parse(ps, text)
            except ValueError as e:
                errors.append((ps.column, text, str(e), False))
        return props

    def _property_columns(
        self, specs: dict[str, PropertySpec], cells: dict[str, list[str]]
    ) -> tuple[list[tuple[str, PropertySpec]], set[int] | None]:
        """The properties of `specs` that can set something in this table (a column with a value in some
        row, or required) and, when none is required, the rows with a value in one of them: most cells of
        a wide table are empty (the reference's node tables: 557k of the 568k read), and looking at each
        was a quarter of an organisation's validation."""
        key = (id(specs), id(cells))
        known = self._prop_columns.get(key)
        if known is None:
            active = [(prop, ps) for prop, ps in specs.items() if ps.required or any(cells[ps.column])]
            filled = (
                None
                if any(ps.required for _, ps in active)
                else {i for _, ps in active for i, text in enumerate(cells[ps.column]) if text}
            )
            known = self._prop_columns[key] = (active, filled)
        return known

    # -- tables ------------------------------------------------------------------------------------------
    def nodes(self, f: ReadFile) -> list[NodeObs]:
        """The valid rows of a node table; a name (or explicit id) seen twice rejects the later row, unless
        the table is long (its rows of one organisation are merged)."""
        fm, table = f.mapping, f.table
        assert fm.nodes is not None
        spec = fm.nodes
        edition = fm.edition or self.m.edition
        policies = Policies.of(self.m, fm)
        out: list[NodeObs] = []
        seen: dict[str, tuple[int, int]] = {}  # id -> (index in out, index of its first row in the table)
        for i, row, errors in self._rows(f, policies):
            obs = self.org(spec, table.cells, i, errors)
            first: NodeObs | None = None
            repeated = False
            if obs is not None:
                ident = obs.id or obs.key
                if ident in seen:
                    at, first_i = seen[ident]
                    first = out[at]
                    col = spec.id.column if obs.id and spec.id else spec.name.column
                    value = obs.id or obs.name
                    # a row repeated word for word (a table pasted twice) says nothing new: noted only
                    repeated = all(column[i] == column[first_i] for column in table.cells.values())
                    if repeated:
                        reason = f"repeats row {first.row} word for word: one organisation"
                        self.problems.add(f.entry, fm.path, row, col, value, reason, Outcome.noted)
                    elif not spec.long:
                        reason = f"duplicate id {value!r} (first at row {first.row})"
                        errors.append((col, value, reason, True))
            outcome = self.report(f, row, errors, policies)
            if outcome is Outcome.rejected or obs is None or repeated:
                continue
            if first is not None:
                first.org = self._merge_long(f, row, spec.properties, first.org, obs)
            else:
                seen[obs.id or obs.key] = (len(out), i)
                out.append(NodeObs(f.entry, fm.path, row, obs, edition, spec.name.column))
        return out

    def _merge_long(
        self, f: ReadFile, row: int, specs: dict[str, PropertySpec], into: OrgObs, obs: OrgObs
    ) -> OrgObs:
        """Another row of a long table's organisation: `collect` properties and links gather, other values
        keep the first row's (a different one is noted)."""
        merged = replace(into, props=dict(into.props), links=list(into.links), kinds=set(into.kinds))
        for prop, value in obs.props.items():
            ps = specs[prop]
            if ps.collect:
                items = value if isinstance(value, list) else [value]
                have = merged.props.get(prop, [])
                merged.props[prop] = sorted(set(have) | set(items), key=str)
            elif prop not in merged.props:
                merged.props[prop] = value
            elif merged.props[prop] != value:
                first = merged.props[prop]
                reason = (
                    f"{prop} differs from the first row of this organisation ({first!r}); that one is kept"
                )
                self.problems.add(f.entry, f.mapping.path, row, ps.column, str(value), reason, Outcome.noted)
        merged.links += [link for link in obs.links if link not in merged.links]
        merged.kinds |= obs.kinds
        if merged.place is None:
            merged.place = obs.place
        return merged

    def relations(self, f: ReadFile) -> list[RelObs]:
        """The valid rows of a relation table (with `spec` None where the relationship was dropped)."""
        fm, table = f.mapping, f.table
        assert fm.relations is not None
        spec = fm.relations
        edition = fm.edition or self.m.edition
        policies = Policies.of(self.m, fm)
        out: list[RelObs] = []
        tcol = spec.type.column
        for i, row, errors in self._rows(f, policies):
            s = self.org(spec.sample, table.cells, i, errors)
            p = self.org(spec.partner, table.cells, i, errors)
            rspec: RelationSpec | None
            if tcol is None:
                rspec = spec.type.value
            else:
                text = table.cells[tcol][i]
                rspec = spec.type.values.get(text)
                if rspec is None:
                    allowed = "/".join(spec.type.values)
                    reason = "empty relation type" if not text else f"unknown relation type {text!r}"
                    errors.append((tcol, text, f"{reason} (expected {allowed})", False))
            props = self._properties(spec.properties, table.cells, i, errors)
            outcome = self.report(f, row, errors, policies)
            if outcome is Outcome.rejected:
                continue
            assert s is not None and p is not None
            if outcome is Outcome.link_dropped:
                rspec = None
            out.append(
                RelObs(
                    f.entry,
                    fm.path,
                    row,
                    s,
                    p,
                    rspec,
                    props,
                    edition,
                    spec.sample.name.column,
                    spec.partner.name.column,
                    fm.inferred,
                )
            )
        return out

    def learn_aliases(self, nodes: list[NodeObs]) -> None:
        """Spellings from alias columns join the alias table for the rest of this load (unless the spelling
        is itself the name of an organisation in a node table, or already an alias)."""
        node_keys = {n.org.key for n in nodes}
        learned = 0
        for n in nodes:
            for alias in n.org.alias_names:
                k = name_key(alias)
                if k not in node_keys and k not in self.aliases.same:
                    self.aliases.same[k] = n.org.canonical
                    learned += 1
        if learned:  # names now resolve differently (else the relation tables' names are the node tables')
            self._names.clear()
            self._org_cache.clear()

    # -- taxonomies, crosswalks, chains -------------------------------------------------------------------
    def taxonomy(self, f: ReadFile) -> TaxonomyObs:
        """The members of a taxonomy table; they join the known dimensions for the rest of the load."""
        fm, table = f.mapping, f.table
        t = fm.taxonomy
        assert t is not None
        policies = Policies.of(self.m, fm)
        label = MEMBER_LABEL[t.of]
        tax = TaxonomyObs(t.id, t.of, t.title_zh, t.title_en, {})
        rows: dict[str, int] = {}
        for i, row, errors in self._rows(f, policies):
            code = self.text(t.code, table.cells, i, errors)
            name = display_name(self.text(t.name, table.cells, i, errors))
            if not code:
                errors.append((t.code.column, table.cells[t.code.column][i], "empty code", True))
            elif code in tax.members:
                errors.append(
                    (t.code.column, code, f"duplicate code {code!r} (first at row {rows[code]})", True)
                )
            if not name:
                errors.append((t.name.column, table.cells[t.name.column][i], "empty name", True))
            name_en = display_name(self.text(t.name_en, table.cells, i, errors)) if t.name_en else ""
            parent = self.text(t.parent, table.cells, i, errors) if t.parent else ""
            if self.report(f, row, errors, policies) is Outcome.rejected:
                continue
            rows[code] = row
            tax.members[code] = MemberObs(t.id, label, code, name, name_en or None, parent or None)
        for code, member in tax.members.items():
            if member.parent is not None and member.parent not in tax.members:
                assert t.parent is not None
                problem = (t.parent.column, member.parent, f"unknown parent code {member.parent!r}", False)
                self.report(f, rows[code], [problem], policies)
                member.parent = None
        self._levels(f, tax, rows, policies)
        for m in tax.members.values():
            self.dims.add_member(label, t.id, member_id(t.id, m.code), m.code, m.name, m.name_en)
        return tax

    def _levels(self, f: ReadFile, tax: TaxonomyObs, rows: dict[str, int], policies: Policies) -> None:
        """Each member's depth (1 = top); a parent cycle is cut where it closes (noted)."""
        t = f.mapping.taxonomy
        assert t is not None
        for code, member in tax.members.items():
            chain = [code]
            parent = member.parent
            while parent is not None and parent not in chain:
                chain.append(parent)
                parent = tax.members[parent].parent
            if parent is not None:  # a cycle: this member's parent link is dropped
                assert t.parent is not None
                problem = (t.parent.column, member.parent or "", "the parent codes form a cycle", False)
                self.report(f, rows[code], [problem], policies)
                member.parent = None
                chain = [code]
            member.level = len(chain)

    def crosswalk(self, f: ReadFile, obs: Observations) -> None:
        """Members of an industry taxonomy onto GB/T 4754 industries (MAPS_TO {weight})."""
        fm, table = f.mapping, f.table
        x = fm.crosswalk
        assert x is not None
        policies = Policies.of(self.m, fm)
        edition = fm.edition or self.m.edition
        for i, row, errors in self._rows(f, policies):
            text = self.text(x.code, table.cells, i, errors)
            member = self.dims.member(x.taxonomy, text) if text else None
            if member is None:
                errors.append((x.code.column, text, f"unknown {x.taxonomy} member {text!r}", True))
            industry_text = self.text(x.industry, table.cells, i, errors)
            industry = self.dims.lookup("Industry", industry_text) if industry_text else None
            if industry is None:
                reason = f"unknown industry {industry_text!r} (GB/T 4754-2017 code or name)"
                errors.append((x.industry.column, industry_text, reason, not industry_text))
            weight = 1.0
            if x.weight is not None:
                w = self.text(x.weight, table.cells, i, errors)
                try:
                    weight = values.parse_share(w) if w else 1.0
                    if weight <= 0:
                        raise ValueError(f"a weight must be above 0: {w!r}")
                except ValueError as e:
                    errors.append((x.weight.column, w, str(e), False))
                    weight = 1.0
            if self.report(f, row, errors, policies) is Outcome.rejected:
                continue
            assert member is not None and industry is not None
            obs.dim_links.append(
                DimLinkObs("MAPS_TO", "Category", member, "Industry", industry, edition, {"weight": weight})
            )
            obs.crosswalk.setdefault(member, []).append((industry, weight))

    def chain(self, f: ReadFile) -> list[DimLinkObs]:
        """Upstream -> downstream pairs: UPSTREAM_OF between members of taxonomies, or GB/T industries."""
        fm, table = f.mapping, f.table
        c = fm.chain
        assert c is not None
        policies = Policies.of(self.m, fm)
        edition = fm.edition or self.m.edition
        out: list[DimLinkObs] = []
        for i, row, errors in self._rows(f, policies):
            ends = [self._chain_end(end, table.cells, i, errors) for end in (c.upstream, c.downstream)]
            (a_label, a), (b_label, b) = ends
            if a is not None and a == b:
                errors.append(
                    (
                        c.downstream.column,
                        table.cells[c.downstream.column][i],
                        "a link from a node to itself",
                        True,
                    )
                )
            elif a is not None and b is not None and a_label != b_label:
                errors.append(
                    (
                        c.downstream.column,
                        table.cells[c.downstream.column][i],
                        f"a chain links two {a_label} or two {b_label} nodes, not one of each kind",
                        True,
                    )
                )
            if self.report(f, row, errors, policies) is Outcome.rejected:
                continue
            assert a is not None and b is not None
            out.append(DimLinkObs("UPSTREAM_OF", a_label, a, b_label, b, edition, {}, fm.inferred))
        return out

    def _chain_end(
        self, end: ChainEnd, cells: dict[str, list[str]], i: int, errors: list[RowProblem]
    ) -> tuple[str, str | None]:
        text = self.text(end, cells, i, errors)
        if end.taxonomy is None:
            label, found, what = "Industry", self.dims.lookup("Industry", text) if text else None, "industry"
        else:
            label = self.dims.taxonomies.get(end.taxonomy, "Category")
            found, what = (self.dims.member(end.taxonomy, text) if text else None), f"{end.taxonomy} member"
        if found is None:
            reason = f"unknown {what} {text!r}" if text else f"{what} is required but the cell is empty"
            errors.append((end.column, cells[end.column][i], reason, True))
        return label, found


def validate(
    files: list[ReadFile],
    m: Mapping,
    *,
    aliases: AliasTable,
    places: PlaceResolver,
    dims: KnownDimensions,
    problems: Problems,
    crosswalks: dict[str, list[tuple[str, float]]] | None = None,
) -> Observations:
    """The valid rows of every entry, by kind (taxonomies, crosswalks, chains, node tables, relation tables).
    `crosswalks` are those the graph holds already (category id -> GB/T targets). Frees the tables' text."""
    v = RowValidator(m, aliases=aliases, places=places, dims=dims, problems=problems)
    obs = Observations([], [], crosswalk=dict(crosswalks or {}))
    for f in files:
        if f.mapping.taxonomy is not None:
            tax = v.taxonomy(f)
            obs.taxonomies[tax.id] = tax
            obs.dim_links += [
                DimLinkObs(
                    "SUBCLASS_OF",
                    mo.label,
                    member_id(tax.id, mo.code),
                    mo.label,
                    member_id(tax.id, mo.parent),
                    m.edition,
                )
                for mo in tax.members.values()
                if mo.parent is not None
            ]
    for f in files:
        if f.mapping.crosswalk is not None:
            v.crosswalk(f, obs)
        elif f.mapping.chain is not None:
            obs.dim_links += v.chain(f)
    obs.nodes = [n for f in files if f.mapping.nodes is not None for n in v.nodes(f)]
    v.learn_aliases(obs.nodes)
    obs.relations = [r for f in files if f.mapping.relations is not None for r in v.relations(f)]
    for f in files:
        f.table.cells = {}  # validated: the text is no longer needed (large inputs)
    return obs
