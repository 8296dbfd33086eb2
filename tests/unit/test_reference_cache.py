"""`valuenet load --reference` keeps the generated tables in the state folder (loader.reference.load)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from loader.reference import load as reference_load


@pytest.fixture
def generations(monkeypatch: pytest.MonkeyPatch) -> list[tuple[Path, int, int]]:
    """generate_to recorded: it writes only the manifest (the tables themselves are tested elsewhere)."""
    calls: list[tuple[Path, int, int]] = []

    def fake(out: Path, scale: int, seed: int) -> tuple[Any, dict[str, Any], float]:
        calls.append((out, scale, seed))
        out.mkdir(parents=True)
        manifest = {"scale": scale, "seed": seed}
        (out / "MANIFEST.json").write_text(json.dumps(manifest), encoding="utf-8")
        return None, manifest, 0.0

    monkeypatch.setattr(reference_load, "generate_to", fake)
    return calls


def test_tables_are_generated_once_then_reused(tmp_path: Path, generations: list[Any]) -> None:
    first = reference_load.cached_tables(tmp_path, 1, 42)
    again = reference_load.cached_tables(tmp_path, 1, 42)
    assert again == first and len(generations) == 1
    assert json.loads((first / "MANIFEST.json").read_text(encoding="utf-8")) == {"scale": 1, "seed": 42}
    assert first.parent == tmp_path / "reference" and first.name.startswith("scale-1-seed-42-")
    assert not [p for p in first.parent.iterdir() if p.name.startswith(".")]  # nothing left aside


def test_another_scale_or_seed_is_generated_beside(tmp_path: Path, generations: list[Any]) -> None:
    one = reference_load.cached_tables(tmp_path, 1, 42)
    other = reference_load.cached_tables(tmp_path, 1, 7)
    ten = reference_load.cached_tables(tmp_path, 10, 42)
    assert len({one, other, ten}) == 3 and all(p.is_dir() for p in (one, other, ten))
    assert [(s, seed) for _, s, seed in generations] == [(1, 42), (1, 7), (10, 42)]


def test_tables_of_another_version_are_replaced(tmp_path: Path, generations: list[Any]) -> None:
    stale = tmp_path / "reference" / "scale-1-seed-42-000000000000"
    stale.mkdir(parents=True)
    (stale / "MANIFEST.json").write_text(json.dumps({"scale": 1, "seed": 42}), encoding="utf-8")
    fresh = reference_load.cached_tables(tmp_path, 1, 42)
    assert fresh != stale and not stale.exists() and len(generations) == 1


def test_an_interrupted_generation_is_not_used(tmp_path: Path, generations: list[Any]) -> None:
    folder = reference_load.cached_tables(tmp_path, 1, 42)
    (folder / "MANIFEST.json").unlink()  # as if the generation had stopped before its manifest
    assert reference_load.cached_tables(tmp_path, 1, 42) == folder and len(generations) == 2
