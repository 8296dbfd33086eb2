"""Questions in plain words: a sentence in Chinese or English -> a library question and its parameters.

Offline and deterministic (no language model, nothing downloaded): the sentence is matched against the
graph's own names — places, industries and application fields through the dimension-name resolver
(`valuenet.resolve`, the one matcher of dimension names), organisations in Chinese and English — and the
words of `valuenet/data/plain_words.yaml` (everyday synonyms such as 车企 -> C36, words that set a parameter
such as 高校 -> kind University, each question's cue words). Longest matches win;
each question is scored by its cue words and by how many of the things named it can use; its parameters
are filled from them and checked against the question's header.

    lex = plain_words.lexicon_from_graph(graph)
    reading = plain_words.read("谁在为广州汽车制造业赋能", lex)
    reading.question   # 'who_empowers_industry_in_place'
    reading.params     # {'industry': 'C36', 'place': '440100'}

`valuenet ask --text` and the explorer's search box both call this module.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from importlib import resources
from typing import TYPE_CHECKING, Any

import yaml

from valuenet import org_names, queries, resolve
from valuenet import questions as qlib

if TYPE_CHECKING:
    from valuenet.db import Graph

# Dimension labels whose names a sentence may use, the slot they fill, and which one a name shared by two
# of them means first (a city before the province of the same name).
DIMENSION_SLOTS = {
    "City": "place",
    "Province": "place",
    "MetroArea": "place",
    "Country": "place",
    "Industry": "industry",
    "ApplicationField": "field",
}
ENTITY_SLOTS = ("place", "industry", "field", "org")
_ZH_NUMBERS = {
    "一": 1,
    "二": 2,
    "两": 2,
    "三": 3,
    "四": 4,
    "五": 5,
    "六": 6,
    "七": 7,
    "八": 8,
    "九": 9,
    "十": 10,
}
_COUNT = re.compile(
    r"(?:前|top\s*|first\s*)(\d{1,4}|[一二两三四五六七八九十]{1,3})|(\d{1,4})\s*(?:家|个|所|名|位|强)"
)
_YEAR = re.compile(r"(20[12]\d)\s*(?:年版?)?")
_ASCII_WORD = re.compile(r"[a-z0-9]")


def normalise(text: str, lower: bool = True) -> str:
    """Full-width to half-width, lower case, one space between words."""
    text = unicodedata.normalize("NFKC", text)
    return re.sub(r"\s+", " ", text.lower() if lower else text).strip()


@dataclass(frozen=True)
class Entry:
    """One meaning of a word: the slot it fills and the value, with a label saying what it is."""

    slot: str
    value: Any
    label: str
    preference: int = 0  # among the meanings of one word, lower is taken first
    kind: str = ""  # the dimension label (City, Province, ...) for places, industries and fields


@dataclass(frozen=True)
class Mention:
    """A piece of the sentence that was recognised."""

    start: int
    end: int
    text: str
    entries: tuple[Entry, ...]


@dataclass(frozen=True)
class Lexicon:
    """What a sentence can name: the graph's dimension names (the resolver's), and the words of the
    organisations and of the rules."""

    names: resolve.DimensionNames
    words: Mapping[str, tuple[Entry, ...]]
    longest: int
    rules: Rules


@dataclass(frozen=True)
class QuestionRule:
    id: str
    strong: tuple[str, ...]
    cues: tuple[str, ...]
    needs: tuple[str, ...]
    avoid: tuple[str, ...]
    implied: tuple[str, ...]
    params: Mapping[str, str]
    values: Mapping[str, Mapping[str, str]]
    redirect: Mapping[str, Any]


@dataclass(frozen=True)
class Rules:
    synonyms: Mapping[str, Mapping[str, tuple[str, ...]]]
    terms: Mapping[str, Mapping[str, tuple[str, ...]]]
    questions: tuple[QuestionRule, ...]


@dataclass(frozen=True)
class Reading:
    """What a sentence was read as: the question (None when nothing fits), its parameters as understood
    (the question's defaults fill the rest), what was recognised, and the runners-up."""

    text: str
    question: str | None
    params: dict[str, Any]
    mentions: tuple[Mention, ...]
    score: float = 0.0
    alternatives: tuple[tuple[str, float], ...] = ()
    notes: tuple[str, ...] = field(default=())


def _strings(values: Any) -> tuple[str, ...]:
    return tuple(normalise(str(v)) for v in (values or ()))


@functools.cache
def rules() -> Rules:
    """The words of valuenet/data/plain_words.yaml."""
    raw = yaml.safe_load(resources.files("valuenet").joinpath("data/plain_words.yaml").read_text("utf-8"))
    lib = qlib.library()
    out: list[QuestionRule] = []
    for qid, spec in raw["questions"].items():
        if qid not in lib:
            raise ValueError(f"plain_words.yaml: question {qid!r} is not in the library")
        params = dict(spec.get("params") or {})
        unknown = sorted(set(params) - set(lib[qid].params))
        if unknown:
            raise ValueError(f"plain_words.yaml: question {qid!r} has no parameter {unknown}")
        out.append(
            QuestionRule(
                id=qid,
                strong=_strings(spec.get("strong")),
                cues=_strings(spec.get("cues")),
                needs=tuple(spec.get("needs") or ()),
                avoid=tuple(spec.get("not") or ()),
                implied=tuple(spec.get("implied") or ()),
                params=params,
                values={k: dict(v) for k, v in (spec.get("values") or {}).items()},
                redirect=dict(spec.get("redirect") or {}),
            )
        )
    return Rules(
        synonyms={
            label: {str(code): _strings(words) for code, words in codes.items()}
            for label, codes in raw["synonyms"].items()
        },
        terms={
            slot: {str(value): _strings(words) for value, words in values.items()}
            for slot, values in raw["terms"].items()
        },
        questions=tuple(out),
    )


def build_lexicon(
    names: resolve.DimensionNames,
    organizations: Iterable[tuple[str, str, str, Sequence[str], bool]] = (),
    rule_set: Rules | None = None,
) -> Lexicon:
    """The lexicon from the graph's dimension names and organisation rows (id, name_zh, name_en, aliases,
    synthetic), plus the words of the rules (synonyms of dimension codes, terms)."""
    r = rule_set or rules()
    words: dict[str, list[Entry]] = {}

    def add(surface: str, entry: Entry) -> None:
        key = normalise(surface)
        if len(key) < 2:
            return
        bucket = words.setdefault(key, [])
        if entry not in bucket:
            bucket.append(entry)

    for label, codes in r.synonyms.items():
        known = {m.code: m for m in names.of([label])}
        for code, synonyms in codes.items():
            if code in known:  # a synonym of a code this graph does not hold names nothing
                for synonym in synonyms:
                    add(synonym, _dimension_entry(known[code]))
    for slot, values in r.terms.items():
        for value, surfaces in values.items():
            for surface in surfaces:
                add(surface, Entry(slot, value, surface, 10))
    for oid, zh, en, aliases, synthetic in organizations:
        entry = Entry("org", oid, zh or en or oid, 20 + int(bool(synthetic)))
        short_en = org_names.short_english(en) if en else ""  # what readers type of "Huawei (Huawei ...)"
        for name in (zh, en, short_en, *aliases):
            if name and (len(name) >= 3 or not name.isascii()):
                add(name, entry)
    frozen = {k: tuple(sorted(v, key=lambda e: e.preference)) for k, v in words.items()}
    return Lexicon(names=names, words=frozen, longest=max(map(len, frozen), default=1), rules=r)


_ORDER = list(DIMENSION_SLOTS)


def _dimension_entry(member: resolve.Member) -> Entry:
    return Entry(
        DIMENSION_SLOTS[member.label],
        member.code,
        member.describe("zh"),
        _ORDER.index(member.label),
        member.label,
    )


def _dimension_mentions(
    text: str, names: resolve.DimensionNames, cased: str | None = None
) -> list[tuple[int, int, tuple[Entry, ...]]]:
    """The dimension names in the sentence, found by the resolver. Short codes and aliases are words in a
    sentence ('in' India, 'and' Andorra's AND, 'AI企业'): codes of one or two letters are left out, and one
    of three letters counts only as typed in capitals or with a digit (PRD, USA, c36), as `cased` (the
    sentence before lower-casing) shows."""
    out = []
    for m in names.mentions(text, _ORDER):
        if m.rule in (resolve.Rule.CODE, resolve.Rule.ALIAS) and m.text.isascii():
            typed = cased[m.start : m.end] if cased is not None and len(cased) == len(text) else m.text
            if len(typed) < 3 or (
                len(typed) == 3 and not typed.isupper() and not any(ch.isdigit() for ch in typed)
            ):
                continue
        found = sorted(m.found, key=lambda member: _ORDER.index(member.label))
        out.append((m.start, m.end, tuple(_dimension_entry(member) for member in found)))
    return out


def _boundary_ok(text: str, start: int, end: int) -> bool:
    """English words match whole words only ('us' is not inside 'business')."""
    if _ASCII_WORD.match(text[start]) and start > 0 and _ASCII_WORD.match(text[start - 1]):
        return False
    return not (_ASCII_WORD.match(text[end - 1]) and end < len(text) and _ASCII_WORD.match(text[end]))


def mentions(text: str, lex: Lexicon, cased: str | None = None) -> list[Mention]:
    """The recognised pieces of a normalised sentence (`cased`: the same before lower-casing), longest
    first, never overlapping, in text order."""
    found = _dimension_mentions(text, lex.names, cased)
    for start in range(len(text)):
        for end in range(min(len(text), start + lex.longest), start, -1):
            entries = lex.words.get(text[start:end])
            if entries and _boundary_ok(text, start, end):
                found.append((start, end, entries))
    # longest first; at equal length, the better meaning (dimensions before words before organisations)
    found.sort(key=lambda f: (-(f[1] - f[0]), f[2][0].preference, f[0]))
    taken: list[Mention] = []
    used = [False] * len(text)
    for start, end, entries in found:
        if any(used[start:end]):
            continue
        used[start:end] = [True] * (end - start)
        taken.append(Mention(start, end, text[start:end], entries))
    for m in _COUNT.finditer(text):
        if not any(used[m.start() : m.end()]):
            taken.append(Mention(m.start(), m.end(), m.group(0), (Entry("number", _count(m), m.group(0)),)))
    for m in _YEAR.finditer(text):
        if not any(used[m.start() : m.end()]):
            taken.append(Mention(m.start(), m.end(), m.group(0), (Entry("year", int(m[1]), m.group(0)),)))
    return sorted(taken, key=lambda m: m.start)


def _count(m: re.Match[str]) -> int:
    raw = m[1] or m[2]
    if raw.isdigit():
        return int(raw)
    # 十 = 10, 二十 = 20, 十五 = 15, 三十 = 30
    if "十" in raw:
        tens, _, ones = raw.partition("十")
        return _ZH_NUMBERS.get(tens, 1) * 10 + _ZH_NUMBERS.get(ones, 0)
    return _ZH_NUMBERS.get(raw, 0)


def _slot_values(found: Sequence[Mention]) -> dict[str, list[Entry]]:
    """Slot -> its candidate values in text order. A name fills the slot of its first meaning (广东省 is the
    province before the government of that name), with all its meanings of that slot; an organisation
    named by several nodes counts once; a word fills every slot it has a meaning for (学习: relation and
    experience)."""
    slots: dict[str, list[Entry]] = {}
    orgs: list[Entry] = []
    for m in found:
        primary = m.entries[0].slot
        if primary == "org":
            orgs.append(m.entries[0])
        elif primary in ENTITY_SLOTS:
            slots.setdefault(primary, []).extend(e for e in m.entries if e.slot == primary)
        else:
            for e in m.entries:
                slots.setdefault(e.slot, []).append(e)
    if orgs:
        slots["org"] = orgs
    if len(orgs) > 1:
        slots["org2"] = orgs[1:]
    return slots


def _hits(words: Sequence[str], text: str) -> int:
    return sum(1 for w in words if w and _find(w, text))


def _find(word: str, text: str) -> bool:
    start = text.find(word)
    while start >= 0:
        if _boundary_ok(text, start, start + len(word)):
            return True
        start = text.find(word, start + 1)
    return False


def _masked(text: str, found: Sequence[Mention]) -> str:
    """The sentence with names blanked, so cue words inside a name (华为技术有限公司) do not count."""
    chars = list(text)
    for m in found:
        if m.entries[0].slot in ENTITY_SLOTS:
            chars[m.start : m.end] = " " * (m.end - m.start)
    return "".join(chars)


def _fill(rule: QuestionRule, slots: Mapping[str, list[Entry]]) -> tuple[dict[str, Any], list[str]]:
    q = qlib.get(rule.id)
    params: dict[str, Any] = {}
    notes: list[str] = []
    for name, slot in rule.params.items():
        for entry in slots.get(slot, []):
            value = rule.values.get(slot, {}).get(str(entry.value), entry.value)
            p = q.params[name]
            if slot == "number" and p.maximum is not None and value > p.maximum:
                notes.append(f"{name}: {value} is more than the question shows; {p.maximum:g} instead")
                value = int(p.maximum)
            if p.choices == "regions" and entry.kind == "City":
                continue  # within a province or metro area: 北京 is the province here
            try:
                p.convert(value)
            except qlib.QuestionError:
                continue  # this meaning does not fit the parameter (e.g. a province where a city is needed)
            params[name] = value
            break
    for slot, spec in rule.redirect.items():
        if params.get("relation") in spec["when"] and slot in params:
            params[spec["to"]] = params.pop(slot)
    return params, notes


def read(text: str, lex: Lexicon) -> Reading:
    """The best reading of a sentence (question None when no question fits)."""
    clean = normalise(text)
    found = mentions(clean, lex, normalise(text, lower=False))
    slots = _slot_values(found)
    masked = _masked(clean, found)
    named = {s for s in ENTITY_SLOTS if s in slots} | ({"attribute", "score"} & set(slots))
    scored: list[tuple[float, int, QuestionRule]] = []
    for i, rule in enumerate(lex.rules.questions):
        if any(n not in slots for n in rule.needs):
            continue
        uses = set(rule.params.values()) | set(rule.needs) | set(rule.implied)
        if "org2" in uses:
            uses.add("org")
        score = 2.0 * _hits(rule.strong, masked) + 1.0 * _hits(rule.cues, masked)
        score += 1.5 * len({s for s in uses if s in slots})
        score -= 1.5 * len(named - uses)  # something named that this question cannot use
        score -= 2.0 * len([s for s in rule.avoid if s in slots])
        if score > 0:
            scored.append((score, -i, rule))
    scored.sort(key=lambda s: (s[0], s[1]), reverse=True)
    if not scored:
        return Reading(text, None, {}, tuple(found))
    best = scored[0][2]
    params, notes = _fill(best, slots)
    return Reading(
        text,
        best.id,
        params,
        tuple(found),
        scored[0][0],
        tuple((r.id, s) for s, _, r in scored[1:4]),
        tuple(notes),
    )


# -- the graph's names -------------------------------------------------------------------------------------
def organization_rows(graph: Graph) -> list[tuple[str, str, str, Sequence[str], bool]]:
    """(id, name_zh, name_en, aliases, synthetic) of every organisation."""
    row = graph.read(queries.text("plain_words/organization_names"))[0]
    return list(
        zip(row["ids"], row["names_zh"], row["names_en"], row["aliases"], row["synthetic"], strict=True)
    )


def lexicon_from_graph(graph: Graph) -> Lexicon:
    return build_lexicon(resolve.names(graph), organization_rows(graph))
