"""Stage 3 of a load, resolve: names -> organisation ids, then one node per organisation and one
relationship per relation, with what the rows say about them merged.

An organisation's id is the explicit id where its row gives one; otherwise the name key of its canonical
name decides: the explicit id a node table of this load gives that name, then the organisation the graph
holds under that name key, else "org:" + key. Relation ends with `create: false` that are neither in a node
table of this load nor in the graph are dangling and reject their row, as does a relation from an
organisation to itself. Business units (a `parent` column, the alias table's `part_of` rows) get a PART_OF
relationship to their group.

What rows say about one organisation is merged by priority: node tables (2) over relation ends that may
create it (1) over ends that must exist (0); among equals the first row wins. A relation seen in several
rows is one relationship with the union of their editions (and of the methods that inferred it: it stays
inferred only while no row observed it). The same explicit id with two names in two node tables is noted
(the second name becomes an alias). An organisation in a category of an industry taxonomy with a crosswalk
gets IN_INDUSTRY to the GB/T division the category maps to with the largest weight, inferred by the
crosswalk, so the GB/T questions see it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from loader.load_report import Outcome, Problems
from loader.mapping import RelType, Role
from loader.names import AliasTable, name_key, org_id
from loader.validate import DimLinkObs, Observations, OrgObs, TaxonomyObs
from valuenet import queries
from valuenet.model import MODEL

if TYPE_CHECKING:
    from valuenet.db import Graph

SAMPLE = Role("Sample").value  # the reports' sample: its editions go to `sample_editions`
PART_OF = RelType("PART_OF")  # business unit -> group
LOOKUP_BATCH = 5000  # ids or name keys per graph lookup


@dataclass(slots=True)
class Provenance:
    """The editions of the rows that say a relationship (or link), and the methods that inferred it."""

    editions: set[int] = field(default_factory=set)
    methods: set[str] = field(default_factory=set)
    observed: bool = False  # some row observed it: not inferred

    def add(self, edition: int, method: str | None = None) -> None:
        self.editions.add(edition)
        if method is None:
            self.observed = True
        else:
            self.methods.add(method)

    @property
    def inferred(self) -> bool:
        return not self.observed


def crosswalk_method(category: str) -> str:
    """The method name of IN_INDUSTRY links inferred through a taxonomy's crosswalk."""
    return f"crosswalk {category.split(':', 1)[0]} -> GB/T 4754"


@dataclass(slots=True)
class NodeAcc:
    """One organisation of this load, merged from every row that names it."""

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
    links: dict[tuple[str, str], Provenance] = field(default_factory=dict)  # (label, key) -> provenance
    place_prio: int = -1
    place: tuple[str, str] | None = None  # (label, code) of the finest place of the highest priority
    place_editions: set[int] = field(default_factory=set)
    editions: set[int] = field(default_factory=set)  # editions of the rows that mention it


@dataclass(slots=True)
class RelAcc:
    """One relationship between organisations of this load; `key_value` is its key property's value."""

    type: str
    source: str
    target: str
    key_value: Any
    provenance: Provenance = field(default_factory=Provenance)
    props: dict[str, Any] = field(default_factory=dict)


@dataclass(slots=True)
class DimLinkAcc:
    """One link between dimension nodes of this load (SUBCLASS_OF, MAPS_TO, UPSTREAM_OF)."""

    type: str
    from_label: str
    from_key: str
    to_label: str
    to_key: str
    provenance: Provenance = field(default_factory=Provenance)
    props: dict[str, Any] = field(default_factory=dict)


@dataclass
class Resolved:
    """The organisations and relationships a load writes, and notes for the report."""

    nodes: dict[str, NodeAcc] = field(default_factory=dict)
    rels: dict[tuple[str, str, str, Any], RelAcc] = field(default_factory=dict)
    dim_links: dict[tuple[str, str, str, str, str], DimLinkAcc] = field(default_factory=dict)
    taxonomies: dict[str, TaxonomyObs] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)


# -- graph lookups ---------------------------------------------------------------------------------------
# One read of every organisation's id and name key (one row of lists) costs what index lookups of about a
# sixth as many keys do (reference graph, 43.8k organisations: the read 0.15 s, against 0.9-1.1 s for
# 43.8k lookups in batches of 5,000 and 0.76 s for the same read a row per organisation; measured): a load
# asking about more than a sixth of the organisations the graph holds (a reload asks about all) reads them.
SCAN_OVER = 6  # read every organisation when it holds fewer than SCAN_OVER x the keys asked about


def _every_organization(graph: Graph, asked: int) -> list[list[Any]] | None:
    """Every organisation's [id, name key], when reading them all costs less than looking up `asked` keys
    (`SCAN_OVER`); None when the graph holds too many for that."""
    if asked <= LOOKUP_BATCH:  # one lookup query anyway
        return None
    held = int(graph.run(queries.text("loader/organization_count"))[0]["n"])
    if held >= asked * SCAN_OVER:
        return None
    rows = graph.run(queries.text("loader/organization_keys"))
    return list(rows[0]["organizations"]) if rows else []  # no row at all where the graph holds none


def ids_by_name_key(graph: Graph | None, keys: list[str]) -> dict[str, str]:
    """Name key -> id of the organisation in the graph with that name key (the smallest if several)."""
    found: dict[str, str] = {}
    if graph is None or not keys:
        return found
    every = _every_organization(graph, len(keys))
    if every is not None:
        wanted = set(keys)
        pairs = [(key, ident) for ident, key in every if key in wanted]
    else:
        q = queries.text("loader/ids_by_name_key")
        pairs = []
        for start in range(0, len(keys), LOOKUP_BATCH):
            pairs += [(r["key"], r["id"]) for r in graph.run(q, {"keys": keys[start : start + LOOKUP_BATCH]})]
    for key, ident in pairs:
        k, ident = str(key), str(ident)
        if k not in found or ident < found[k]:
            found[k] = ident
    return found


def existing_ids(graph: Graph | None, ids: set[str]) -> set[str]:
    """Which of `ids` are organisations in the graph."""
    if graph is None or not ids:
        return set()
    every = _every_organization(graph, len(ids))
    if every is not None:
        return {str(ident) for ident, _ in every} & ids
    q = queries.text("loader/existing_ids")
    todo = sorted(ids)
    found: set[str] = set()
    for start in range(0, len(todo), LOOKUP_BATCH):
        found.update(str(r["id"]) for r in graph.run(q, {"ids": todo[start : start + LOOKUP_BATCH]}))
    return found


# -- the stage -------------------------------------------------------------------------------------------
class _Resolver:
    def __init__(
        self,
        graph: Graph | None,
        aliases: AliasTable,
        problems: Problems,
        crosswalk: dict[str, list[tuple[str, float]]],
    ) -> None:
        self.graph = graph
        self.aliases = aliases
        self.problems = problems
        self.crosswalk = crosswalk
        self.out = Resolved()

    def apply(self, ident: str, obs: OrgObs, prio: int, edition: int) -> None:
        """Merge what one row says about organisation `ident` into its node."""
        acc = self.out.nodes.get(ident)
        if acc is None:
            acc = self.out.nodes[ident] = NodeAcc(id=ident, key=obs.key, name=obs.canonical)
        acc.editions.add(edition)
        acc.spellings.add(obs.name)
        acc.spellings.update(obs.alias_names)
        if obs.canonical != obs.name:
            acc.spellings.add(obs.canonical)
        if obs.name_en and not acc.name_en:
            acc.name_en = obs.name_en
        acc.kinds |= obs.kinds
        acc.roles |= obs.roles
        if SAMPLE in obs.roles:
            acc.sample_editions.add(edition)
        for k, v in obs.props.items():
            if k not in acc.props or prio > acc.prop_prio[k]:
                acc.props[k] = v
                acc.prop_prio[k] = prio
        if obs.place is not None:
            place = (obs.place.label, obs.place.code)
            if prio > acc.place_prio:
                acc.place, acc.place_prio = place, prio
                acc.props["country"] = obs.place.country
                acc.prop_prio["country"] = prio
            if acc.place == place:
                acc.place_editions.add(edition)
        for link in obs.links:
            acc.links.setdefault(link, Provenance()).add(edition)
            for code in self.main_industries(link):
                acc.links.setdefault(("Industry", code), Provenance()).add(edition, crosswalk_method(link[1]))

    def main_industries(self, link: tuple[str, str]) -> list[str]:
        """The GB/T divisions a category maps to with the largest weight (ties: all of them)."""
        targets = self.crosswalk.get(link[1]) if link[0] == "Category" else None
        if not targets:
            return []
        top = max(w for _, w in targets)
        return sorted({code for code, w in targets if w == top})

    def relate(
        self,
        rtype: str,
        source: str,
        target: str,
        key_value: Any,
        edition: int,
        props: dict[str, Any],
        method: str | None = None,
    ) -> None:
        k = (rtype, source, target, key_value)
        acc = self.out.rels.get(k)
        if acc is None:
            acc = self.out.rels[k] = RelAcc(rtype, source, target, key_value)
        acc.provenance.add(edition, method)
        for p, v in props.items():
            acc.props.setdefault(p, v)

    def dim_link(self, d: DimLinkObs) -> None:
        k = (d.type, d.from_label, d.from_key, d.to_label, d.to_key)
        acc = self.out.dim_links.get(k)
        if acc is None:
            acc = self.out.dim_links[k] = DimLinkAcc(*k)
        acc.provenance.add(d.edition, d.method)
        for p, v in d.props.items():
            acc.props.setdefault(p, v)

    def ids(self, obs: Observations) -> dict[str, str]:
        """Name key -> id for every organisation named without an explicit id, and every group."""
        local: dict[str, str] = {}  # name key -> explicit id from this load's node tables
        for n in obs.nodes:
            if n.org.id:
                local.setdefault(n.org.key, n.org.id)
        keys = {n.org.key for n in obs.nodes if n.org.id is None}
        keys |= {o.key for r in obs.relations for o in (r.sample, r.partner) if o.id is None}
        groups: set[str] = set()
        for n in obs.nodes:
            groups |= {g for g in (n.org.parent, self.aliases.group_of_key(n.org.key)) if g}
        for r in obs.relations:
            groups |= {g for o in (r.sample, r.partner) if (g := self.aliases.group_of_key(o.key))}
        keys |= {name_key(self.aliases.canonical(g)) for g in groups}
        out = {k: local[k] for k in keys if k in local}
        rest = sorted(keys - set(out))
        out.update(ids_by_name_key(self.graph, rest))
        for k in rest:
            out.setdefault(k, org_id(k))
        return out

    def note_id_clashes(self, obs: Observations) -> None:
        """Explicit ids whose name an organisation under another id already has: two nodes; say so."""
        explicit = {n.org.key: n.org.id for n in obs.nodes if n.org.id}
        if not explicit or self.graph is None:
            return
        clash = []
        for key, other in sorted(ids_by_name_key(self.graph, sorted(explicit)).items()):
            if other != explicit[key]:
                clash.append(f"{key!r}: id {explicit[key]} here, {other} in the graph")
        if clash:
            self.out.notes.append(
                f"{len(clash)} organisation(s) with an explicit id share their name with an organisation "
                "the graph holds under another id, so they are separate nodes (load tables with explicit "
                "ids first, or give the same ids): " + "; ".join(clash[:10])
            )

    def run(self, obs: Observations) -> Resolved:
        ids = self.ids(obs)

        def ident(o: OrgObs) -> str:
            return o.id or ids[o.key]

        self.note_id_clashes(obs)
        self.out.taxonomies = obs.taxonomies
        for d in obs.dim_links:
            self.dim_link(d)
        # Node tables: each row is one organisation.
        node_table_ids: dict[str, tuple[str, int, str]] = {}  # id -> (file, row, name key) first seen
        for n in obs.nodes:
            i = ident(n.org)
            first = node_table_ids.setdefault(i, (n.file, n.row, n.org.key))
            if n.org.id is not None and first[2] != n.org.key:
                other = f"{self.out.nodes[i].name!r} ({first[0]} row {first[1]})"
                reason = (
                    f"id {n.org.id!r} is also the id of {other}: one organisation, this name becomes an alias"
                )
                self.problems.add(n.entry, n.file, n.row, n.name_col, n.org.name, reason, Outcome.noted)
            self.apply(i, n.org, 2, n.edition)
        # Relation ends that must already exist.
        must = {ident(o) for r in obs.relations for o in (r.sample, r.partner) if not o.create}
        known = set(node_table_ids) | existing_ids(self.graph, must - set(node_table_ids))
        # Relation tables repeat their ends (one shared OrgObs per distinct cells): applying the same
        # observation to the same node again at the same priority and edition changes nothing (first
        # spelling and name_en win, props and place only at a higher priority), so it is applied once.
        # An end with a place is applied every time: a later place change makes its edition count again.
        applied: set[tuple[str, int, int, int]] = set()

        def apply_end(i: str, o: OrgObs, prio: int, edition: int) -> None:
            if o.place is None:
                k = (i, id(o), prio, edition)
                if k in applied:
                    return
                applied.add(k)
            self.apply(i, o, prio, edition)

        for r in obs.relations:
            s, p = ident(r.sample), ident(r.partner)
            problems = [
                (
                    col,
                    o.name,
                    f"dangling: {o.name!r} is not a known organisation "
                    "(not in the node tables of this mapping nor in the graph)",
                )
                for o, col, i_ in ((r.sample, r.sample_col, s), (r.partner, r.partner_col, p))
                if not o.create and i_ not in known
            ]
            if not problems and s == p:
                problems.append((r.partner_col, r.partner.name, "a relation from an organisation to itself"))
            if problems:
                for col, value, reason in problems:
                    self.problems.add(r.entry, r.file, r.row, col, value, reason, Outcome.rejected)
                continue
            apply_end(s, r.sample, 1 if r.sample.create else 0, r.edition)
            apply_end(p, r.partner, 1 if r.partner.create else 0, r.edition)
            if r.spec is None:  # its relationship was dropped (on_error: drop_link)
                continue
            src, dst = (s, p) if r.spec.direction == "sample_to_partner" else (p, s)
            key_prop = MODEL.relationships[r.spec.type].key
            key_value = r.spec.properties.get(key_prop) if key_prop else None
            props = {k: v for k, v in r.spec.properties.items() if k != key_prop}
            props.update(r.props)
            self.relate(r.spec.type, src, dst, key_value, r.edition, props, r.method)
        self.link_units(obs, ident, ids)
        return self.out

    def link_units(self, obs: Observations, ident: Callable[[OrgObs], str], ids: dict[str, str]) -> None:
        """Business units: (unit)-[:PART_OF]->(group), from parent columns and the alias table."""
        parents: list[tuple[str, str, set[int]]] = [
            (ident(n.org), n.org.parent, {n.edition}) for n in obs.nodes if n.org.parent
        ]
        for acc in list(self.out.nodes.values()):
            g = self.aliases.group_of_key(acc.key)
            if g:
                parents.append((acc.id, g, acc.editions))
        for unit, g, eds in parents:
            gc = self.aliases.canonical(g)
            gid = ids[name_key(gc)]
            if gid == unit:
                continue
            if gid not in self.out.nodes:
                self.out.nodes[gid] = NodeAcc(id=gid, key=name_key(gc), name=gc, spellings={gc})
            self.out.nodes[gid].editions |= eds
            for ed in eds:
                self.relate(PART_OF, unit, gid, None, ed, {})


def resolve(graph: Graph | None, obs: Observations, *, aliases: AliasTable, problems: Problems) -> Resolved:
    """One node per organisation and one relationship per relation; dangling and self relations rejected."""
    return _Resolver(graph, aliases, problems, obs.crosswalk).run(obs)
