"""Aggregates the questions read instead of counting relation by relation, kept fresh by a version stamp.

The graph model declares them (`aggregates:` in valuenet/data/graph_model.yaml). Each is computed once per
focal set and kept in the graph as (:Aggregate) parts: one per kind of focal relation and value of its split
properties, carrying the graph's `relations_version` it was computed from and its totals as parallel lists.
A load raises that version and stamps each aggregate whose inputs it changes (`changed_by`) with it: a part
older than its aggregate's stamp is stale.

    aggregates.mark_stale(graph, names)  # the loader, before it writes: those whose inputs it changes
    aggregates.refresh(graph)           # `valuenet jobs run` / `valuenet aggregates refresh`: recompute
    aggregates.freshness(graph, "focal_places", model)   # fresh | stale | missing

A question that declares `aggregate: <name>` in its header reads the parts only when they are fresh for the
focal set it is asked on (valuenet/questions.py); otherwise it counts live, and says so when the parts are
stale. A refresh reads the version before it counts, so a load that writes meanwhile leaves its parts stale.

`focal_places`: the focal relations of each kind per counterpart's country (all of them), city and province
(domestic counterparts), for every edition and each one, folded here from each relation's counterpart and
the organisations' places (read once) exactly as provinces_ranked, cities_ranked, countries_ranked and
relation_types_domestic_foreign count them live (a counterpart located in two cities counts for both, and
twice in the total, as their OPTIONAL MATCH does).
`focal_industries`: the technology relations of the focal organisations in the AI core sector per partner
industry, as core_sector_flows counts them before it groups the industries by sector, tier or section.
`co_investors`: the pairs of investors with at least SHARED_AT_LEAST focal investees in common, for
co_investment_pairs (asked for fewer, it counts live), with their order as it ranks them (per variant).
`org_ego`: ego_network's view of each organisation with EGO_HUB_PARTNERS partners or more (one part each,
keyed by its id, read through `part_freshness`): the centre and its first EGO_SHOWN partners in the order
ego_network shows them, and the relations among them in the order of the node they need last, so that the
view of any max_nodes is the first nodes and the first relations.
`org_degrees`: every organisation's relations per type and direction, of the value network and of every
type, kept on the organisation itself as `links_*` properties (read them only while the aggregate is fresh),
and in its one part the value network's degree distribution; the same for every focal set.
"""

from __future__ import annotations

import datetime as dt
import functools
import itertools
import threading
import time
from collections import Counter, defaultdict
from collections.abc import Callable, Container, Iterable, Mapping, Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Literal

from valuenet import queries
from valuenet.collector import cycle_collector_paused
from valuenet.model import MODEL, GraphModel

if TYPE_CHECKING:
    from valuenet.db import Graph

# As the geography questions write it: Hong Kong, Macao and Taiwan count as domestic.
DOMESTIC = frozenset({"CN", "HK", "MO", "TW"})

State = Literal["fresh", "stale", "missing"]
REFRESH_WORKERS = 2  # aggregates recomputed at once (refresh)
PARTS_PER_WRITE = 100  # more parts than this only in org_ego (one per hub)
# The layout of an aggregate's parts (1 when not listed), raised when it changes: parts of another layout
# (written by an older valuenet) are stale, so its questions count live until a refresh rewrites them.
# co_investors 2: investors and example investees named once, pairs and examples as positions among them.
LAYOUTS = {"co_investors": 2}


def _layout(name: str) -> int:
    """The layout this code writes aggregate `name`'s parts in (and reads as fresh)."""
    return LAYOUTS.get(name, 1)


@dataclass(frozen=True)
class Freshness:
    name: str
    state: State
    computed_at: str | None = None

    @property
    def fresh(self) -> bool:
        return self.state == "fresh"

    def note(self) -> str:
        """What a question answered live because of this says ('' when nothing needs saying)."""
        if self.state != "stale":
            return ""
        return (
            f"counted live: the maintained aggregate {self.name} (computed {self.computed_at}) is stale, "
            "the graph was loaded into since; `valuenet aggregates refresh` recomputes it"
        )


def focal_key(model: GraphModel) -> str:
    """The focal set an aggregate was computed for: its label, or `all`."""
    return model.focal_set.label or "all"


@functools.cache
def _status_query(name: str) -> str:
    return queries.load("aggregates/status").render(aggregate=name)


def _declaring(name: str, model: GraphModel | None) -> GraphModel:
    """`model` (default: the graph model) when it declares aggregate `name`: only the model's names are
    rendered into the freshness queries."""
    model = model or MODEL
    if name not in model.aggregates:
        raise ValueError(f"{name!r} is not an aggregate of the graph model")
    return model


def freshness(graph: Graph, name: str, model: GraphModel | None = None) -> Freshness:
    """Whether the parts of aggregate `name` for `model`'s focal set are there and computed since the
    latest load that changed its inputs."""
    model = _declaring(name, model)
    rows = graph.read(_status_query(name), {"name": name, "focal_set": focal_key(model)})
    row = rows[0] if rows else {"parts": 0}
    if not row["parts"]:
        return Freshness(name, "missing")
    # parts of another layout than this code's (written by an older valuenet) are stale, never read
    current = (
        row["oldest"] == row["newest"]
        and row["oldest"] >= row["version"]
        and row["layout_oldest"] == row["layout_newest"] == _layout(name)
    )
    return Freshness(name, "fresh" if current else "stale", str(row["computed_at"]))


@functools.cache
def _part_status_query(name: str) -> str:
    return queries.load("aggregates/part_status").render(aggregate=name)


def part_freshness(graph: Graph, name: str, key: str, model: GraphModel | None = None) -> Freshness:
    """Whether aggregate `name` keeps a part for `key` (org_ego: an organisation's id) for `model`'s focal
    set, and whether it was computed since the latest load that changed its inputs; one part read, not all
    of them."""
    model = _declaring(name, model)
    params = {"name": name, "focal_set": focal_key(model), "key": key}
    row = graph.read(_part_status_query(name), params)[0]
    if row["part_version"] is None:
        return Freshness(name, "missing")
    current = row["part_version"] >= row["version"] and row["layout"] == _layout(name)
    state: State = "fresh" if current else "stale"
    return Freshness(name, state, str(row["computed_at"]))


def relations_version(graph: Graph) -> int:
    """The graph's relations version: every load raises it before it writes (0 before the first)."""
    return int(graph.read(queries.text("aggregates/version"))[0]["version"])


def mark_stale(graph: Graph, names: Iterable[str] | None = None, model: GraphModel | None = None) -> None:
    """The parts computed so far of the aggregates `names` (default: every one) are stale; the graph's
    relations version is raised either way (a load calls this before it writes)."""
    model = model or MODEL
    stale = list(model.aggregates) if names is None else list(dict.fromkeys(names))
    unknown = [n for n in stale if n not in model.aggregates]
    if unknown:
        raise ValueError(f"not aggregates of the graph model: {unknown}")
    kept = [n for n in model.aggregates if n not in stale]
    graph.write(queries.load("aggregates/mark_stale").render(model, stale=stale, kept=kept))


def changed_by(
    model: GraphModel, *, organizations: bool, relationship_types: Iterable[str], links: Iterable[str]
) -> list[str]:
    """The aggregates whose inputs a write changes: every one when it writes organisations or dimension
    data (names, labels, places, focal set); otherwise those counting a relationship type (of their kinds;
    no kinds: every type between organisations) or a link it writes."""
    if organizations:
        return list(model.aggregates)
    types, written_links = set(relationship_types), set(links)
    out = []
    for name, decl in model.aggregates.items():
        counted = {t for k in decl.kinds for t in model.focal_relations[k].types} if decl.kinds else None
        if types & (counted if counted is not None else set(model.org_relationship_types)) or (
            written_links & set(decl.links)
        ):
            out.append(name)
    return out


@cycle_collector_paused()
def refresh(
    graph: Graph,
    model: GraphModel | None = None,
    *,
    names: Iterable[str] | None = None,
    stale_only: bool = False,
) -> dict[str, float]:
    """Recompute the aggregates (default: every one the model declares) for `model`'s focal set (default:
    the graph's, valuenet/focal.py), with `stale_only` only those not fresh (after a load: those whose
    inputs it changed, and any a killed load left stale); seconds per aggregate recomputed."""
    if model is None:
        from valuenet import focal

        model = focal.for_graph(graph).model
    chosen = list(names if names is not None else model.aggregates)
    if stale_only:
        chosen = [name for name in chosen if not freshness(graph, name, model).fresh]
    reads = _Reads(graph)
    writing = threading.Lock()  # one aggregate's parts written at a time: they share the Aggregate type

    def recompute(name: str) -> float:
        started = time.perf_counter()
        version = relations_version(graph)
        reads.at(version)
        # an aggregate of nothing keeps one part of no kind, so that it reads as computed (and fresh)
        parts = COMPUTE[name](reads, model, name) or [{}]
        stamp = {
            "name": name,
            "focal_set": focal_key(model),
            "version": version,
            "layout": _layout(name),
            "computed_at": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        }
        with writing:
            graph.write(queries.text("aggregates/clear"), {"name": name, "focal_set": focal_key(model)})
            # org_ego's parts in several statements: all 2,874 at scale 10 (~60 MB) in one broke ArcadeDB's
            # Bolt; its readers look up one part each (part_freshness), so a part not written yet counts live
            for start in range(0, len(parts), PARTS_PER_WRITE):
                batch = parts[start : start + PARTS_PER_WRITE]
                graph.write(queries.text("aggregates/write"), {"parts": [{**stamp, **p} for p in batch]})
        return time.perf_counter() - started

    # Two at a time: while one folds its counts in Python, the engine answers the other's reads (Python's
    # waits on the engine release the interpreter). Scale 10, warm server: 34.2-35.9 s one after another,
    # 27.3-27.4 s two at once.
    pool = ThreadPoolExecutor(max_workers=REFRESH_WORKERS, thread_name_prefix="aggregates")
    try:
        seconds = list(pool.map(recompute, chosen))
    finally:  # an error or an interrupt: the aggregates not begun are not begun
        pool.shutdown(wait=True, cancel_futures=True)
    return dict(zip(chosen, seconds, strict=True))


def refresh_reported(graph: Graph, model: GraphModel | None = None, *, stale_only: bool = False) -> list[str]:
    """`refresh`, and what a command says after it: each aggregate's seconds and, when several were
    recomputed, how long they took together (REFRESH_WORKERS at a time: their own seconds overlap)."""
    started = time.perf_counter()
    seconds = refresh(graph, model, stale_only=stale_only)
    return refreshed_lines(seconds, time.perf_counter() - started)


def refreshed_lines(seconds: Mapping[str, float], wall_s: float) -> list[str]:
    """The lines of `refresh_reported` for these seconds per aggregate and `wall_s` in all."""
    lines = [f"aggregate {name} recomputed in {s:.2f} s" for name, s in seconds.items()]
    if len(seconds) > 1:
        together = f"{len(seconds)} aggregates recomputed in {wall_s:.2f} s, {REFRESH_WORKERS} at a time"
        lines.append(together)
    return lines


class _Reads:
    """The graph as the aggregates of one refresh read it: a read two of them make alike (every relation
    between organisations: org_degrees and org_ego) runs once for the relations version each read before
    it (a load raises that version before it writes, so a changed version reads again), also when both ask
    at once from their threads: the second waits for the first's answer."""

    def __init__(self, graph: Graph) -> None:
        self.graph = graph
        self._version = threading.local()  # each refresh thread's aggregate's version
        self._lock = threading.Lock()
        self._kept: dict[tuple[int, str], Future[Any]] = {}

    def at(self, version: int) -> None:
        """The relations version this thread's aggregate read before its reads."""
        self._version.value = version

    def one_row(self, query: str, column: str) -> Any:
        """`column` of the one row `query` answers, read once per version."""
        key = (int(self._version.value), query)
        with self._lock:
            kept = self._kept.get(key)
            mine = kept is None
            if kept is None:
                kept = self._kept[key] = Future()
        if mine:
            try:
                kept.set_result(self.graph.read(query)[0][column])
            except BaseException as e:
                kept.set_exception(e)
                raise
        return kept.result()


# -- focal_places --------------------------------------------------------------------------------------------
Counts = dict[str, int]  # variant ('' = every edition, '2021' = that edition) -> relations


class _Totals:
    """Relations per code and in total, per variant."""

    def __init__(self) -> None:
        self.by_code: defaultdict[str, Counts] = defaultdict(lambda: defaultdict(int))
        self.total: Counts = defaultdict(int)

    def add(self, codes: list[str], counts: Counts, rows: int) -> None:
        for variant, n in counts.items():
            for code in codes:
                self.by_code[code][variant] += n
            self.total[variant] += n * rows

    def properties(self, prefix: str, variants: list[str], *, totals: bool) -> dict[str, Any]:
        codes = sorted(self.by_code)
        out: dict[str, Any] = {f"{prefix}_codes": codes}
        for v in variants:
            out[_named(f"{prefix}_n", v)] = [self.by_code[c].get(v, 0) for c in codes]
            if totals:
                out[_named(f"{prefix}_total", v)] = self.total.get(v, 0)
        return out


def _named(prefix: str, variant: str) -> str:
    return f"{prefix}_{variant}" if variant else prefix


@dataclass
class _Part:
    split: dict[str, Any]
    countries: _Totals
    unknown_country: Counts
    cities: _Totals
    provinces: _Totals

    def domestic(self, variant: str) -> int:
        return sum(n.get(variant, 0) for code, n in self.countries.by_code.items() if code in DOMESTIC)

    def total(self, variant: str) -> int:
        """Every relation of the part, of a known country or not."""
        return self.countries.total.get(variant, 0) + self.unknown_country.get(variant, 0)


def _counts(editions: Iterable[int], sample_editions: Iterable[int], relations: int = 1) -> Counts:
    """Per variant, how many of these `relations` (all of these editions, and of these with a focal end in
    that edition's sample) count: '' all, 'E' in edition E, 'sample_E' in edition E with that end in E's
    sample."""
    out: Counts = {"": relations}
    out.update((str(e), relations) for e in set(editions))
    out.update((f"sample_{e}", relations) for e in set(sample_editions))
    return out


# (country, cities, provinces) of an organisation as the geography questions' OPTIONAL MATCHes find it:
# one province entry per (place, province) row, '' where none (one row when it is located nowhere)
Place = tuple[str | None, tuple[str, ...], tuple[str, ...]]
NOWHERE: Place = (None, (), ("",))


def _org_places(graph: Graph, model: GraphModel) -> dict[str, Place]:
    """Every organisation's place by element id."""
    rows = graph.read(queries.load("aggregates/org_places").render(model))[0]["places"]
    countries: dict[str, str | None] = {}
    cities: defaultdict[str, list[str]] = defaultdict(list)
    provinces: defaultdict[str, list[str]] = defaultdict(list)
    located: set[tuple[str, str]] = set()
    for eid, country, loc, city, province in rows:
        countries[eid] = country
        provinces[eid].append(province)
        if city is not None and (eid, loc) not in located:  # a city in two provinces: one city
            located.add((eid, loc))
            cities[eid].append(city)
    return {eid: (c, tuple(cities[eid]), tuple(provinces[eid])) for eid, c in countries.items()}


def _focal_places(reads: _Reads, model: GraphModel, name: str) -> list[dict[str, Any]]:
    graph = reads.graph
    decl = model.aggregates[name]
    query = queries.load("aggregates/focal_places")
    places = _org_places(graph, model)
    parts: dict[tuple[str, tuple[Any, ...]], _Part] = {}
    editions: set[str] = set()
    for kind in decl.kinds:
        relations = graph.read(query.render(model, kind=kind, split=list(decl.split)))[0]["relations"]
        # relations alike (the same place, split values and editions) are counted once, times how many
        alike = Counter(
            (places.get(eid, NOWHERE), tuple(split), tuple(eds), tuple(sample_eds))
            for eid, split, eds, sample_eds in relations
        )
        for ((country, cities, provinces), values, eds, sample_eds), n in alike.items():
            key = (kind, values)
            part = parts.get(key)
            if part is None:
                split = {k: v for k, v in zip(decl.split, values, strict=True) if v is not None}
                part = parts[key] = _Part(split, _Totals(), defaultdict(int), _Totals(), _Totals())
            counts = _counts(eds, sample_eds, n)
            editions |= {v for v in counts if v and not v.startswith("sample_")}
            if country is None:
                for v, k in counts.items():
                    part.unknown_country[v] += k
            else:
                part.countries.add([country], counts, 1)
            if country in DOMESTIC:
                part.cities.add(list(cities), counts, max(1, len(cities)))
                part.provinces.add([c for c in provinces if c], counts, len(provinces))
    variants = ["", *sorted(editions)]
    with_sample = [*variants, *(f"sample_{e}" for e in sorted(editions))]
    return [
        {
            "kind": kind,
            **part.split,
            **part.countries.properties("country", with_sample, totals=False),
            **{_named("country_unknown", v): part.unknown_country.get(v, 0) for v in with_sample},
            **{_named("country_domestic", v): part.domestic(v) for v in with_sample},
            **{_named("country_total", v): part.total(v) for v in with_sample},
            **part.cities.properties("city", variants, totals=True),
            **part.provinces.properties("province", variants, totals=True),
        }
        for (kind, _), part in parts.items()
    ]


# -- focal_industries ----------------------------------------------------------------------------------------
def _focal_industries(reads: _Reads, model: GraphModel, name: str) -> list[dict[str, Any]]:
    graph = reads.graph
    query = queries.load("aggregates/focal_industries")
    found: dict[str, _Totals] = {}
    editions: set[str] = set()
    for kind in model.aggregates[name].kinds:
        industries = found[kind] = _Totals()
        for row in graph.read(query.render(model, kind=kind)):
            for eds, n in Counter(map(tuple, row["editions"])).items():
                counts = _counts(eds, (), n)
                editions |= {v for v in counts if v}
                industries.add([row["code"]], counts, 1)
    variants = ["", *sorted(editions)]
    return [
        {"kind": kind, **industries.properties("industry", variants, totals=False)}
        for kind, industries in found.items()
        if industries.by_code
    ]


# -- co_investors -------------------------------------------------------------------------------------------
SHARED_AT_LEAST = 2  # pairs kept: a question asking for fewer shared investees counts live
EXAMPLES = 5  # names kept per pair and variant, as co_investment_pairs shows them


def _co_investors(reads: _Reads, model: GraphModel, name: str) -> list[dict[str, Any]]:
    graph = reads.graph
    # each investee's investors in one row of lists, paired here: 62,813 rows of one pair and investee each
    # took 4.4 s of a 55 s load quiet (the engine's pattern over both investors, then the driver)
    found = graph.read(queries.load("aggregates/co_investors").render(model))[0]["investees"]
    pairs, editions = _investor_pairs(found)
    # each investor and example investee named once, the pairs and examples as positions among them: the
    # part as names per pair was 15 MB at scale 10, and ArcadeDB took 13 s to write a record that size
    # (its time grows with the square of the record's size: 1.7 MB 0.26 s, 7.6 MB 3.1 s, measured)
    investors: dict[str, int] = {}
    investor_rows: list[tuple[str, str, str, bool]] = []
    sides: list[tuple[int, int]] = []
    for (a_id, b_id), p in pairs.items():
        names, synthetic = p["names"], p["synthetic"]
        for investor, zh, en, syn in (
            (a_id, names[0], names[2], synthetic[0]),
            (b_id, names[1], names[3], synthetic[1]),
        ):
            if investor not in investors:
                investors[investor] = len(investor_rows)
                investor_rows.append((investor, zh, en, syn))
        sides.append((investors[a_id], investors[b_id]))
    part: dict[str, Any] = {
        "kind": model.aggregates[name].kinds[0],
        **{
            f"investor_{k}": [row[i] for row in investor_rows]
            for i, k in enumerate(("id", "zh", "en", "synthetic"))
        },
        "pair_a": [a for a, _ in sides],
        "pair_b": [b for _, b in sides],
    }
    kept = list(pairs.values())
    investees: dict[str, int] = {}
    for v in sorted(editions):
        examples: list[int] = []
        starts = []
        for p in kept:
            starts.append(len(examples))
            named = sorted({n for n in p["investees"].get(v, {}).values() if n is not None})[:EXAMPLES]
            examples += [investees.setdefault(n, len(investees)) for n in named]
        shared = [len(p["investees"].get(v, {})) for p in kept]
        part[_named("pair_shared", v)] = shared
        ranks = [_ranked(n, p["names"]) for n, p in zip(shared, kept, strict=True)]
        part[_named("pair_order", v)] = sorted(range(len(kept)), key=ranks.__getitem__)
        part[_named("pair_examples", v)] = examples
        part[_named("pair_examples_start", v)] = [*starts, len(examples)]
    part["investee_zh"] = list(investees)
    return [part]


def _investor_pairs(found: list[list[Any]]) -> tuple[dict[tuple[str, str], dict[str, Any]], set[str]]:
    """The pairs of investors with SHARED_AT_LEAST investees or more in common, by their ids, in the order
    they first meet: their names ([a_zh, b_zh, a_en, b_en]), whether each is synthetic and their investees
    per variant ('' = every edition, else those both invested in in that edition); and every variant some
    pair shares.

    Every pair of every investee is counted in arrays, and only the pairs kept are followed investee by
    investee: nearly all pairs share one investee (at scale 10, 49,954 of 618,831 are kept), and following
    each of them here took 5.1 s against 2.6 s this way (measured)."""
    import numpy as np

    rows: list[list[Any]] = []  # each investee's investors, the smaller id first (Cypher's `a.id < b.id`)
    starts = [0]
    editions = {""}
    for _, _, investors in found:
        ordered = sorted(investors, key=lambda investor: _text_order(investor[0]))
        rows += ordered
        starts.append(len(rows))
        # a variant some pair shares: two of this investee's investors invested in that edition
        in_edition = Counter(e for investor in ordered for e in set(investor[4]))
        editions |= {str(e) for e, n in in_edition.items() if n > 1}
    if not rows:
        return {}, editions
    ids: dict[str, int] = {}
    investor = np.array([ids.setdefault(row[0], len(ids)) for row in rows], dtype=np.int64)
    firsts, seconds, investees = [], [], []  # each pair of each investee's rows, i < j as the loop took them
    for number, (start, end) in enumerate(itertools.pairwise(starts)):
        i, j = np.triu_indices(end - start, 1)
        firsts.append(i + start)
        seconds.append(j + start)
        investees.append(np.full(len(i), number, dtype=np.int64))
    first_row, second_row = np.concatenate(firsts), np.concatenate(seconds)
    investee = np.concatenate(investees)
    pair = investor[first_row] * len(ids) + investor[second_row]
    # investees in common: each (pair, investee) once (an investor with two relations to one investee)
    distinct = np.unique(pair * len(found) + investee) // len(found)
    codes, shared = np.unique(distinct, return_counts=True)
    wanted = codes[shared >= SHARED_AT_LEAST]
    seen, first_seen = np.unique(pair, return_index=True)
    pairs: dict[tuple[str, str], dict[str, Any]] = {}
    for at in np.sort(first_seen[np.searchsorted(seen, wanted)]).tolist():  # the order they first meet
        a, b = rows[first_row[at]], rows[second_row[at]]
        pairs[(a[0], b[0])] = {
            "names": [a[1], b[1], a[2], b[2]],
            "synthetic": (a[3], b[3]),
            "investees": defaultdict(dict),
        }
    for at in np.flatnonzero(np.isin(pair, wanted)).tolist():
        a, b = rows[first_row[at]], rows[second_row[at]]
        kept, (eid, investee_name, _) = pairs[(a[0], b[0])], found[investee[at]]
        kept["investees"][""][eid] = investee_name
        for edition in a[4]:
            if edition in b[4]:
                kept["investees"][str(edition)][eid] = investee_name
    return pairs, editions


# -- org_degrees --------------------------------------------------------------------------------------------
LINKS = "links_"  # the prefix of the per-organisation properties org_degrees keeps


def links_per_type(model: GraphModel) -> list[tuple[str, str]]:
    """(relationship type, direction) of each `links_<TYPE>_<out|in>` property, in the model's order."""
    return [(t, d) for t in model.org_relationship_types for d in ("out", "in")]


def links_properties(model: GraphModel) -> list[str]:
    """The properties org_degrees keeps on every organisation: `links_<TYPE>_out` and `links_<TYPE>_in`
    per relationship type between organisations, `links_value` (the value network's types, either
    direction: its value degree), `links_all` (every type, either direction), `links_partners` (how many
    distinct organisations it has relations with) and `links_only_through` (how many organisations have
    relations with it and with no other: reachable only through it) with up to five of their names
    (`links_only_through_examples`, sorted)."""
    per_type = [f"{LINKS}{t}_{d}" for t, d in links_per_type(model)]
    totals = ("value", "all", "partners", "only_through", "only_through_examples")
    return [*per_type, *(f"{LINKS}{p}" for p in totals)]


def degree_values(
    model: GraphModel,
    names: Mapping[str, str | None],
    relations: Sequence[tuple[str, str, str]],
    *,
    partial: Container[str] = (),
) -> dict[str, list[Any]]:
    """The values of `links_properties(model)`, in that order, of each organisation in `names` (key ->
    Chinese name) from `relations` (start key, end key, type), as org_degrees keeps them: a relation with
    an end that is no organisation in `names` is not counted. The organisations in `partial` are given with
    only some of their relations (the loader's ends already in the graph): none of them counts as reachable
    only through another.

    Counted in numpy arrays over the organisations' positions (a loop over 166k relations and 44k sets
    of partners in Python took ~1.5 s of a scale-1 load, twice: the loader's new organisations and the
    refresh); only the organisations reachable through one other are named in Python."""
    import numpy as np
    import pandas as pd

    kinds = links_per_type(model)
    column = {kind: i for i, kind in enumerate(kinds)}
    keys = list(names)
    n, width = len(keys), len(kinds)
    starts, ends, types = map(list, zip(*relations, strict=True)) if relations else ([], [], [])
    index = pd.Index(keys, dtype=object)
    source = index.get_indexer(pd.Index(starts, dtype=object)).astype(np.int64)
    target = index.get_indexer(pd.Index(ends, dtype=object)).astype(np.int64)
    type_codes, type_names = pd.factorize(np.array(types, dtype=object))
    out_column = np.array([column[(t, "out")] for t in type_names], dtype=np.int64)
    in_column = np.array([column[(t, "in")] for t in type_names], dtype=np.int64)
    kept = (source >= 0) & (target >= 0)
    source, target, type_codes = source[kept], target[kept], type_codes[kept]
    counts = np.bincount(source * width + out_column[type_codes], minlength=n * width)
    counts += np.bincount(target * width + in_column[type_codes], minlength=n * width)
    per_type = counts.reshape(n, width)
    # distinct partners: each relation a pair both ways (a relation to itself once), each pair once
    pairs = np.sort(np.concatenate([source * n + target, target * n + source]))
    pairs = pairs[np.concatenate([[True], pairs[1:] != pairs[:-1]])] if len(pairs) else pairs
    partner_of, partner = np.divmod(pairs, n)
    partners = np.bincount(partner_of, minlength=n)
    only_through: Counter[str] = Counter()
    examples: defaultdict[str, set[str]] = defaultdict(set)
    alone = partners[partner_of] == 1  # the organisations with one partner, and that partner
    for i, j in zip(partner_of[alone].tolist(), partner[alone].tolist(), strict=True):
        key = keys[i]
        if key not in partial:
            only_through[keys[j]] += 1
            org_name = names[key]
            if org_name is not None:
                examples[keys[j]].add(org_name)
    value = set(model.value_types)
    value_columns = [i for (t, _), i in column.items() if t in value]
    through = np.array([only_through.get(key, 0) for key in keys], dtype=np.int64)
    table = np.column_stack(
        [per_type, per_type[:, value_columns].sum(axis=1), per_type.sum(axis=1), partners, through]
    ).tolist()
    for row, key in zip(table, keys, strict=True):
        row.append(sorted(examples[key])[:EXAMPLES] if key in examples else [])
    return dict(zip(keys, table, strict=True))


def _org_degrees(reads: _Reads, model: GraphModel, name: str) -> list[dict[str, Any]]:
    graph = reads.graph
    props = links_properties(model)
    nodes = queries.load("aggregates/org_degrees_nodes").render(model, properties=props)
    organizations = graph.read(nodes)[0]["organizations"]
    relations = [(start, end, rel_type) for start, end, rel_type, _ in _org_relations(reads, model)]
    values = degree_values(model, {eid: org_name for eid, _, org_name, _ in organizations}, relations)
    counts: dict[str, dict[str, Any]] = {}
    changed: dict[str, dict[str, Any]] = {}
    for eid, key, _, kept in organizations:
        now = values[eid]
        counts[key] = dict(zip(props, now, strict=True))
        if kept != now:
            changed[key] = counts[key]
    # an UPDATE rewrites each node it reaches: after a load that changed few relations, write few (the
    # loader creates new organisations with their counts: a record grown by an UPDATE costs ~5x more)
    if changed:
        graph.set_properties(model.org_label, model.organization.key, changed)
    distribution = Counter(row[f"{LINKS}value"] for row in counts.values())
    degrees = sorted(distribution)
    return [
        {
            "organizations": len(counts),
            "properties": props,
            "value_degree": degrees,
            "value_degree_organizations": [distribution[d] for d in degrees],
        }
    ]


# -- org_ego ------------------------------------------------------------------------------------------------
EGO_HUB_PARTNERS = 50  # fewer partners: ego_network counts live in tens of milliseconds
EGO_SHOWN = 499  # ego_network shows at most 500 nodes: the centre and 499 partners
NO_VALUE = ""  # a missing name, country or experience in the parts' lists (lists hold no nulls)
NODE_COLUMNS = ("node_id", "node_name_zh", "node_name_en", "node_country", "node_labels", "node_synthetic")


def _org_relations(reads: _Reads, model: GraphModel) -> list[list[Any]]:
    """Every relationship between organisations: [start, end (element ids), type, experience]."""
    query = queries.load("aggregates/org_relations").render(model)
    relations: list[list[Any]] = reads.one_row(query, "relations")
    return relations


def _org_ego(reads: _Reads, model: GraphModel, name: str) -> list[dict[str, Any]]:
    graph = reads.graph
    orgs = graph.read(queries.load("aggregates/org_ego_organizations").render(model))[0]["organizations"]
    return ego_parts(orgs, _org_relations(reads, model))


def ego_parts(orgs: list[list[Any]], relations: list[list[Any]]) -> list[dict[str, Any]]:
    """org_ego's parts from every organisation (the org_ego_organizations row of each) and every relation
    between organisations ([start, end, type, experience]): one per centre with EGO_HUB_PARTNERS partners or
    more, none of them outside `orgs` and no relation to itself (ego_network counts those live), in the order
    the centres first appear among the relations' ends.

    Over the relations' ends numbered once, in numpy (a dict of partners per organisation, and a loop over the
    partners of each centre's partners, were ~8 s of Python at scale 10; at scale 1, 0.7-0.9 s against this
    one's 0.35-0.45 s on the same inputs); each centre's nodes and relations are gathered as positions, and
    its part's lists taken from arrays of what a part shows."""
    import numpy as np
    import pandas as pd

    n_rel = len(relations)
    if not n_rel:
        return []
    starts = [r[0] for r in relations]
    ends = [r[1] for r in relations]
    # the ends numbered in the order they first appear (start, end, next start ...), the centres' order
    interleaved = np.empty(2 * n_rel, dtype=object)
    interleaved[0::2], interleaved[1::2] = starts, ends
    codes, ids = pd.factorize(interleaved)
    source, target = codes[0::2].astype(np.int64), codes[1::2].astype(np.int64)
    n = len(ids)
    row_of = {row[0]: row for row in orgs}
    node = [row_of.get(eid) for eid in ids]
    known = np.array([row is not None for row in node], dtype=bool)
    # ego_network's order of partners after their count: by id as Cypher sorts text (nulls last)
    id_order = [_text_order(row[1] if row is not None else None) for row in node]
    id_rank = np.empty(n, dtype=np.int64)
    id_rank[sorted(range(n), key=id_order.__getitem__)] = np.arange(n)
    # a part is dropped where a text it shows is the empty text NO_VALUE stands for
    blank_node = np.array(
        [row is not None and NO_VALUE in (row[2], row[3], row[4]) for row in node], dtype=bool
    )
    blank_relation = np.array([r[3] == NO_VALUE for r in relations], dtype=bool)
    looped = np.zeros(n, dtype=bool)
    looped[source[source == target]] = True
    # each relation under both of its ends (once under an end it starts and ends at), grouped by end and
    # partner, in the relations' order within a pair
    other = source != target
    rel_index = np.arange(n_rel, dtype=np.int64)
    end_a = np.concatenate([source, target[other]])
    end_b = np.concatenate([target, source[other]])
    rel_of = np.concatenate([rel_index, rel_index[other]])
    order = np.lexsort((rel_of, end_b, end_a))
    end_a, end_b, rel_of = end_a[order], end_b[order], rel_of[order]
    pair_start = np.flatnonzero(np.r_[True, (end_a[1:] != end_a[:-1]) | (end_b[1:] != end_b[:-1])])
    pair_count = np.diff(np.r_[pair_start, len(end_a)])
    pair_a, pair_b = end_a[pair_start], end_b[pair_start]
    partners = np.bincount(pair_a, minlength=n)
    partner_start = np.r_[0, np.cumsum(partners)]
    unknown_partner = np.bincount(pair_a, weights=~known[pair_b], minlength=n) > 0
    hubs = np.flatnonzero((partners >= EGO_HUB_PARTNERS) & ~looped & ~unknown_partner & known & ~blank_node)
    # the relations each organisation starts, for those among a centre's partners
    by_start = np.argsort(source, kind="stable")
    out_start = np.r_[0, np.cumsum(np.bincount(source, minlength=n))]
    # what a part shows of each node and relation, in arrays a part's lists are taken from at once
    shown: dict[str, Any] = {
        column: np.array([None if row is None else value(row) for row in node], dtype=object)
        for column, value in (
            ("node_id", lambda row: row[1]),
            ("node_name_zh", lambda row: _text(row[2])),
            ("node_name_en", lambda row: _text(row[3])),
            ("node_country", lambda row: _text(row[4])),
            ("node_labels", lambda row: "|".join(row[5])),
            ("node_synthetic", lambda row: row[6]),
        )
    }
    shown["edge_type"] = np.array([r[2] for r in relations], dtype=object)
    shown["edge_experience"] = np.array([_text(r[3]) for r in relations], dtype=object)
    position = np.full(n, -1, dtype=np.int64)
    parts = []
    for centre in hubs.tolist():
        first, last = partner_start[centre], partner_start[centre + 1]
        candidates = pair_b[first:last]
        # as ego_network orders them: most relations with the centre first, then by id
        ranked = np.lexsort((id_rank[candidates], -pair_count[first:last]))[:EGO_SHOWN]
        kept = candidates[ranked]
        if blank_node[kept].any():
            continue
        position[centre] = 0
        position[kept] = np.arange(1, len(kept) + 1)
        # the centre's relations with each partner kept, at that partner's position
        lengths = pair_count[first:last][ranked]
        firsts = pair_start[first:last][ranked]
        with_centre = rel_of[_ragged(firsts, lengths)]
        need_centre = np.repeat(position[kept], lengths)
        # the relations a partner kept starts to another one kept, at the later of the two positions
        from_kept = by_start[_ragged(out_start[kept], out_start[kept + 1] - out_start[kept])]
        among = from_kept[position[target[from_kept]] > 0]
        need_among = np.maximum(position[source[among]], position[target[among]])
        needs = np.concatenate([need_centre, need_among])
        rels = np.concatenate([with_centre, among])
        in_order = np.lexsort((rels, needs))
        rels, needs = rels[in_order], needs[in_order]
        edge_source, edge_target = position[source[rels]].tolist(), position[target[rels]].tolist()
        position[centre] = -1
        position[kept] = -1
        if blank_relation[rels].any():
            continue
        nodes = np.r_[centre, kept]
        parts.append(
            {
                "key": shown["node_id"][centre],
                **{column: shown[column][nodes].tolist() for column in NODE_COLUMNS},
                "edge_source": edge_source,
                "edge_target": edge_target,
                **{column: shown[column][rels].tolist() for column in ("edge_type", "edge_experience")},
                # how many of the relations the first k + 1 nodes shown have among them
                "edges_within": np.cumsum(np.bincount(needs, minlength=len(nodes))).tolist(),
                "nodes_total": 1 + int(partners[centre]),
            }
        )
    return parts


def _ragged(starts: Any, lengths: Any) -> Any:
    """The positions starts[k], starts[k] + 1 ... starts[k] + lengths[k] - 1 of every k, in order."""
    import numpy as np

    total = int(lengths.sum())
    if not total:
        return np.zeros(0, dtype=np.int64)
    offsets = np.repeat(starts - np.r_[0, np.cumsum(lengths)[:-1]], lengths)
    return offsets + np.arange(total, dtype=np.int64)


def _text(value: str | None) -> str:
    return NO_VALUE if value is None else value


def _text_order(text: str | None) -> tuple[bool, bytes]:
    """A name as Cypher's ORDER BY sorts it: by UTF-16 code units (Java's order), nulls last."""
    return (text is None, (text or "").encode("utf-16-be"))


def _ranked(shared: int, names: list[str]) -> tuple[Any, ...]:
    """co_investment_pairs' order: most investees in common first, then by the two Chinese names."""
    return (-shared, _text_order(names[0]), _text_order(names[1]))


COMPUTE: dict[str, Callable[[_Reads, GraphModel, str], list[dict[str, Any]]]] = {
    "co_investors": _co_investors,
    "org_degrees": _org_degrees,
    "org_ego": _org_ego,
    "focal_places": _focal_places,
    "focal_industries": _focal_industries,
}
