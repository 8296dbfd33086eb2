"""A projection in memory (`Projected`), from streamed rows or in-memory edges, and its networkit graphs."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import numpy as np
import numpy.typing as npt

from gds_jobs.algorithms.base import Orientation
from valuenet.model import MODEL, GraphModel

if TYPE_CHECKING:
    import networkit as nk

    from valuenet.db import NodeLinks

FloatArray = npt.NDArray[np.float64]
IntArray = npt.NDArray[np.int64]
BoolArray = npt.NDArray[np.bool_]


@dataclass
class Projected:
    """A projection in memory: node ids (Organization.id) and its relationships as index arrays.
    `collect` and `from_edges` build it with `numbered` (node i is the i-th id in sorted order,
    relationships sorted by (source, target)), so networkit's results that depend on node and edge order
    (Louvain's moves, sampled sources by index) are a function of the graph: equal on every engine,
    whatever order its rows came in."""

    ids: list[str]
    sources: IntArray
    targets: IntArray
    # Relationships the projection counts before parallel ones merge into pairs (Table 3's edges), when
    # an algorithm needs them (Algorithm.counts_relationships).
    counted_relationships: int | None = None

    @property
    def node_count(self) -> int:
        return len(self.ids)

    @property
    def relationship_count(self) -> int:
        return int(self.sources.shape[0])

    def undirected_pair_count(self) -> int:
        """Linked pairs, each once whatever the direction (self-loops not counted)."""
        return int(self.undirected_pairs()[0].size)

    def undirected_pairs(self) -> tuple[IntArray, IntArray]:
        """Each linked pair once as (lower, higher) node index, in the order of its first relationship;
        self-loops left out."""
        keep = self.sources != self.targets
        lo = np.minimum(self.sources[keep], self.targets[keep])
        hi = np.maximum(self.sources[keep], self.targets[keep])
        first = np.unique(lo * max(1, self.node_count) + hi, return_index=True)[1]
        first.sort()
        return lo[first], hi[first]


def distinct(values: IntArray) -> IntArray:
    """The distinct values, sorted: np.unique without its hash table (numpy 2.4's plain np.unique hashes,
    50x slower than sorting on a million int64 pair keys, measured: 1.9 s against 0.04 s)."""
    ordered = np.sort(values)
    if ordered.size == 0:
        return ordered
    keep = np.empty(ordered.size, dtype=bool)
    keep[0] = True
    np.not_equal(ordered[1:], ordered[:-1], out=keep[1:])
    return ordered[keep]


def numbered(
    ids: Sequence[str], sources: IntArray, targets: IntArray, counted_relationships: int | None = None
) -> Projected:
    """The projection with nodes renumbered in id order and relationships sorted by (source, target):
    the numbering depends on the graph only, not on the order the engine returned its rows in."""
    order = np.argsort(np.asarray(ids, dtype=str), kind="stable")
    position = np.empty(len(ids), dtype=np.int64)
    position[order] = np.arange(len(ids), dtype=np.int64)
    s, t = position[sources], position[targets]
    by_ends = np.lexsort((t, s))
    return Projected([ids[i] for i in order.tolist()], s[by_ends], t[by_ends], counted_relationships)


def collect(rows: Iterable[Sequence[Any]]) -> Projected:
    """Streamed rows of (source id, target id or None) -> Projected (`numbered`); every id seen becomes a
    node."""
    index: dict[str, int] = {}
    ids: list[str] = []
    src: list[int] = []
    tgt: list[int] = []

    def idx(key: Any) -> int:
        k = str(key)
        i = index.get(k)
        if i is None:
            i = index[k] = len(ids)
            ids.append(k)
        return i

    for row in rows:
        s = idx(row[0])
        if row[1] is not None:
            t = idx(row[1])
            src.append(s)
            tgt.append(t)
    return numbered(ids, np.asarray(src, dtype=np.int64), np.asarray(tgt, dtype=np.int64))


@dataclass(frozen=True)
class Linked:
    """Every organisation and every relationship of some types between two of them, in memory: what each
    projection of a batch of jobs is derived from (`project`), fetched once, in the engine's order (each
    projection is `numbered` by `from_edges`)."""

    ids: list[str]
    focal: BoolArray
    sources: IntArray
    targets: IntArray
    types: npt.NDArray[np.str_]
    properties: dict[str, npt.NDArray[np.object_]]  # per relationship, by property name

    @classmethod
    def of(cls, links: NodeLinks) -> Linked:
        """From the engine's lists (`Graph.node_links`)."""
        return cls(
            ids=[str(k) for k in links.keys],
            focal=np.asarray(links.marked, dtype=bool),
            sources=np.asarray(links.sources, dtype=np.int64),
            targets=np.asarray(links.targets, dtype=np.int64),
            types=np.asarray(links.types, dtype=np.str_),
            properties={k: np.asarray(v, dtype=object) for k, v in links.properties.items()},
        )


def project(linked: Linked, projection: str, model: GraphModel = MODEL) -> Projected:
    """The projection `projection` of the graph model, derived in memory: its relationship types and
    filter, then its focal rule, node set and pair merging (`from_edges`)."""
    decl = model.projection(projection)
    keep = np.isin(linked.types, list(decl.types))
    for prop, value in decl.where.items():
        keep &= linked.properties[prop] == value
    return from_edges(projection, linked.ids, linked.focal, linked.sources[keep], linked.targets[keep], model)


def from_edges(
    projection: str,
    ids: Sequence[str],
    focal: BoolArray,
    sources: IntArray,
    targets: IntArray,
    model: GraphModel = MODEL,
) -> Projected:
    """The projection `projection` of an in-memory graph, as the stream query would give it: `ids` are
    the organisations, `focal` marks those in the focal set, and `sources`/`targets` index the
    relationships of the projection's types that pass its relationship filter. The focal rule, node set
    and pair merging come from the graph model."""
    decl = model.projection(projection)
    keep = np.asarray(model.counts(projection, focal[sources], focal[targets]), dtype=bool)
    s, t = sources[keep], targets[keep]
    counted = int(s.size)
    if decl.distinct_pairs:
        loops = s == t
        pairs = distinct(s[~loops] * len(ids) + t[~loops])
        s, t = pairs // len(ids), pairs % len(ids)
    if decl.nodes == "all" or model.focal_set.label is None:
        members = np.arange(len(ids))
    else:
        members = distinct(np.concatenate([s, t, np.flatnonzero(focal)]))
    position = np.full(len(ids), -1, dtype=np.int64)
    position[members] = np.arange(members.size)
    return numbered(
        [str(ids[i]) for i in members.tolist()],
        position[s].astype(np.int64),
        position[t].astype(np.int64),
        counted_relationships=counted,
    )


def directed(p: Projected, orientation: Orientation = Orientation.NATURAL) -> nk.Graph:
    """The directed networkit graph of the projection (REVERSE: every relationship flipped); self-loops
    left out, parallel relationships kept, in the projection's order."""
    import networkit as nk

    if orientation is Orientation.UNDIRECTED:
        raise ValueError("directed() builds NATURAL or REVERSE graphs; use undirected_simple()")
    g = nk.Graph(p.node_count, weighted=False, directed=True)
    ends = (p.targets, p.sources) if orientation is Orientation.REVERSE else (p.sources, p.targets)
    keep = ends[0] != ends[1]
    if keep.any():
        g.addEdges((ends[0][keep], ends[1][keep]))
    return g


def undirected_simple(p: Projected) -> nk.Graph:
    """The undirected simple graph of a projection: each linked pair once, no self-loops, in the order
    of the pairs' first relationships (the adjacency order Louvain's moves follow)."""
    import networkit as nk

    g = nk.Graph(p.node_count, weighted=False, directed=False)
    lo, hi = p.undirected_pairs()
    if lo.size:
        g.addEdges((lo, hi))
    return g


def oriented(p: Projected, orientation: Orientation) -> nk.Graph:
    """The graph an algorithm runs on: directed as stored or reversed, or the undirected simple graph."""
    if orientation is Orientation.UNDIRECTED:
        return undirected_simple(p)
    return directed(p, orientation)
