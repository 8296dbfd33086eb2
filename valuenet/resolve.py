"""Codes or names: what a user types for a place, an industry or a category -> the code of its dimension node.

    from valuenet import resolve
    names = resolve.names(graph)                     # this graph's dimension nodes, cached (see `names`)
    names.resolve("金属制品业", ["Industry"]).code    # 'C33'
    names.resolve("广州", PLACES).code                # '440100' (PLACES: City, Province, MetroArea, Country)
    names.resolve("Guangzhou", PLACES).code          # '440100'
    names.resolve("金属", ["Industry"])               # NameNotResolved: several industries, listed
    names.mentions("谁在为广州汽车制造业赋能", [*PLACES, "Industry"])   # the names inside a sentence

The names come from the graph itself (`cypher/choices/dimension_names`): every dimension label of the graph
model, with its nodes' code, `name_zh`, `name_en`, `short_zh` and `aliases`, so an analyst's own dimension
nodes are found the same way as the shipped ones. A text finds its node by the first rule that finds anything:

  1. a code, in any case (c36, prd, us)
  2. a full name (金属制品业, Guangzhou, 江苏省)
  3. a short name (广州, 江苏)
  4. an alias (USA, 中国香港)
  5. part of exactly one name, at least two Chinese characters or three letters (汽车制造 -> C36 汽车制造业)

An industry (a GB/T 4754 parameter) may also be named by an analyst's category that a crosswalk maps onto
GB/T (`MAPS_TO`, loader/README.md): a text that names such a category exactly (rules 1-4), and no industry by
rules 1-4, is taken for the division the category maps to with the largest weight (非银金融 -> J67).

Texts are compared without case, width, spaces or punctuation. Several nodes found by the same rule are one
answer only when they are one area at several levels (北京市 the city and the municipality; 房地产业 the
section and its only division): the widest is taken, so nothing the user meant is left out. Otherwise the text
is ambiguous and `NameNotResolved` lists the nodes and the nearest names (rapidfuzz), in the language the
text is written in. Nothing here reaches Cypher: the caller passes the code as a `$parameter`.
"""

from __future__ import annotations

import re
import threading
import unicodedata
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from enum import IntEnum
from typing import TYPE_CHECKING, Any

from valuenet import queries
from valuenet.model import MODEL

if TYPE_CHECKING:
    from valuenet.db import Graph

PLACES = ("City", "Province", "MetroArea", "Country")  # what a `place` parameter takes, finest first
NEAR_LIMIT = 6  # near matches a message lists
_NEAR_CUTOFF = 65.0  # rapidfuzz WRatio (0-100) below which a name is not near

_IGNORED = re.compile(r"[\s\u3000、，,。.·•()（）\[\]【】\-‐–—_/'’\"“”]+")
_CJK = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")


def match_key(text: str) -> str:
    """The form two spellings of one name share: NFKC, case-folded, without spaces and punctuation."""
    return _IGNORED.sub("", unicodedata.normalize("NFKC", text).casefold())


def language(text: str) -> str:
    """`zh` for text with Chinese characters, else `en`: messages answer in the language of the question."""
    return "zh" if _CJK.search(text) else "en"


class Rule(IntEnum):
    """How a text found a node; lower is better."""

    CODE = 1
    NAME = 2
    SHORT = 3
    ALIAS = 4
    PART = 5


@dataclass(frozen=True)
class Member:
    """One dimension node as the resolver knows it."""

    label: str
    code: str
    name_zh: str | None = None
    name_en: str | None = None
    short_zh: str | None = None
    aliases: tuple[str, ...] = ()
    within: str | None = None  # code of the node that contains it (graph model `within`)

    def name(self, lang: str) -> str:
        first = (self.name_en, self.name_zh) if lang == "en" else (self.name_zh, self.name_en)
        return next((n for n in first if n), self.code)

    def describe(self, lang: str) -> str:
        """`C33 金属制品业（行业）` / `C33 Fabricated metal products (industry)`."""
        noun = MODEL.dimension_noun(self.label, lang)
        name = self.name(lang)
        shown = self.code if name == self.code else f"{self.code} {name}"
        return f"{shown}（{noun}）" if lang == "zh" else f"{shown} ({noun})"

    def spellings(self) -> Iterable[tuple[Rule, str]]:
        yield Rule.CODE, self.code
        for name in (self.name_zh, self.name_en):
            if name:
                yield Rule.NAME, name
        if self.short_zh:
            yield Rule.SHORT, self.short_zh
        for alias in self.aliases:
            yield Rule.ALIAS, alias


@dataclass(frozen=True)
class Mention:
    """A dimension name inside a sentence (`sentence[start:end]`) and the node(s) it names (several:
    ambiguous)."""

    start: int
    end: int
    text: str
    found: tuple[Member, ...]
    rule: Rule


class NameNotResolved(ValueError):
    """No node, or several, for a text; the message (in the text's language) lists what comes closest."""

    def __init__(self, text: str, labels: Sequence[str], found: Sequence[Member], near: Sequence[Member]):
        self.text = text
        self.labels = tuple(labels)
        self.found = tuple(found)  # several nodes the text names equally well (empty: none)
        self.near = tuple(near)  # the nearest names otherwise
        self.lang = language(text)
        super().__init__(self.message())

    @property
    def ambiguous(self) -> bool:
        return len(self.found) > 1

    def message(self) -> str:
        zh = self.lang == "zh"
        nouns = [MODEL.dimension_noun(label, self.lang) for label in self.labels]
        listed = ("、" if zh else ", ").join(m.describe(self.lang) for m in (self.found or self.near))
        if zh:
            kinds = "或".join(nouns)
            if self.ambiguous:
                return f"“{self.text}”可指多个{kinds}，请用代码指明：{listed}"
            near = f"；相近的有：{listed}" if listed else "，也没有相近的名称"
            return f"没有名为“{self.text}”的{kinds}{near}"
        kinds = " or ".join(nouns) if len(nouns) < 3 else ", ".join(nouns[:-1]) + " or " + nouns[-1]
        if self.ambiguous:
            return f'"{self.text}" names more than one {kinds}; give one of the codes: {listed}'
        near = f"; near matches: {listed}" if listed else ", and no name comes close"
        return f'no {kinds} named "{self.text}"{near}'


class DimensionNames:
    """The dimension nodes of one graph and the spellings that name them."""

    def __init__(self, members: Iterable[Member], crosswalk: Mapping[str, str] | None = None) -> None:
        self.members = tuple(members)
        self.crosswalk = dict(crosswalk or {})  # category code -> the GB/T code it maps to with most weight
        # Every spelling once, as compared (match_key) and as searched for in sentences (folded).
        self._spelled = [
            (m, rule, match_key(spelling), unicodedata.normalize("NFKC", spelling).casefold().strip())
            for m in self.members
            for rule, spelling in m.spellings()
        ]
        self._by_key: dict[str, list[tuple[Rule, Member]]] = {}
        for m, rule, key, _ in self._spelled:
            if key:
                self._by_key.setdefault(key, []).append((rule, m))
        self._node = {(m.label, m.code): m for m in self.members}
        # How many nodes each node contains directly: one area at two levels has exactly one.
        self._children = Counter(
            (outer, m.within) for m in self.members if m.within for outer in _outer_labels(m.label)
        )

    @classmethod
    def from_rows(cls, rows: Iterable[Mapping[str, Any]]) -> DimensionNames:
        """From the rows of `cypher/choices/dimension_names` (label, code, name_zh, name_en, short_zh,
        aliases, within); rows without a code are left out."""
        return cls(
            Member(
                label=str(r["label"]),
                code=str(r["code"]),
                name_zh=r.get("name_zh") or None,
                name_en=r.get("name_en") or None,
                short_zh=r.get("short_zh") or None,
                aliases=tuple(str(a) for a in (r.get("aliases") or ()) if a),
                within=str(r["within"]) if r.get("within") is not None else None,
            )
            for r in rows
            if r.get("code") is not None
        )

    def of(self, labels: Sequence[str], pattern: str | None = None) -> list[Member]:
        """The nodes of `labels` (whose code fully matches `pattern`, when given)."""
        form = re.compile(pattern) if pattern else None
        wanted = set(labels)
        return [m for m in self.members if m.label in wanted and (form is None or form.fullmatch(m.code))]

    def lookup(
        self, text: str, labels: Sequence[str], pattern: str | None = None
    ) -> tuple[Rule, list[Member]]:
        """The nodes the best rule finds for `text` among `labels` (filtered by `pattern`), before ties are
        settled; ([], PART) when none."""
        key = match_key(text)
        allowed = {(m.label, m.code) for m in self.of(labels, pattern)}
        hits = [(rule, m) for rule, m in self._by_key.get(key, ()) if (m.label, m.code) in allowed]
        if hits:
            best = min(rule for rule, _ in hits)
            return best, _unique(m for rule, m in hits if rule == best)
        if len(key) < (2 if _CJK.search(key) else 3):
            return Rule.PART, []
        part = (m for m, rule, spelled, _ in self._spelled if rule is not Rule.CODE and key in spelled)
        return Rule.PART, _unique(m for m in part if (m.label, m.code) in allowed)

    def resolve(self, text: str, labels: Sequence[str], pattern: str | None = None) -> Member:
        """The one node `text` names among `labels`; raises NameNotResolved listing candidates."""
        rule, found = self.lookup(text, labels, pattern)
        if rule is Rule.PART and "Industry" in labels:
            mapped = self.through_crosswalk(text, pattern)
            if mapped is not None:
                return mapped
        one = self.one_area(found)
        if one is not None:
            return one
        raise NameNotResolved(
            text, labels, _ordered(found, labels), [] if found else self.near(text, labels, pattern)
        )

    def through_crosswalk(self, text: str, pattern: str | None = None) -> Member | None:
        """The GB/T industry an analyst's category named exactly by `text` maps to (largest weight); None
        when no such category, or several mapping to different industries."""
        rule, categories = self.lookup(text, ["Category"])
        codes = {self.crosswalk[c.code] for c in categories if c.code in self.crosswalk}
        if rule is Rule.PART or len(codes) != 1:
            return None
        (code,) = codes
        if pattern is not None and not re.fullmatch(pattern, code):
            return None
        return self._node.get(("Industry", code))

    def near(
        self, text: str, labels: Sequence[str], pattern: str | None = None, limit: int = NEAR_LIMIT
    ) -> list[Member]:
        """The nodes with the names nearest to `text` (rapidfuzz WRatio), best first."""
        from rapidfuzz import fuzz, process

        query = match_key(text)
        allowed = {(m.label, m.code) for m in self.of(labels, pattern)}
        # Spellings much shorter than the text are left out: a two-letter code inside any longer word would
        # otherwise score as a near match.
        candidates = [
            (m, key)
            for m, _, key, _ in self._spelled
            if 2 * len(key) >= len(query) and len(key) > 1 and (m.label, m.code) in allowed
        ]
        hits = process.extract(
            query,
            [key for _, key in candidates],
            scorer=fuzz.WRatio,
            limit=limit * 4,
            score_cutoff=_NEAR_CUTOFF,
        )
        return _unique(candidates[i][0] for _, _, i in hits)[:limit]

    def one_area(self, found: Sequence[Member]) -> Member | None:
        """The one node of `found`, or the widest when all of them are one area at several levels (each
        contained in the next as its only part); None when `found` is empty or ambiguous."""
        if len(found) == 1:
            return found[0]
        for widest in found:
            if all(m is widest or self._only_part_of(m, widest) for m in found):
                return widest
        return None

    def _only_part_of(self, inner: Member, outer: Member) -> bool:
        node: Member | None = inner
        while node is not None and node.within is not None:
            parent = next(
                (
                    self._node[(label, node.within)]
                    for label in _outer_labels(node.label)
                    if (label, node.within) in self._node
                ),
                None,
            )
            if parent is None or self._children[(parent.label, parent.code)] != 1:
                return False
            if parent is outer:
                return True
            node = parent
        return False

    def mentions(self, sentence: str, labels: Sequence[str]) -> list[Mention]:
        """The dimension names (full, short, alias; codes of two or more characters) inside `sentence`,
        longest first and not overlapping, in sentence order. Latin spellings match whole words only."""
        folded = sentence.casefold()
        if len(folded) != len(sentence):  # a fold that changes length would shift the positions
            folded = sentence.lower()
        allowed = {(m.label, m.code) for m in self.of(labels)}
        spans: dict[tuple[int, int], list[tuple[Rule, Member]]] = {}
        for m, rule, _, needle in self._spelled:
            if len(needle) < 2 or (m.label, m.code) not in allowed:
                continue
            latin = not _CJK.search(needle)
            start = folded.find(needle)
            while start >= 0:
                end = start + len(needle)
                if not (latin and (_word_char(folded, start - 1) or _word_char(folded, end))):
                    spans.setdefault((start, end), []).append((rule, m))
                start = folded.find(needle, start + 1)
        taken: list[Mention] = []
        for (start, end), hits in sorted(spans.items(), key=lambda kv: (kv[0][0] - kv[0][1], kv[0][0])):
            if any(start < t.end and t.start < end for t in taken):
                continue
            best = min(rule for rule, _ in hits)
            found = _unique(m for rule, m in hits if rule == best)
            one = self.one_area(found)
            taken.append(Mention(start, end, sentence[start:end], (one,) if one else tuple(found), best))
        return sorted(taken, key=lambda t: t.start)


def _outer_labels(label: str) -> tuple[str, ...]:
    """The labels a node of `label` can be within (the targets of its graph-model `within` link)."""
    decl = MODEL.dimensions.get(label)
    return MODEL.links[decl.within].to if decl is not None and decl.within else ()


def _word_char(text: str, i: int) -> bool:
    return 0 <= i < len(text) and (text[i].isalnum() and not _CJK.match(text[i]))


def _unique(members: Iterable[Member]) -> list[Member]:
    return list(dict.fromkeys(members))


def _ordered(found: Sequence[Member], labels: Sequence[str]) -> list[Member]:
    order = {label: i for i, label in enumerate(labels)}
    return sorted(found, key=lambda m: (order.get(m.label, len(order)), m.code))


# -- one graph's names, cached -------------------------------------------------------------------------------
_cache: dict[tuple[str, str | None], tuple[tuple[tuple[str, int], ...], DimensionNames]] = {}
_lock = threading.Lock()


def _fingerprint(graph: Graph) -> tuple[tuple[str, int], ...]:
    rows = graph.read(queries.text("choices/dimension_counts"))
    return tuple(sorted((str(r["label"]), int(r["n"])) for r in rows))


def names(graph: Graph, *, refresh: bool = False) -> DimensionNames:
    """The dimension names of `graph`, read once per engine and database and kept. With `refresh`, the node
    count of every dimension label is checked (one small query) and the names read again when a load has
    changed them: callers refresh when a text finds nothing, so new nodes are found at once while texts
    that resolve cost no query."""
    key = (graph.info.uri, graph.info.database)
    cached = _cache.get(key)
    if cached is not None and not refresh:
        return cached[1]
    fingerprint = _fingerprint(graph)
    if cached is not None and cached[0] == fingerprint:
        return cached[1]
    loaded = DimensionNames.from_rows(graph.read(queries.text("choices/dimension_names")))
    taxonomies = sorted({m.code.split(":", 1)[0] for m in loaded.members if m.label == "Category"})
    if taxonomies:  # the crosswalks onto GB/T, so a category's name finds its industry
        rows = graph.read(queries.text("loader/crosswalks"), {"taxonomies": taxonomies})
        loaded = DimensionNames(loaded.members, best_targets(rows))
    with _lock:
        _cache[key] = (fingerprint, loaded)
    return loaded


def best_targets(rows: Iterable[Mapping[str, Any]]) -> dict[str, str]:
    """category -> the industry it maps to with the largest weight (ties: the smallest code), from the rows of
    `cypher/loader/crosswalks` (category, industry, weight)."""
    best: dict[str, tuple[float, str]] = {}
    for r in rows:
        weight, code = float(r["weight"] or 1.0), str(r["industry"])
        have = best.get(str(r["category"]))
        if have is None or (-weight, code) < (-have[0], have[1]):
            best[str(r["category"])] = (weight, code)
    return {category: code for category, (_, code) in best.items()}


def forget(graph: Graph | None = None) -> None:
    """Drop the cached names of `graph` (of every graph when None), e.g. after names were edited in place."""
    with _lock:
        if graph is None:
            _cache.clear()
        else:
            _cache.pop((graph.info.uri, graph.info.database), None)
