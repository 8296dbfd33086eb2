"""Helpers for the explorer tests: point the app at a database of the session's embedded engine, run pages
with `streamlit.testing.v1.AppTest`, and read the ECharts options the page sent."""

from __future__ import annotations

import json
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest
from streamlit.testing.v1 import AppTest

from explorer import first_screen
from valuenet import queries
from valuenet.config import Settings
from valuenet.db import Graph

REPO = Path(__file__).resolve().parent.parent
APP = REPO / "explorer" / "app.py"
FIXTURE = Path(__file__).parent / "data" / "question_fixture.cypher"


def load_fixture(g: Graph) -> Graph:
    for statement in queries.parse(FIXTURE, "fixture").statements:
        g.write(statement)
    return g


def point_app_at(monkeypatch: pytest.MonkeyPatch, settings: Settings, g: Graph, **env: str) -> None:
    """The app reads the engine from the environment: the embedded server's state folder + a database."""
    monkeypatch.setenv("NEO4J_URI", "")  # empty: embedded, even if a .env names a Neo4j
    monkeypatch.setenv("VALUENET_HOME", str(settings.valuenet_home))
    monkeypatch.setenv("NEO4J_DATABASE", str(g.info.database))
    monkeypatch.delenv("VALUENET_EXPLORER_JOBS", raising=False)
    for k, v in env.items():
        monkeypatch.setenv(k, v)


def app(page: str = "ask", lang: str = "zh", drawn: bool = True, **query: str) -> AppTest:
    """An AppTest of the explorer on `page` (a file under explorer/views/; `start` is the default page) with
    the URL's query parameters `query`, after its first run."""
    at = AppTest.from_file(str(APP), default_timeout=60)
    at.session_state["lang"] = lang
    # AppTest runs no fragment timers: the session as once the browser drew its first screen (every element)
    at.session_state[first_screen.FIRST_SCREEN] = drawn
    if page != "start":
        at.switch_page(f"views/{page}.py")
    for k, v in query.items():
        at.query_params[k] = v
    return at.run()


def open_tab(at: AppTest, label: str, key: str = "org_tab") -> AppTest:
    """The page again with the tab `label` of the tabs `key` open (as a reader's click on it)."""
    at.session_state[key] = label
    return at.run()


def echarts(at: AppTest) -> list[dict[str, Any]]:
    """The payloads (options, map) of every ECharts component on the page."""
    out = []
    for e in at.main:
        if e.type == "bidi_component" and "echarts" in e.proto.component_name:
            out.append(json.loads(e.proto.json))
    return out


def texts(at: AppTest) -> str:
    """All markdown, captions, alerts and titles of the page, for substring checks."""
    parts: list[str] = []
    kinds = ("markdown", "caption", "title", "header", "subheader", "info", "warning", "error", "success")
    for kind in kinds:
        parts.extend(str(e.value) for e in getattr(at, kind))
    return "\n".join(parts)


def errors(at: AppTest) -> list[str]:
    return [str(e.value) for e in at.error] + [str(e.value) for e in at.exception]


def link_texts(column: Any) -> list[str]:
    """The text of a table column whose cells link to organisation pages (`/organization?...#name`)."""
    return [str(v).split("#", 1)[-1] for v in column]


class _Blocks(HTMLParser):
    """The links (label, href) and figures (label, value) of a page's HTML blocks (`explorer.blocks`), as a
    reader sees them: the text a link reads (not what is hidden from screen readers), a term and its value."""

    def __init__(self) -> None:
        super().__init__()
        self.links: list[tuple[str, str]] = []
        self.figures: dict[str, str] = {}
        self._href: str | None = None
        self._hidden = 0
        self._text: list[str] = []
        self._term: str | None = None
        self._in: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        if tag == "a":
            self._href, self._text = a.get("href") or "", []
        elif self._href is not None and a.get("aria-hidden") == "true":
            self._hidden += 1
        elif tag in ("dt", "dd"):
            self._in, self._text = tag, []

    def handle_endtag(self, tag: str) -> None:
        if tag == "a" and self._href is not None:
            self.links.append(("".join(self._text).strip(), self._href))
            self._href = None
        elif tag == "span" and self._hidden:
            self._hidden -= 1
        elif tag == "dt":
            self._term, self._in = "".join(self._text).strip(), None
        elif tag == "dd" and self._term is not None:
            self.figures[self._term] = "".join(self._text).strip()
            self._term = self._in = None

    def handle_data(self, data: str) -> None:
        if (self._href is not None and not self._hidden) or self._in:
            self._text.append(data)


def _blocks(at: AppTest) -> _Blocks:
    parsed = _Blocks()
    for e in at.get("html"):
        parsed.feed(e.proto.body)
    return parsed


def html_links(at: AppTest) -> list[tuple[str, str]]:
    """The links of the page's HTML blocks: (the text a reader sees, href), in order."""
    return _blocks(at).links


def figures(at: AppTest) -> dict[str, str]:
    """The figures of the page's HTML blocks: label -> value as shown."""
    return _blocks(at).figures
