"""A recording query runner: the unit-test double for the GDS backend (implements valuenet.db.QueryRunner).

It records every query with its parameters, names the `.cypher` file the query came from, and answers
with canned rows per file (a list, or a function of the parameters). Nothing here talks to an engine.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

from valuenet import queries
from valuenet.db import Params, Row

Response = list[Row] | Callable[[dict[str, Any]], list[Row]]

_PROCEDURE = re.compile(r"\bgds(?:\.\w+)+")


@functools.cache
def _names_by_text() -> dict[str, str]:
    return {f.text: f.name for f in queries.list_dir("jobs")}


@dataclass
class Call:
    name: str | None  # e.g. "jobs/gds/pagerank_write"; None for a query from no file
    query: str
    params: dict[str, Any]

    @property
    def procedures(self) -> list[str]:
        """GDS procedures and functions the query calls, in order, e.g. ["gds.pageRank.write"]."""
        return _PROCEDURE.findall(self.query)


@dataclass
class RecordingRunner:
    responses: Mapping[str, Response] = field(default_factory=dict)
    calls: list[Call] = field(default_factory=list)

    def run(self, query: str, params: Params | None = None) -> list[Row]:
        name = _names_by_text().get(query)
        call = Call(name, query, dict(params or {}))
        self.calls.append(call)
        response = self.responses.get(name or "", [])
        return response(call.params) if callable(response) else list(response)

    @property
    def names(self) -> list[str | None]:
        return [c.name for c in self.calls]

    @property
    def procedures(self) -> list[str]:
        return [p for c in self.calls for p in c.procedures]

    def call(self, name: str) -> Call:
        found = [c for c in self.calls if c.name == name]
        if len(found) != 1:
            raise AssertionError(f"{name} was called {len(found)} times; calls: {self.names}")
        return found[0]
