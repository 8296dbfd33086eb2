"""A recording query runner: the unit-test double for the GDS backend (implements valuenet.db.QueryRunner).

It records every query with its parameters and the GDS procedure it calls, and answers with canned rows
per procedure (a list, or a function of the parameters). Nothing here talks to an engine.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

from valuenet.db import Params, Row

Response = list[Row] | Callable[[dict[str, Any]], list[Row]]

_PROCEDURE = re.compile(r"\bgds(?:\.\w+)+")


@dataclass
class Call:
    query: str
    params: dict[str, Any]

    @property
    def procedure(self) -> str | None:
        """The GDS procedure or function the query calls, e.g. "gds.pageRank.write"."""
        found = _PROCEDURE.findall(self.query)
        return found[0] if found else None


@dataclass
class RecordingRunner:
    responses: Mapping[str, Response] = field(default_factory=dict)  # by procedure
    calls: list[Call] = field(default_factory=list)

    def run(self, query: str, params: Params | None = None) -> list[Row]:
        call = Call(query, dict(params or {}))
        self.calls.append(call)
        response = self.responses.get(call.procedure or "", [])
        return response(call.params) if callable(response) else list(response)

    @property
    def procedures(self) -> list[str | None]:
        return [c.procedure for c in self.calls]

    def call(self, procedure: str) -> Call:
        found = [c for c in self.calls if c.procedure == procedure]
        if len(found) != 1:
            raise AssertionError(f"{procedure} was called {len(found)} times; calls: {self.procedures}")
        return found[0]
