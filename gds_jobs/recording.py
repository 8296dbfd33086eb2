"""A recording stand-in for the `graphdatascience` client: the unit-test double of the GDS backend.

It records every endpoint the backend calls (`graph.project.cypher`, `page_rank.estimate`,
`page_rank.write`, `debug.sys_info`, `graph.drop`, ...) with its arguments, and answers each with canned
result fields (a mapping, or a function of the keyword arguments returning one) as an object with those
attributes, like the client's result models. Nothing here talks to an engine: the real client meets the
real GDS in tests/engine/test_jobs_gds.py.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from types import SimpleNamespace
from typing import Any

Response = Mapping[str, Any] | Callable[[dict[str, Any]], Mapping[str, Any]]


@dataclass
class Call:
    endpoint: str  # e.g. "page_rank.write"
    args: tuple[Any, ...]
    kwargs: dict[str, Any]


class _Endpoint:
    def __init__(self, client: RecordingGds, path: str) -> None:
        self._client = client
        self._path = path

    def __getattr__(self, name: str) -> _Endpoint:
        return _Endpoint(self._client, f"{self._path}.{name}")

    def __call__(self, *args: Any, **kwargs: Any) -> Any:
        return self._client.answer(Call(self._path, args, kwargs))


@dataclass
class RecordingGds:
    responses: Mapping[str, Response] = field(default_factory=dict)  # by endpoint
    calls: list[Call] = field(default_factory=list)

    def __getattr__(self, name: str) -> _Endpoint:
        if name.startswith("_"):
            raise AttributeError(name)
        return _Endpoint(self, name)

    def answer(self, call: Call) -> Any:
        self.calls.append(call)
        response = self.responses.get(call.endpoint, {})
        result = SimpleNamespace(**(response(call.kwargs) if callable(response) else response))
        if call.endpoint == "graph.project.cypher":  # as the client: the graph, and what projecting said
            return SimpleNamespace(name=call.kwargs.get("graph_name")), result
        return result

    @property
    def endpoints(self) -> list[str]:
        return [c.endpoint for c in self.calls]

    def call(self, endpoint: str) -> Call:
        found = [c for c in self.calls if c.endpoint == endpoint]
        if len(found) != 1:
            raise AssertionError(f"{endpoint} was called {len(found)} times; calls: {self.endpoints}")
        return found[0]
