"""The explorer's access to the graph: one cached `Graph` per engine/database, cached results.

- The driver is a `st.cache_resource` keyed on the connection (uri, user, database), so every session and
  rerun shares one pool, and tests pointing the app at another database get another Graph.
- Results are `st.cache_data` keyed on the query, its parameters, the database and the *epoch*: the newest
  JobRun (id, status) — so reruns are instant and pages refresh once a job has run. The epoch itself is
  cached for a few seconds only.
- Every query comes from a `.cypher` file (`cypher/explorer/`, `cypher/questions/`, `cypher/choices/`);
  analysts' text goes through `Graph.run_readonly` only (the console).
"""

from __future__ import annotations

import json
import threading
from dataclasses import dataclass
from typing import Any

import streamlit as st
from streamlit.runtime.scriptrunner import add_script_run_ctx, get_script_run_ctx

from explorer import progress
from explorer.i18n import t
from valuenet import aggregates, focal, org_names, plain_words, queries, resolve
from valuenet import questions as qlib
from valuenet.config import ConnectionInfo, NotConfiguredError, Settings, connection_info
from valuenet.db import DriverError, Graph, Neo4jError, QueryLimitError, ReadResult
from valuenet.model import MODEL, GraphModel

RESULT_TTL_S = 3600
EPOCH_TTL_S = 5
SCHEMA_TTL_S = 300


@dataclass(frozen=True)
class Conn:
    """The engine the app talks to, and a hashable key for caches."""

    graph: Graph
    key: str
    settings: Settings


@st.cache_resource(show_spinner=False)
def _graph_for(uri: str, username: str, password: str, database: str | None, embedded: bool) -> Graph:
    s = Settings()
    return Graph(
        ConnectionInfo(uri, username, password, database, embedded), query_timeout=s.valuenet_query_timeout
    )


def conn() -> Conn:
    """The Graph for the configured engine (NEO4J_URI, else the embedded server of VALUENET_HOME)."""
    s = Settings()
    info = connection_info(s)
    g = _graph_for(info.uri, info.username, info.password, info.database, info.embedded)
    return Conn(graph=g, key=f"{info.uri}|{info.database or ''}", settings=s)


# -- epoch -------------------------------------------------------------------------------------------------
@st.cache_data(ttl=EPOCH_TTL_S, show_spinner=False)
def _epoch(key: str, _g: Graph) -> str:
    _g.verify()  # fails at once when the engine is down (a read would retry for 30 s first)
    loaded = aggregates.relations_version(_g)  # raised by every load: answers and names change with it
    rows = _g.read(queries.text("explorer/latest_run"))
    if not rows:
        return f"{loaded}:none"
    r = rows[0]
    return f"{loaded}:{r['runs']}:{r['latest'] or ''}:{r['running']}"


def clear_epoch() -> None:
    """Forget the cached epoch (after running a job here), so every result is read afresh."""
    _epoch.clear()


def epoch(c: Conn) -> str:
    """Changes whenever a load writes or a job run starts or finishes: part of every result cache key."""
    return _epoch(c.key, c.graph)


def loaded(c: Conn) -> str:
    """Changes whenever a load writes: the key of what changes with the graph's names, not with job runs."""
    return epoch(c).split(":", 1)[0]


# -- cached reads -------------------------------------------------------------------------------------------
def _plain(params: dict[str, Any]) -> str:
    return json.dumps(params, sort_keys=True, ensure_ascii=False, default=str)


@st.cache_data(ttl=RESULT_TTL_S, show_spinner=False, max_entries=2000)
def _read(key: str, ep: str, name: str, params_json: str, _g: Graph) -> list[dict[str, Any]]:
    query, params = queries.load(name), json.loads(params_json)
    aggregate = query.meta.get("aggregate")
    if not aggregate:
        return _g.read(query.text, params)
    # a query with an `aggregate:` reads it when fresh (the epoch, part of the key, changes with every load)
    model = _focal_model(_focal(key, _g)[0])
    if not aggregates.freshness(_g, str(aggregate), model).fresh:
        return _g.read(query.text, params)
    stored = query.render(stored=True)
    if "$focal_set" in stored:  # the aggregate's part for this focal set
        params["focal_set"] = aggregates.focal_key(model or MODEL)
    return _g.read(stored, params)


def _focal_model(focal_label: str | None) -> GraphModel | None:
    """The graph model counting with this focal set; None for the default model's own."""
    return None if focal_label == MODEL.focal_set.label else MODEL.with_focal(focal_label)


def read(c: Conn, name: str, params: dict[str, Any] | None = None) -> list[dict[str, Any]]:
    """A trusted query from `cypher/<name>.cypher`, cached per database, epoch and parameters; a read that
    takes long says so, with its time, where its answer will be."""
    with progress.working(t("reading_graph")):
        return _read(c.key, epoch(c), name, _plain(params or {}), c.graph)


@st.cache_data(ttl=SCHEMA_TTL_S, show_spinner=False)
def _read_slow_changing(key: str, name: str, params_json: str, _g: Graph) -> list[dict[str, Any]]:
    return _g.read(queries.text(name), json.loads(params_json))


def read_schema(c: Conn, name: str, params: dict[str, Any] | None = None) -> list[dict[str, Any]]:
    """Like `read`, for facts that change with loads rather than jobs (schema, counts): a time-based cache."""
    with progress.working(t("reading_graph")):
        return _read_slow_changing(c.key, name, _plain(params or {}), c.graph)


@st.cache_data(ttl=SCHEMA_TTL_S, show_spinner=False)
def _focal(key: str, _g: Graph) -> tuple[str | None, str]:
    chosen = focal.for_graph(_g)
    return chosen.label, chosen.note


def focal_set(c: Conn) -> tuple[str | None, str]:
    """(label or None for every organisation, note) of the focal set the graph's questions count with, as
    for `valuenet ask`: VALUENET_FOCAL, else the graph's own (a mapping's `focal:`), else the model's."""
    return _focal(c.key, c.graph)


@st.cache_data(ttl=RESULT_TTL_S, show_spinner=False, max_entries=500)
def _ask(key: str, ep: str, focal_label: str | None, qid: str, params_json: str, _g: Graph) -> ReadResult:
    return qlib.run(_g, qlib.get(qid), json.loads(params_json), model=_focal_model(focal_label))


def ask(c: Conn, qid: str, params: dict[str, Any]) -> ReadResult:
    """Run a question with already validated parameters (read-only) on the graph's focal set, cached."""
    with progress.working(t("reading_graph")):
        return _ask(c.key, epoch(c), focal_set(c)[0], qid, _plain(params), c.graph)


@st.cache_data(ttl=RESULT_TTL_S, show_spinner=False, max_entries=500)
def _choices(key: str, ep: str, qid: str, param: str, _g: Graph) -> list[dict[str, Any]]:
    return qlib.choices(_g, qid, param)


def choices(c: Conn, qid: str, param: str) -> list[dict[str, Any]]:
    """A parameter's allowed values from the graph (`value`, `label`, maybe `group`)."""
    with progress.working(t("reading_graph")):
        return _choices(c.key, epoch(c), qid, param, c.graph)


def search_organizations(c: Conn, text: str, limit: int = 50) -> list[dict[str, Any]]:
    """Organisations whose Chinese/English name or alias contains `text`, best connected first."""
    return read(c, "choices/organizations", {"search": text.strip(), "limit": limit})


def has_synthetic(c: Conn) -> bool:
    """Whether the graph holds synthetic data; changes with loads, not jobs: the time-based cache."""
    rows = read_schema(c, "explorer/has_synthetic")
    return bool(rows and rows[0]["synthetic"])


@st.cache_resource(show_spinner=False, ttl=RESULT_TTL_S)
def _lexicon(key: str, loaded: str, _g: Graph) -> plain_words.Lexicon:
    return plain_words.lexicon_from_graph(_g)


def read_plain_words(c: Conn, text: str) -> plain_words.Reading:
    """A sentence in plain words as a library question with its parameters (the lexicon of this graph's
    names is read once per engine and database and kept for an hour)."""
    with progress.working(t("reading_graph")):
        return plain_words.read(text, _lexicon(c.key, loaded(c), c.graph))


# Whole-graph counts the pages show, read ahead so no first visitor waits for them: the start page's figures
# (2-3 s each on the reference graph at load 19, ~20 s together with the lexicon at load 20) and everyone's
# degrees, which each organisation's "why central" compares with (5.4 s at load 19).
READ_AHEAD = (
    "explorer/headline_organizations",
    "explorer/headline_relations",
    "explorer/degree_distribution",
)


def warm_now() -> None:
    """Read the whole-graph counts, the start page's headline questions' answers and the plain-words
    lexicon of the configured engine into the caches (the pages then find them there; `explorer.serve`
    calls this as the server starts). Engine trouble is left for the pages to report."""
    from explorer.headlines import HEADLINES

    try:
        c = conn()
        for name in READ_AHEAD:
            _read(c.key, epoch(c), name, _plain({}), c.graph)
        for i, (_, _, qid, params) in enumerate(HEADLINES):
            q = qlib.get(qid)
            _ask(c.key, epoch(c), focal_set(c)[0], qid, _plain(qlib.validated(c.graph, q, params)), c.graph)
            if i == 0:  # the reports' first question first, then the words a reader may type
                _lexicon(c.key, loaded(c), c.graph)
    except (NotConfiguredError, DriverError, Neo4jError, QueryLimitError, qlib.QuestionError, OSError):
        return


def warm(c: Conn) -> None:
    """`warm_now` in the background once per engine, database and hour, while the reader looks at the start
    page; what a reader asks meanwhile waits for the same reading (Streamlit computes a cached value once)."""
    _warming(c.key)


@st.cache_resource(show_spinner=False, ttl=RESULT_TTL_S)
def _warming(key: str) -> threading.Thread:
    thread = threading.Thread(target=warm_now, name="explorer-warm", daemon=True)
    add_script_run_ctx(thread, get_script_run_ctx())
    thread.start()
    return thread


@st.cache_resource(show_spinner=False, ttl=RESULT_TTL_S)
def _english_names(key: str, loaded: str, _g: Graph) -> dict[str, str]:
    return {m.name_zh: m.name_en for m in resolve.names(_g).members if m.name_zh and m.name_en}


def english_names(c: Conn) -> dict[str, str]:
    """Chinese -> English name of every dimension node (places, industries, fields ...), from the
    resolver's names of this graph: English pages show and find places and industries in English."""
    with progress.working(t("reading_graph")):
        return _english_names(c.key, loaded(c), c.graph)


def org_english(c: Conn, names: list[str]) -> dict[str, str]:
    """Chinese -> English name (without the other names in brackets) of the organisations named, for answers
    that name organisations in Chinese only."""
    if not names:
        return {}
    rows = read(c, "explorer/org_names_en", {"names": sorted(set(names))})
    return {r["name_zh"]: org_names.short_english(r["name_en"]) for r in rows}
