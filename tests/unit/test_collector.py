"""The cyclic garbage collector is paused for a load and a refresh, and left as it was found after."""

from __future__ import annotations

import gc

import pytest

from loader import pipeline
from valuenet import aggregates
from valuenet.collector import cycle_collector_paused


def test_paused_inside_and_restored_after_even_on_an_error() -> None:
    assert gc.isenabled()
    with cycle_collector_paused():
        assert not gc.isenabled()
    assert gc.isenabled()
    with pytest.raises(RuntimeError), cycle_collector_paused():
        raise RuntimeError("boom")
    assert gc.isenabled()
    gc.disable()
    try:
        with cycle_collector_paused():
            pass
        assert not gc.isenabled()  # off before: still off
    finally:
        gc.enable()


def test_a_load_and_a_refresh_run_with_it_paused(monkeypatch: pytest.MonkeyPatch) -> None:
    seen: list[bool] = []

    def probe(*_: object, **__: object) -> None:
        """Records the collector's state at the call's first step, then stops the call."""
        seen.append(gc.isenabled())
        raise RuntimeError("probe")

    class Graph:
        def __getattr__(self, name: str) -> object:
            return probe(name)

    monkeypatch.setattr(pipeline.mapping_mod, "load", probe)
    with pytest.raises(RuntimeError, match="probe"):
        aggregates.refresh(Graph())  # type: ignore[arg-type]
    with pytest.raises(RuntimeError, match="probe"):
        pipeline.load_mapping(None, "mapping.yaml")
    assert seen == [False, False]
    assert gc.isenabled()
