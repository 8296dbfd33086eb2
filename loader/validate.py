"""Stage 2 of a load, validate: each row of a table -> what it says about organisations and relations, or
rejects naming file, row, column, value and reason.

Checked: cell length (`max_field_length`), names, kinds and relation types (the mapping's value maps), typed
properties (loader.values), places (loader.places, then against the loaded dimension nodes), industries,
application fields, tech layers and core technologies (codes, names or aliases of the loaded dimension
nodes). A row with any problem is rejected whole: one reject per problem, and nothing of the row goes on.

Node tables are validated first: the spellings of their alias columns join the alias table before the
relation tables are read, so relation rows that use them name the same organisation.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from loader import dimensions, values
from loader.load_report import Rejects
from loader.mapping import (
    EndSpec,
    FileMapping,
    Kind,
    ListColumn,
    Mapping,
    OrgSpec,
    PropertySpec,
    RelationSpec,
)
from loader.names import AliasTable, display_name, name_key
from loader.places import Place, PlaceProblem, PlaceResolver
from loader.read import ReadFile, Table, org_columns
from valuenet import queries
from valuenet.model import MODEL

if TYPE_CHECKING:
    from valuenet.db import Graph

# (column, value, reason) of one problem in a row.
Problem = tuple[str, str, str]

# Dimension label -> the link type from organisations to it (graph model).
LINKS = MODEL.links_from(MODEL.org_label)
TECH_LAYER_NAMES = {"基础层": "base", "技术层": "technology", "应用层": "application"}
# The OrgSpec fields that link to a dimension other than places, in the order a row is checked:
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


class KnownDimensions:
    """The dimension nodes present in the graph, and lookups from cell text to their codes."""

    def __init__(self, rows: Iterable[dict[str, Any]]) -> None:
        self.codes: dict[str, set[str]] = {label: set() for label in LINKS}
        self._cache: dict[tuple[str, str], str | None] = {}
        self._names: dict[str, dict[str, str]] = {label: {} for label in LINKS}
        for r in rows:
            label, code = str(r["label"]), r["code"]
            if code is None:
                continue
            code = str(code)
            self.codes[label].add(code)
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

    def missing_for(self, m: Mapping) -> list[str]:
        """The dimension labels the mapping links to that have no node here."""
        used: set[str] = set()
        for fm in m.files:
            specs: list[OrgSpec] = [fm.nodes] if fm.nodes else []
            if fm.relations:
                specs += [fm.relations.sample, fm.relations.partner]
            for s in specs:
                if s.location:
                    used |= {"City", "Province", "Country"}
                used |= {label for attr, label, _, _ in DIMENSION_FIELDS if getattr(s, attr)}
        return sorted(label for label in used if not self.codes[label])

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
    links: list[tuple[str, str]] = field(default_factory=list)  # (dimension label, code) besides the place
    parent: str | None = None
    alias_names: tuple[str, ...] = ()
    create: bool = True


@dataclass(slots=True)
class NodeObs:
    """One valid row of a node table."""

    file: str
    row: int
    org: OrgObs
    edition: int


@dataclass(slots=True)
class RelObs:
    """One valid row of a relation table."""

    file: str
    row: int
    sample: OrgObs
    partner: OrgObs
    spec: RelationSpec
    props: dict[str, Any]
    edition: int
    sample_col: str
    partner_col: str


@dataclass
class Observations:
    """The valid rows of a load: node table rows first, then relation rows, each in file order."""

    nodes: list[NodeObs]
    relations: list[RelObs]


class RowValidator:
    """Validates rows against one mapping; problems go to `rejects`."""

    def __init__(
        self,
        m: Mapping,
        *,
        aliases: AliasTable,
        places: PlaceResolver,
        dims: KnownDimensions,
        rejects: Rejects,
    ) -> None:
        self.m = m
        self.aliases = aliases
        self.places = places
        self.dims = dims
        self.rejects = rejects
        self._spec_columns: dict[int, list[str]] = {}
        self._org_cache: dict[int, dict[tuple[str, ...], tuple[OrgObs | None, list[Problem]]]] = {}
        self._names: dict[str, tuple[str, str, str]] = {}  # raw name -> (display, canonical, key)
        self._place_cache: dict[tuple[str, str, str], tuple[Place | None, list[PlaceProblem]]] = {}

    def reject(self, file: str, row: int, problems: Iterable[Problem]) -> None:
        for column, value, reason in problems:
            self.rejects.add(file, row, column, value, reason)

    # -- one organisation --------------------------------------------------------------------------------
    def org(self, spec: OrgSpec, cells: dict[str, list[str]], i: int, errors: list[Problem]) -> OrgObs | None:
        """One organisation from row `i`; problems are appended to `errors`.

        Relation tables repeat the same partner (and sample) many times: rows with the same cells for
        this end share one observation (never changed after parsing), which saves time and memory.
        """
        cols = self._spec_columns.get(id(spec))
        if cols is None:
            cols = self._spec_columns[id(spec)] = org_columns(spec)
        key = tuple(cells[c][i] for c in cols)
        cache = self._org_cache.setdefault(id(spec), {})
        hit = cache.get(key)
        if hit is None:
            found: list[Problem] = []
            hit = cache[key] = (self._org(spec, cells, i, found), found)
        errors.extend(hit[1])
        return hit[0]

    def _org(
        self, spec: OrgSpec, cells: dict[str, list[str]], i: int, errors: list[Problem]
    ) -> OrgObs | None:
        raw = cells[spec.name][i]
        if not raw:
            errors.append((spec.name, "", "empty name"))
            return None
        hit = self._names.get(raw)
        if hit is None:
            name = display_name(raw)
            canonical = self.aliases.canonical(name)
            hit = self._names[raw] = (name, canonical, name_key(canonical))
        obs = OrgObs(id=None, name=hit[0], canonical=hit[1], key=hit[2])
        if isinstance(spec, EndSpec):
            obs.create = spec.create
        if spec.id:
            explicit = cells[spec.id][i]
            if explicit:
                if explicit.endswith(".0") and explicit[:-2].isdigit():
                    explicit = explicit[:-2]
                obs.id = self.m.id_prefix + explicit
        if spec.name_en:
            en = cells[spec.name_en][i]
            if en:
                obs.name_en = display_name(en)
        if spec.kind is not None:
            if isinstance(spec.kind, Kind):
                obs.kinds.add(spec.kind.value)
            else:
                text = cells[spec.kind.column][i] if spec.kind.column else ""
                if text:
                    kind = spec.kind.values.get(text)
                    if kind is None:
                        allowed = "/".join(spec.kind.values)
                        errors.append(
                            (spec.kind.column or "", text, f"unknown kind {text!r} (expected {allowed})")
                        )
                    else:
                        obs.kinds.add(kind.value)
                elif spec.kind.default is not None:
                    obs.kinds.add(spec.kind.default.value)
        obs.roles.update(r.value for r in spec.roles)
        if spec.parent:
            parent = cells[spec.parent][i]
            if parent:
                obs.parent = display_name(parent)
        if spec.aliases:
            text = cells[spec.aliases.column][i]
            sep = spec.aliases.separator
            names = [display_name(p) for p in (text.split(sep) if sep else [text]) if p.strip()]
            obs.alias_names = tuple(n for n in dict.fromkeys(names) if name_key(n) != obs.key)
            if not text and spec.aliases.required:
                errors.append((spec.aliases.column, "", "aliases are required but the cell is empty"))
        obs.props = _properties(spec.properties, cells, i, errors)
        if spec.location is not None:
            loc = spec.location
            country = cells[loc.country][i] if loc.country else ""
            province = cells[loc.province][i] if loc.province else ""
            city = cells[loc.city][i] if loc.city else ""
            if country or province or city:
                place, problems = self._place(country, province, city)
                cols = {"country": loc.country, "province": loc.province, "city": loc.city}
                for which, value, reason in problems:
                    errors.append((cols[which] or which, value, reason))
                obs.place = place
            elif loc.required:
                errors.append((loc.city or loc.province or loc.country or "", "", "no location given"))
        for attr, label, what, hint in DIMENSION_FIELDS:
            column = getattr(spec, attr)
            if isinstance(column, ListColumn):
                text = cells[column.column][i]
                codes = self._codes(
                    label, what, column.column, text, column.separator, column.required, errors
                )
                obs.links += [(label, code) for code in codes]
            elif column:
                text = cells[column][i]
                code = self.dims.lookup(label, text) if text else None
                if text and code is None:
                    errors.append((column, text, f"unknown {what} {text!r}{hint}"))
                elif code is not None:
                    obs.links.append((label, code))
        return obs

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

    def _codes(
        self,
        label: str,
        what: str,
        column: str,
        text: str,
        sep: str,
        required: bool,
        errors: list[Problem],
    ) -> list[str]:
        if not text:
            if required:
                errors.append((column, "", f"{what} is required but the cell is empty"))
            return []
        out: list[str] = []
        for item in values.split_list(text, sep):
            code = self.dims.lookup(label, item)
            if code is None:
                errors.append((column, text, f"unknown {what} {item!r}"))
            elif code not in out:
                out.append(code)
        return out

    def _too_long(self, table: Table) -> dict[int, list[Problem]]:
        """Row index -> the cells longer than max_field_length (checked a column at a time)."""
        limit = self.m.max_field_length
        out: dict[int, list[Problem]] = {}
        for col, cells in table.cells.items():
            if max(map(len, cells), default=0) <= limit:
                continue
            for i, text in enumerate(cells):
                if len(text) > limit:
                    reason = f"value too long ({len(text):,} characters; the limit is {limit:,})"
                    out.setdefault(i, []).append((col, text, reason))
        return out

    # -- tables ------------------------------------------------------------------------------------------
    def nodes(self, fm: FileMapping, table: Table) -> list[NodeObs]:
        """The valid rows of a node table; a name (or explicit id) seen twice rejects the later row."""
        assert fm.nodes is not None
        spec = fm.nodes
        edition = fm.edition or self.m.edition
        out: list[NodeObs] = []
        seen: dict[str, int] = {}
        too_long = self._too_long(table)
        for i, row in enumerate(table.rows):
            errors = list(too_long.get(i, ()))
            obs = None if errors else self.org(spec, table.cells, i, errors)
            if obs is not None and not errors:
                ident = obs.id or obs.key
                if ident in seen:
                    col = spec.id if obs.id and spec.id else spec.name
                    value = obs.id or obs.name
                    errors.append((col, value, f"duplicate id {value!r} (first at row {seen[ident]})"))
                else:
                    seen[ident] = row
            if errors:
                self.reject(fm.path, row, errors)
                continue
            assert obs is not None
            out.append(NodeObs(fm.path, row, obs, edition))
        return out

    def relations(self, fm: FileMapping, table: Table) -> list[RelObs]:
        """The valid rows of a relation table."""
        assert fm.relations is not None
        spec = fm.relations
        edition = fm.edition or self.m.edition
        out: list[RelObs] = []
        tcol = spec.type.column
        too_long = self._too_long(table)
        for i, row in enumerate(table.rows):
            errors = list(too_long.get(i, ()))
            if errors:
                self.reject(fm.path, row, errors)
                continue
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
                    errors.append((tcol, text, f"{reason} (expected {allowed})"))
            props = _properties(spec.properties, table.cells, i, errors)
            if errors:
                self.reject(fm.path, row, errors)
                continue
            assert s is not None and p is not None and rspec is not None
            out.append(RelObs(fm.path, row, s, p, rspec, props, edition, spec.sample.name, spec.partner.name))
        return out

    def learn_aliases(self, nodes: list[NodeObs]) -> None:
        """Spellings from alias columns join the alias table for the rest of this load (unless the spelling
        is itself the name of an organisation in a node table, or already an alias)."""
        node_keys = {n.org.key for n in nodes}
        for n in nodes:
            for alias in n.org.alias_names:
                k = name_key(alias)
                if k not in node_keys and k not in self.aliases.same:
                    self.aliases.same[k] = n.org.canonical
        self._names.clear()  # names now resolve differently
        self._org_cache.clear()


def _properties(
    specs: dict[str, PropertySpec], cells: dict[str, list[str]], i: int, errors: list[Problem]
) -> dict[str, Any]:
    """The typed properties of row `i` (empty cells set nothing)."""
    props: dict[str, Any] = {}
    for prop, ps in specs.items():
        text = cells[ps.column][i]
        if not text:
            if ps.required:
                errors.append((ps.column, "", f"{prop} is required but the cell is empty"))
            continue
        try:
            props[prop] = values.parse(ps, text)
        except ValueError as e:
            errors.append((ps.column, text, str(e)))
    return props


def validate(
    files: list[ReadFile],
    m: Mapping,
    *,
    aliases: AliasTable,
    places: PlaceResolver,
    dims: KnownDimensions,
    rejects: Rejects,
) -> Observations:
    """The valid rows of every file: node tables first, then relation tables. Frees the tables' text."""
    v = RowValidator(m, aliases=aliases, places=places, dims=dims, rejects=rejects)
    nodes = [obs for f in files if f.mapping.nodes is not None for obs in v.nodes(f.mapping, f.table)]
    v.learn_aliases(nodes)
    relations = [r for f in files if f.mapping.relations is not None for r in v.relations(f.mapping, f.table)]
    for f in files:
        f.table.cells = {}  # validated: the text is no longer needed (large inputs)
    return Observations(nodes, relations)
