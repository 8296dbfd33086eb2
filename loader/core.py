"""The load pipeline: read every table, validate every row, resolve organisations, then write in batches.

Phases (nothing is written before phase 5, so a file that cannot be read stops the load untouched):
1. read: every file of the mapping, checked as a table (encoding, header, required columns, data rows);
2. parse: each row -> an observation of one organisation (node tables) or of a relation and its two ends;
   bad cells reject the row (type, enum, code, length checks);
3. resolve: names -> ids (explicit id, alias table, this load's node tables, name keys already in the graph,
   else "org:" + name key); duplicate ids in a node table and dangling relation ends reject rows;
4. aggregate: one node row per organisation and one relationship row per relation, lists merged;
5. write: batched UNWIND ... MERGE, each batch its own transaction, nodes before everything that needs them.
   Every write is idempotent, so a rerun after a crash converges to the graph a clean run yields.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from loader import dimensions, values
from loader import mapping as mapping_mod
from loader.mapping import EndSpec, FileMapping, Kind, Mapping, OrgSpec, RelationSpec, RelType, Role
from loader.names import AliasTable, display_name, is_latin, name_key, org_id
from loader.places import Place, PlaceResolver
from loader.report import FileReport, LoadReport, Reject, write_rejects
from loader.tables import InputFileError, Table, read_table
from valuenet import queries
from valuenet import schema as schema_mod
from valuenet.db import Graph, WriteSummary

Progress = Callable[[str, int, int], None]  # (phase, done, total)

LABEL_QUERIES: dict[str, str] = {
    Kind.Enterprise: "loader/label_enterprise",
    Kind.University: "loader/label_university",
    Kind.ResearchInstitute: "loader/label_research_institute",
    Kind.NewRDInstitution: "loader/label_new_rd_institution",
    Kind.Investor: "loader/label_investor",
    Kind.Government: "loader/label_government",
    Kind.Linker: "loader/label_linker",
    Role.Sample: "loader/label_sample",
    Role.Platform: "loader/label_platform",
}
REL_QUERIES: dict[RelType, str] = {
    RelType.EMPOWERS: "loader/rel_empowers",
    RelType.SUPPLIES_TALENT: "loader/rel_supplies_talent",
    RelType.INVESTS_IN: "loader/rel_invests_in",
    RelType.ACQUIRES: "loader/rel_acquires",
    RelType.PART_OF: "loader/rel_part_of",
}
# (kind or "", is a sample) -> the query creating new organisations with exactly those labels.
CREATE_QUERIES: dict[tuple[str, bool], str] = {
    (kind, sample): "loader/create_org" + (f"_{stem}" if stem else "") + ("_sample" if sample else "")
    for kind, stem in [
        ("", ""),
        (Kind.Enterprise.value, "enterprise"),
        (Kind.University.value, "university"),
        (Kind.ResearchInstitute.value, "research_institute"),
        (Kind.NewRDInstitution.value, "new_rd_institution"),
        (Kind.Investor.value, "investor"),
        (Kind.Government.value, "government"),
        (Kind.Linker.value, "linker"),
    ]
    for sample in (False, True)
}
# Dimension label -> link query.
LINK_QUERIES: dict[str, str] = {
    "City": "loader/link_city",
    "Province": "loader/link_province",
    "Country": "loader/link_country",
    "Industry": "loader/link_industry",
    "ApplicationField": "loader/link_application_field",
    "TechLayer": "loader/link_tech_layer",
    "CoreTechnology": "loader/link_core_technology",
}
TECH_LAYER_NAMES = {"基础层": "base", "技术层": "technology", "应用层": "application"}
# Rows with an end created in this load: the relationship cannot exist yet, so a plain CREATE does.
CREATE_REL_QUERIES = {t: q.replace("loader/", "loader/create_") for t, q in REL_QUERIES.items()}
CREATE_LINK_QUERIES = {label: q.replace("loader/", "loader/create_") for label, q in LINK_QUERIES.items()}
# Relationship properties that are part of the relationship's identity (one relationship per value).
REL_KEYS: dict[RelType, str] = {RelType.SUPPLIES_TALENT: "experience"}


class LoadError(Exception):
    """The load stopped before writing anything (unreadable file, bad mapping, dimensions missing)."""


# -- dimensions ----------------------------------------------------------------------------------------------
class Dimensions:
    """The dimension nodes present in the graph, and lookups from cell text to their codes."""

    def __init__(self, rows: Iterable[dict[str, Any]]) -> None:
        self.codes: dict[str, set[str]] = {label: set() for label in LINK_QUERIES}
        self._cache: dict[tuple[str, str], str | None] = {}
        self._names: dict[str, dict[str, str]] = {label: {} for label in LINK_QUERIES}
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
    def from_graph(cls, graph: Graph) -> Dimensions:
        return cls(graph.run(queries.text("loader/dimension_members")))

    @classmethod
    def shipped(cls) -> Dimensions:
        """The dimensions `valuenet load --dimensions` would load (for validating without a graph)."""
        rows = dimensions.dimension_rows()
        return cls({"label": label, **r} for label in LINK_QUERIES for r in rows.get(label, []))

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

    def industry(self, text: str) -> str | None:
        return self.lookup("Industry", text)


# Cell text -> code, from the shipped vocabularies (aliases included); checked against the graph after.
_FINDERS: dict[str, Callable[[str], str | None]] = {
    "Industry": dimensions.industry_code,
    "ApplicationField": dimensions.application_field_code,
    "TechLayer": dimensions.tech_layer_code,
    "CoreTechnology": dimensions.core_technology_code,
}


# -- observations --------------------------------------------------------------------------------------------
@dataclass(slots=True)
class OrgObs:
    """What one row says about one organisation."""

    id: str | None  # explicit id (with prefix) or None until resolved by name
    name: str  # display spelling as written
    canonical: str  # canonical spelling (alias table applied)
    key: str  # name key of the canonical spelling
    name_en: str | None = None
    kinds: set[str] = field(default_factory=set)
    roles: set[str] = field(default_factory=set)
    props: dict[str, Any] = field(default_factory=dict)
    place: Place | None = None
    industry: str | None = None
    fields: list[str] = field(default_factory=list)
    layer: str | None = None
    techs: list[str] = field(default_factory=list)
    parent: str | None = None
    alias_names: tuple[str, ...] = ()
    create: bool = True


@dataclass(slots=True)
class RelObs:
    file: str
    row: int
    sample: OrgObs
    partner: OrgObs
    spec: RelationSpec
    props: dict[str, Any]
    edition: int
    sample_col: str
    partner_col: str


@dataclass(slots=True)
class NodeAcc:
    id: str
    key: str
    name: str
    name_en: str | None = None
    spellings: set[str] = field(default_factory=set)
    kinds: set[str] = field(default_factory=set)
    roles: set[str] = field(default_factory=set)
    props: dict[str, Any] = field(default_factory=dict)
    prop_prio: dict[str, int] = field(default_factory=dict)
    sample_editions: set[int] = field(default_factory=set)
    links: dict[tuple[str, str], set[int]] = field(default_factory=dict)  # (label, code) -> editions
    place_prio: int = -1
    place: tuple[str, str] | None = None
    place_editions: set[int] = field(default_factory=set)
    editions: set[int] = field(default_factory=set)  # editions of the rows that mention it


@dataclass(slots=True)
class RelAcc:
    type: RelType
    source: str
    target: str
    key_value: Any
    editions: set[int] = field(default_factory=set)
    props: dict[str, Any] = field(default_factory=dict)


# -- the loader ----------------------------------------------------------------------------------------------
class _Loader:
    def __init__(
        self,
        graph: Graph | None,
        m: Mapping,
        *,
        aliases: AliasTable,
        places: PlaceResolver,
        dims: Dimensions,
        progress: Progress | None,
        batch_size: int,
    ) -> None:
        self.graph = graph
        self.m = m
        self.aliases = aliases
        self.places = places
        self.dims = dims
        self.progress = progress
        self.batch_size = batch_size
        self.rejects: list[Reject] = []
        self.rejected_rows: dict[str, set[int]] = {}
        self.nodes: dict[str, NodeAcc] = {}
        self.rels: dict[tuple[RelType, str, str, Any], RelAcc] = {}
        self.local_ids: dict[str, str] = {}  # name key -> explicit id from this load's node tables
        self.node_table_ids: set[str] = set()
        self.notes: list[str] = []
        self._spec_columns: dict[int, list[str]] = {}
        self._org_cache: dict[
            int, dict[tuple[str, ...], tuple[OrgObs | None, list[tuple[str, str, str]]]]
        ] = {}
        self._names: dict[str, tuple[str, str, str]] = {}  # raw name -> (display, canonical, key)
        self._place_cache: dict[tuple[str, str, str], tuple[Place | None, list[tuple[str, str, str]]]] = {}

    # -- rejects -------------------------------------------------------------------------------------------
    def reject(self, file: str, row: int, column: str, value: str, reason: str) -> None:
        self.rejects.append(Reject(file, row, column, value, reason))
        self.rejected_rows.setdefault(file, set()).add(row)

    # -- parsing one organisation ----------------------------------------------------------------------------
    def _place(
        self, country: str, province: str, city: str
    ) -> tuple[Place | None, list[tuple[str, str, str]]]:
        """The place of (country, province, city) texts and the problems found: (which, value, reason)."""
        key = (country, province, city)
        hit = self._place_cache.get(key)
        if hit is not None:
            return hit
        problems: list[tuple[str, str, str]] = []
        r = self.places
        iso = r.country(country) if country else None
        if country and iso is None:
            problems.append(("country", country, f"unknown country {country!r}"))
        foreign = iso is not None and iso not in ("CN", "HK", "MO", "TW")
        prov_code = r.province(province) if province and not foreign else None
        if province and not foreign and prov_code is None:
            problems.append(("province", province, f"unknown province {province!r}"))
        place: Place | None = None
        if not problems:
            if city:
                place = r.resolve(city, province_hint=province or None, country_hint=country or None)
                if place is None:
                    alone = r.resolve(city) if (province or country) else None
                    if alone is not None and province and alone.province != prov_code:
                        reason = f"city {city!r} is not in province {province!r}"
                    elif alone is not None and country:
                        reason = f"city {city!r} is not in country {country!r}"
                    else:
                        where = f" in {province}" if province else ""
                        reason = f"unknown or ambiguous city {city!r}{where}"
                    problems.append(("city", city, reason))
            elif province and not foreign:
                place = r.resolve(province, country_hint=country or None)
                if place is None:
                    problems.append(("province", province, f"province {province!r} contradicts {country!r}"))
            elif country:
                place = r.resolve(country)
                if place is None and iso is not None:
                    place = Place("country", iso, iso, None, not foreign)
        if place is not None:
            label = {"city": "City", "province": "Province", "country": "Country"}[place.level]
            if place.code not in self.dims.codes[label]:
                which = "city" if city else "province" if province else "country"
                text = city or province or country
                problems.append(
                    (
                        which,
                        text,
                        f"{label} {place.code} is not among the loaded dimensions (load --dimensions)",
                    )
                )
                place = None
        result = (place, problems)
        self._place_cache[key] = result
        return result

    def parse_org(
        self, spec: OrgSpec, cells: dict[str, list[str]], i: int, errors: list[tuple[str, str, str]]
    ) -> OrgObs | None:
        """One organisation from row `i`; problems are appended to `errors` as (column, value, reason).

        Relation tables repeat the same partner (and sample) many times: rows with the same cells for
        this end share one observation (never changed after parsing), which saves time and memory.
        """
        cols = self._spec_columns.get(id(spec))
        if cols is None:
            cols = self._spec_columns[id(spec)] = _org_columns(spec)
        key = tuple(cells[c][i] for c in cols)
        cache = self._org_cache.setdefault(id(spec), {})
        hit = cache.get(key)
        if hit is None:
            found: list[tuple[str, str, str]] = []
            hit = cache[key] = (self._parse_org(spec, cells, i, found), found)
        errors.extend(hit[1])
        return hit[0]

    def _parse_org(
        self, spec: OrgSpec, cells: dict[str, list[str]], i: int, errors: list[tuple[str, str, str]]
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
        for prop, ps in spec.properties.items():
            text = cells[ps.column][i]
            if not text:
                if ps.required:
                    errors.append((ps.column, "", f"{prop} is required but the cell is empty"))
                continue
            try:
                obs.props[prop] = values.parse(ps, text)
            except ValueError as e:
                errors.append((ps.column, text, str(e)))
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
        if spec.industry:
            text = cells[spec.industry][i]
            if text:
                code = self.dims.industry(text)
                if code is None:
                    errors.append(
                        (spec.industry, text, f"unknown industry {text!r} (GB/T 4754-2017 code or name)")
                    )
                obs.industry = code
        if spec.application_fields:
            col = spec.application_fields
            obs.fields = self._codes(
                "ApplicationField",
                "application field",
                col.column,
                cells[col.column][i],
                col.separator,
                col.required,
                errors,
            )
        if spec.tech_layer:
            text = cells[spec.tech_layer][i]
            if text:
                code = self.dims.lookup("TechLayer", text)
                if code is None:
                    errors.append(
                        (spec.tech_layer, text, f"unknown tech layer {text!r} (基础层/技术层/应用层)")
                    )
                obs.layer = code
        if spec.core_technologies:
            col = spec.core_technologies
            obs.techs = self._codes(
                "CoreTechnology",
                "core technology",
                col.column,
                cells[col.column][i],
                col.separator,
                col.required,
                errors,
            )
        return obs

    def _codes(
        self,
        label: str,
        what: str,
        column: str,
        text: str,
        sep: str,
        required: bool,
        errors: list[tuple[str, str, str]],
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

    def _too_long(self, table: Table) -> dict[int, list[tuple[str, str, str]]]:
        """Row index -> the cells longer than max_field_length (checked a column at a time)."""
        limit = self.m.max_field_length
        out: dict[int, list[tuple[str, str, str]]] = {}
        for col, cells in table.cells.items():
            if max(map(len, cells), default=0) <= limit:
                continue
            for i, text in enumerate(cells):
                if len(text) > limit:
                    reason = f"value too long ({len(text):,} characters; the limit is {limit:,})"
                    out.setdefault(i, []).append((col, text, reason))
        return out

    # -- node tables ---------------------------------------------------------------------------------------
    def parse_nodes(self, fm: FileMapping, table: Table, rep: FileReport) -> list[tuple[int, OrgObs, int]]:
        assert fm.nodes is not None
        spec = fm.nodes
        edition = fm.edition or self.m.edition
        out: list[tuple[int, OrgObs, int]] = []
        seen: dict[str, int] = {}
        too_long = self._too_long(table)
        for i, row in enumerate(table.rows):
            errors = list(too_long.get(i, ()))
            obs = None if errors else self.parse_org(spec, table.cells, i, errors)
            if obs is not None and not errors:
                ident = obs.id or obs.key
                if ident in seen:
                    col = spec.id if obs.id and spec.id else spec.name
                    value = obs.id or obs.name
                    errors.append((col, value, f"duplicate id {value!r} (first at row {seen[ident]})"))
                else:
                    seen[ident] = row
            if errors:
                for col, value, reason in errors:
                    self.reject(fm.path, row, col, value, reason)
                continue
            assert obs is not None
            if obs.id:
                self.local_ids.setdefault(obs.key, obs.id)
            out.append((row, obs, edition))
        return out

    # -- relation tables -------------------------------------------------------------------------------------
    def parse_relations(self, fm: FileMapping, table: Table) -> list[RelObs]:
        assert fm.relations is not None
        spec = fm.relations
        edition = fm.edition or self.m.edition
        out: list[RelObs] = []
        tcol = spec.type.column
        too_long = self._too_long(table)
        for i, row in enumerate(table.rows):
            errors = list(too_long.get(i, ()))
            if errors:
                for col, value, reason in errors:
                    self.reject(fm.path, row, col, value, reason)
                continue
            s = self.parse_org(spec.sample, table.cells, i, errors)
            p = self.parse_org(spec.partner, table.cells, i, errors)
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
            props: dict[str, Any] = {}
            for prop, ps in spec.properties.items():
                text = table.cells[ps.column][i]
                if not text:
                    if ps.required:
                        errors.append((ps.column, "", f"{prop} is required but the cell is empty"))
                    continue
                try:
                    props[prop] = values.parse(ps, text)
                except ValueError as e:
                    errors.append((ps.column, text, str(e)))
            if errors:
                for col, value, reason in errors:
                    self.reject(fm.path, row, col, value, reason)
                continue
            assert s is not None and p is not None and rspec is not None
            out.append(RelObs(fm.path, row, s, p, rspec, props, edition, spec.sample.name, spec.partner.name))
        return out

    # -- resolution ----------------------------------------------------------------------------------------
    def resolve_names(self, keys: set[str]) -> dict[str, str]:
        """Name key -> id for every key: this load's explicit ids, then the graph, then 'org:' + key."""
        out = {k: self.local_ids[k] for k in keys if k in self.local_ids}
        rest = sorted(keys - set(out))
        out.update(self._graph_ids(rest))
        for k in rest:
            out.setdefault(k, org_id(k))
        return out

    def _graph_ids(self, keys: list[str]) -> dict[str, str]:
        """Name key -> id of the organisation in the graph with that name key (the smallest if several)."""
        found: dict[str, str] = {}
        if self.graph is None or not keys:
            return found
        q = queries.text("loader/ids_by_name_key")
        for start in range(0, len(keys), 5000):
            for r in self.graph.run(q, {"keys": keys[start : start + 5000]}):
                k, ident = str(r["key"]), str(r["id"])
                if k not in found or ident < found[k]:
                    found[k] = ident
        return found

    def existing(self, ids: set[str]) -> set[str]:
        if self.graph is None or not ids:
            return set()
        q = queries.text("loader/existing_ids")
        todo = sorted(ids)
        found: set[str] = set()
        for start in range(0, len(todo), 5000):
            found.update(str(r["id"]) for r in self.graph.run(q, {"ids": todo[start : start + 5000]}))
        return found

    # -- aggregation ---------------------------------------------------------------------------------------
    def apply(self, ident: str, obs: OrgObs, prio: int, edition: int) -> None:
        acc = self.nodes.get(ident)
        if acc is None:
            acc = self.nodes[ident] = NodeAcc(id=ident, key=obs.key, name=obs.canonical)
        acc.editions.add(edition)
        acc.spellings.add(obs.name)
        acc.spellings.update(obs.alias_names)
        if obs.canonical != obs.name:
            acc.spellings.add(obs.canonical)
        if obs.name_en and not acc.name_en:
            acc.name_en = obs.name_en
        acc.kinds |= obs.kinds
        acc.roles |= obs.roles
        if Role.Sample.value in obs.roles:
            acc.sample_editions.add(edition)
        for k, v in obs.props.items():
            if k not in acc.props or prio > acc.prop_prio[k]:
                acc.props[k] = v
                acc.prop_prio[k] = prio
        if obs.place is not None:
            label = {"city": "City", "province": "Province", "country": "Country"}[obs.place.level]
            if prio > acc.place_prio:
                acc.place, acc.place_prio = (label, obs.place.code), prio
                acc.props["country"] = obs.place.country
                acc.prop_prio["country"] = prio
            if acc.place == (label, obs.place.code):
                acc.place_editions.add(edition)
        if obs.industry:
            acc.links.setdefault(("Industry", obs.industry), set()).add(edition)
        for code in obs.fields:
            acc.links.setdefault(("ApplicationField", code), set()).add(edition)
        if obs.layer:
            acc.links.setdefault(("TechLayer", obs.layer), set()).add(edition)
        for code in obs.techs:
            acc.links.setdefault(("CoreTechnology", code), set()).add(edition)

    def relate(
        self, rtype: RelType, source: str, target: str, key_value: Any, edition: int, props: dict[str, Any]
    ) -> None:
        k = (rtype, source, target, key_value)
        acc = self.rels.get(k)
        if acc is None:
            acc = self.rels[k] = RelAcc(rtype, source, target, key_value)
        acc.editions.add(edition)
        for p, v in props.items():
            acc.props.setdefault(p, v)

    # -- the whole load ------------------------------------------------------------------------------------
    def run(self, tables: list[tuple[FileMapping, Table, FileReport]]) -> None:
        node_obs: list[tuple[str, int, OrgObs, int]] = []
        rel_obs: list[RelObs] = []
        for fm, table, rep in tables:
            if fm.nodes is not None:
                node_obs.extend((fm.path, row, o, ed) for row, o, ed in self.parse_nodes(fm, table, rep))
        # Spellings from alias columns join the alias table for the rest of this load (unless the
        # spelling is itself the name of an organisation in a node table, or already an alias).
        node_keys = {o.key for _, _, o, _ in node_obs}
        for _, _, o, _ in node_obs:
            for alias in o.alias_names:
                k = name_key(alias)
                if k not in node_keys and k not in self.aliases.same:
                    self.aliases.same[k] = o.canonical
        self._names.clear()
        self._org_cache.clear()
        for fm, table, _rep in tables:
            if fm.relations is not None:
                rel_obs.extend(self.parse_relations(fm, table))
        for _fm, table, _rep in tables:
            table.cells = {}  # parsed: the text is no longer needed (large inputs)
        self._org_cache.clear()

        # Names -> ids.
        keys = {o.key for _, _, o, _ in node_obs if o.id is None}
        for r in rel_obs:
            for o in (r.sample, r.partner):
                if o.id is None:
                    keys.add(o.key)
        groups: set[str] = set()
        for _, _, o, _ in node_obs:
            for g in (o.parent, self.aliases.group_of(o.canonical)):
                if g:
                    groups.add(g)
        for r in rel_obs:
            for o in (r.sample, r.partner):
                g = self.aliases.group_of(o.canonical)
                if g:
                    groups.add(g)
        group_keys = {name_key(self.aliases.canonical(g)): self.aliases.canonical(g) for g in groups}
        ids = self.resolve_names(keys | set(group_keys))

        def ident(o: OrgObs) -> str:
            return o.id or ids[o.key]

        # Explicit ids whose name an organisation under another id already has: two nodes; say so.
        explicit = {o.key: o.id for _, _, o, _ in node_obs if o.id}
        if explicit and self.graph is not None:
            clash = []
            for key, other in sorted(self._graph_ids(sorted(explicit)).items()):
                if other != explicit[key]:
                    clash.append(f"{key!r}: id {explicit[key]} here, {other} in the graph")
            if clash:
                self.notes.append(
                    f"{len(clash)} organisation(s) with an explicit id share their name with an organisation "
                    "the graph holds under another id, so they are separate nodes (load tables with explicit "
                    "ids first, or give the same ids): " + "; ".join(clash[:10])
                )

        # Node tables: each row is one organisation.
        for _, _, o, ed in node_obs:
            ident_ = ident(o)
            self.node_table_ids.add(ident_)
            self.apply(ident_, o, 2, ed)

        # Relation ends that must already exist.
        must = {ident(o) for r in rel_obs for o in (r.sample, r.partner) if not o.create}
        known = self.node_table_ids | self.existing(must - self.node_table_ids)
        for r in rel_obs:
            s, p = ident(r.sample), ident(r.partner)
            problems = []
            for o, col, i_ in ((r.sample, r.sample_col, s), (r.partner, r.partner_col, p)):
                if not o.create and i_ not in known:
                    problems.append(
                        (
                            col,
                            o.name,
                            f"dangling: {o.name!r} is not a known organisation "
                            "(not in the node tables of this mapping nor in the graph)",
                        )
                    )
            if not problems and s == p:
                problems.append((r.partner_col, r.partner.name, "a relation from an organisation to itself"))
            if problems:
                for col, value, reason in problems:
                    self.reject(r.file, r.row, col, value, reason)
                continue
            self.apply(s, r.sample, 1 if r.sample.create else 0, r.edition)
            self.apply(p, r.partner, 1 if r.partner.create else 0, r.edition)
            src, dst = (s, p) if r.spec.direction == "sample_to_partner" else (p, s)
            key_prop = REL_KEYS.get(r.spec.type)
            key_value = r.spec.properties.get(key_prop) if key_prop else None
            props = {k: v for k, v in r.spec.properties.items() if k != key_prop}
            props.update(r.props)
            self.relate(r.spec.type, src, dst, key_value, r.edition, props)

        # Business units: parent column and the alias table.
        parents: list[tuple[str, str, set[int]]] = []
        for _, _, o, ed in node_obs:
            if o.parent:
                parents.append((ident(o), o.parent, {ed}))
        for acc in list(self.nodes.values()):
            g = self.aliases.group_of(acc.name)
            if g:
                parents.append((acc.id, g, acc.editions))
        for unit, g, eds in parents:
            gc = self.aliases.canonical(g)
            gid = ids[name_key(gc)]
            if gid == unit:
                continue
            if gid not in self.nodes:
                self.nodes[gid] = NodeAcc(id=gid, key=name_key(gc), name=gc, spellings={gc})
            self.nodes[gid].editions |= eds
            for ed in eds:
                self.relate(RelType.PART_OF, unit, gid, None, ed, {})

    # -- write rows ----------------------------------------------------------------------------------------
    def node_rows(self) -> list[dict[str, Any]]:
        rows = []
        for acc in self.nodes.values():
            name_en = acc.name_en
            if name_en is None:
                latin = sorted(s for s in acc.spellings if is_latin(s))
                name_en = latin[0] if latin else None
            aliases = sorted(s for s in acc.spellings if s not in (acc.name, name_en))
            rows.append(
                {
                    "id": acc.id,
                    "name_key": acc.key,
                    "name_zh": acc.name,
                    "name_en": name_en,
                    "aliases": aliases,
                    "props": acc.props,
                    "dataset": self.m.dataset,
                    "sample_editions": sorted(acc.sample_editions),
                    "synthetic": self.m.synthetic,
                }
            )
        return rows


@dataclass
class Prepared:
    """A validated load, ready to write."""

    mapping: Mapping
    report: LoadReport
    loader: _Loader


def _org_columns(spec: OrgSpec) -> list[str]:
    """Every column an organisation spec reads."""
    cols: list[str] = []

    def org(spec: OrgSpec) -> None:
        cols.append(spec.name)
        for c in (spec.id, spec.name_en, spec.parent, spec.industry, spec.tech_layer):
            if c:
                cols.append(c)
        if spec.kind is not None and not isinstance(spec.kind, Kind) and spec.kind.column:
            cols.append(spec.kind.column)
        if spec.location:
            cols.extend(c for c in (spec.location.country, spec.location.province, spec.location.city) if c)
        for lc in (spec.application_fields, spec.core_technologies, spec.aliases):
            if lc:
                cols.append(lc.column)
        cols.extend(p.column for p in spec.properties.values())

    org(spec)
    return list(dict.fromkeys(cols))


def _needed_columns(fm: FileMapping) -> list[str]:
    cols: list[str] = []
    if fm.nodes is not None:
        cols += _org_columns(fm.nodes)
    if fm.relations is not None:
        cols += _org_columns(fm.relations.sample)
        cols += _org_columns(fm.relations.partner)
        if fm.relations.type.column:
            cols.append(fm.relations.type.column)
        cols.extend(p.column for p in fm.relations.properties.values())
    return list(dict.fromkeys(cols))


def _uses_dimensions(m: Mapping) -> set[str]:
    used: set[str] = set()
    for fm in m.files:
        specs: list[OrgSpec] = []
        if fm.nodes:
            specs.append(fm.nodes)
        if fm.relations:
            specs += [fm.relations.sample, fm.relations.partner]
        for s in specs:
            if s.location:
                used |= {"City", "Province", "Country"}
            if s.industry:
                used.add("Industry")
            if s.application_fields:
                used.add("ApplicationField")
            if s.tech_layer:
                used.add("TechLayer")
            if s.core_technologies:
                used.add("CoreTechnology")
    return used


def prepare(
    graph: Graph | None,
    m: Mapping,
    *,
    mapping_name: str,
    progress: Progress | None = None,
    batch_size: int = 5000,
    dims: Dimensions | None = None,
) -> Prepared:
    """Phases 1-4. Raises LoadError (nothing written) when a file cannot be read or dimensions are missing."""
    started = time.perf_counter()
    report = LoadReport(dataset=m.dataset, edition=m.edition, mapping=mapping_name, synthetic=m.synthetic)
    try:
        aliases = AliasTable.default([m.resolve(p) for p in m.aliases])
    except ValueError as e:
        raise LoadError(str(e)) from e
    if graph is not None:
        done = set(schema_mod.applied(graph))
        if not {1, 10} <= done:
            raise LoadError(
                "the graph lacks the constraints and indexes the loader relies on: run valuenet schema apply"
            )
    if dims is None:
        dims = Dimensions.from_graph(graph) if graph is not None else Dimensions.shipped()
    missing = sorted(label for label in _uses_dimensions(m) if not dims.codes[label])
    if missing:
        raise LoadError(
            f"the mapping links to dimensions that are not in the graph: {', '.join(missing)}. "
            "Load them first: valuenet load --dimensions"
        )
    tables: list[tuple[FileMapping, Table, FileReport]] = []
    for n, fm in enumerate(m.files, start=1):
        if progress:
            progress("read", n - 1, len(m.files))
        path = m.resolve(fm.path)
        table = read_table(
            path,
            name=fm.path,
            fmt=fm.table_format,
            needed=_needed_columns(fm),
            encoding=fm.encoding,
            delimiter=fm.delimiter,
            sheet=fm.sheet,
        )
        used = set(table.cells)
        rep = FileReport(
            file=fm.path,
            kind="nodes" if fm.nodes else "relations",
            encoding=table.encoding,
            rows_read=len(table),
            ignored_columns=[c for c in table.columns if c not in used],
        )
        tables.append((fm, table, rep))
    if progress:
        progress("read", len(m.files), len(m.files))
    loader = _Loader(
        graph,
        m,
        aliases=aliases,
        places=PlaceResolver.default(),
        dims=dims,
        progress=progress,
        batch_size=batch_size,
    )
    loader.run(tables)
    for _fm, _table, rep in tables:
        rep.rows_rejected = len(loader.rejected_rows.get(rep.file, ()))
        rep.rows_loaded = rep.rows_read - rep.rows_rejected
        report.files.append(rep)
    loader.rejects.sort(key=lambda r: ([f.path for f in m.files].index(r.file), r.row))
    report.rejects = loader.rejects
    report.notes.extend(loader.notes)
    report.duration_s = time.perf_counter() - started
    return Prepared(m, report, loader)


def _prov(m: Mapping, editions: Iterable[int]) -> dict[str, Any]:
    return {"editions": sorted(editions), "dataset": m.dataset, "synthetic": m.synthetic}


def write(
    graph: Graph, prepared: Prepared, *, batch_size: int = 5000, progress: Progress | None = None
) -> None:
    """Phase 5: the batched, idempotent writes."""
    m, report, ld = prepared.mapping, prepared.report, prepared.loader
    started = time.perf_counter()
    node_rows = ld.node_rows()
    # New organisations are created with all their labels at once (labelling later is slow on the
    # embedded engine); those already in the graph are merged and get any missing label after.
    existing = ld.existing({r["id"] for r in node_rows})
    merge_rows: list[dict[str, Any]] = []
    create_rows: dict[str, list[dict[str, Any]]] = {}
    label_rows: dict[str, list[dict[str, Any]]] = {}
    for row, acc in zip(node_rows, ld.nodes.values(), strict=True):
        extra = set(acc.kinds | acc.roles)
        if row["id"] in existing:
            merge_rows.append(row)
        else:
            kind = min(acc.kinds) if acc.kinds else ""
            sample = Role.Sample.value in acc.roles
            create_rows.setdefault(CREATE_QUERIES[(kind, sample)], []).append(row)
            extra -= {kind, Role.Sample.value} if sample else {kind}
        for lab in sorted(extra):
            label_rows.setdefault(lab, []).append({"id": acc.id})
    link_rows: dict[str, list[dict[str, Any]]] = {}
    for acc in ld.nodes.values():
        old = acc.id in existing
        queries_for = LINK_QUERIES if old else CREATE_LINK_QUERIES
        if acc.place is not None:
            label, code = acc.place
            eds = acc.place_editions or {m.edition}
            row = {"id": acc.id, "code": code, "existed": old, **_prov(m, eds)}
            link_rows.setdefault(queries_for[label], []).append(row)
        for (label, code), eds in sorted(acc.links.items()):
            link_rows.setdefault(queries_for[label], []).append({"id": acc.id, "code": code, **_prov(m, eds)})
    rel_rows: dict[str, list[dict[str, Any]]] = {}
    for r in ld.rels.values():
        row = {"source": r.source, "target": r.target, "props": r.props, **_prov(m, r.editions)}
        key_prop = REL_KEYS.get(r.type)
        if key_prop:
            row[key_prop] = r.key_value
        old = r.source in existing and r.target in existing
        rel_rows.setdefault((REL_QUERIES if old else CREATE_REL_QUERIES)[r.type], []).append(row)

    total = (
        len(node_rows)
        + sum(map(len, label_rows.values()))
        + sum(map(len, link_rows.values()))
        + sum(map(len, rel_rows.values()))
    )
    done = 0

    def tick(n: int) -> None:
        nonlocal done
        done += n
        if progress:
            progress("write", done, total)

    if progress:
        progress("write", 0, total)

    def run(step: str, query: str, rows: list[dict[str, Any]]) -> WriteSummary:
        t0 = time.perf_counter()
        s = graph.write_batches(queries.text(query), rows, batch_size=batch_size, on_batch=tick)
        report.timings[step] = round(time.perf_counter() - t0, 3)
        report.transactions += s.transactions
        return s

    for query in sorted(create_rows):
        s = run(query.removeprefix("loader/"), query, create_rows[query])
        report.nodes_created += s.nodes_created
    s = run("merge_organizations", "loader/merge_organizations", merge_rows)
    report.nodes_created += s.nodes_created
    report.nodes_updated += len(merge_rows) - s.nodes_created
    report.nodes_written += len(node_rows)
    for lab in sorted(label_rows):
        run(f"label {lab}", LABEL_QUERIES[lab], label_rows[lab])
    # create_* (an end is new: CREATE), link_* and rel_* (MERGE): in a fixed order, so a rerun after a
    # crash repeats the same steps (ends created by the crashed run count as existing then: MERGE).
    steps = [(q.removeprefix("loader/"), q, link_rows[q]) for q in sorted(link_rows)]
    steps += [(q.removeprefix("loader/"), q, rel_rows[q]) for q in sorted(rel_rows)]
    for step, query, rows in steps:
        s = run(step, query, rows)
        report.relationships_created += s.relationships_created
        report.relationships_updated += len(rows) - s.relationships_created
        report.relationships_written += len(rows)
    report.write_s = time.perf_counter() - started
    report.duration_s += report.write_s


def load_mapping(
    graph: Graph | None,
    mapping_path: str | Path | Mapping,
    *,
    allow_rejects: bool = False,
    rejects_path: str | Path | None = None,
    report_path: str | Path | None = None,
    progress: Progress | None = None,
    batch_size: int = 5000,
    dry_run: bool = False,
    strict: bool = False,
) -> LoadReport:
    """Validate and load one mapping into `graph`; the Python entry point behind `valuenet load`.

    Raises `LoadError` or `MappingError` before anything is written when the mapping or a file cannot
    be used. Rows that fail validation are left out, the valid rows are written, and the rejected ones
    are listed in the report's `rejects` (and in `rejects_path` as CSV). `report.ok` is False when rows
    were rejected; `allow_rejects` is recorded in the report (the CLI turns it into the exit code).
    `strict` writes nothing at all when any row was rejected (all or nothing).
    """
    if isinstance(mapping_path, Mapping):
        m, name = mapping_path, "(mapping object)"
    else:
        m, name = mapping_mod.load(mapping_path), str(mapping_path)
    try:
        prepared = prepare(graph, m, mapping_name=name, progress=progress, batch_size=batch_size)
    except InputFileError as e:
        raise LoadError(str(e)) from e
    report = prepared.report
    report.dry_run = dry_run or graph is None
    report.allow_rejects = allow_rejects
    if rejects_path is not None and report.rejects:
        write_rejects(report.rejects, Path(rejects_path))
        report.rejects_path = str(rejects_path)
    if strict and report.rejects:
        report.dry_run = True
        report.notes.append("strict: nothing was written because rows were rejected")
    if not report.dry_run:
        assert graph is not None
        write(graph, prepared, batch_size=batch_size, progress=progress)
    if report_path is not None:
        report.write_json(Path(report_path))
    return report
