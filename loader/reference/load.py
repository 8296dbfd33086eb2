"""The reference dataset into the graph: its tables generated (or reused from a folder), then loaded through
the loader like any analyst's tables. `valuenet load --reference` calls `load_reference`.

    from loader.reference.load import load_reference
    reports = load_reference(graph, scale=1, seed=42)    # dimensions, layer 1 (observed), layer 2 (synthetic)
"""

from __future__ import annotations

import json
import os
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from loader.load_report import LoadReport
    from loader.reference.generate import Dataset
    from valuenet.db import Graph

DEFAULT_SEED = 42
LAYERS = ("observed", "synthetic")  # the folders of the two mappings, loaded in this order


def generate_to(out: Path, scale: int, seed: int) -> tuple[Dataset, dict[str, Any], float]:
    """Generate the dataset and write its tables and mappings to `out`: (dataset, manifest, seconds)."""
    from loader.reference.generate import build
    from loader.reference.input_tables import write

    started = time.perf_counter()
    ds = build(scale, seed)
    manifest = write(ds, out, scale=scale, seed=seed)
    return ds, manifest, time.perf_counter() - started


def cached_tables(home: Path, scale: int, seed: int) -> Path:
    """The generated tables of (scale, seed) in the state folder `home`, generated on first use.

    `valuenet load --reference` reuses them instead of generating them again on every call (8 s of CPU at
    scale 1). The folder's name carries a fingerprint of the loader's code and data (the generator, its
    inputs, the mappings it writes), so tables of another version are generated again; older folders of
    the same scale and seed are removed. A generation is written aside and moved in when complete.
    """
    import hashlib
    import shutil

    digest = hashlib.sha256()
    package = Path(__file__).resolve().parents[1]  # loader/
    for path in sorted(package.rglob("*")):
        if path.is_file() and "__pycache__" not in path.parts:
            digest.update(path.relative_to(package).as_posix().encode())
            digest.update(path.read_bytes())
    root = home / "reference"
    stem = f"scale-{scale}-seed-{seed}-"
    folder = root / f"{stem}{digest.hexdigest()[:12]}"
    if (folder / "MANIFEST.json").is_file():
        return folder
    aside = root / f".{folder.name}.{os.getpid()}"
    shutil.rmtree(aside, ignore_errors=True)
    generate_to(aside, scale, seed)
    for old in root.glob(f"{stem}*"):
        shutil.rmtree(old, ignore_errors=True)
    os.replace(aside, folder)
    return folder


def load_reference(
    graph: Graph,
    *,
    scale: int = 1,
    seed: int = DEFAULT_SEED,
    directory: Path | None = None,
    allow_rejects: bool = False,
    rejects_path: Path | str | None = None,
    report_path: Path | str | None = None,
    progress: Callable[[str, int, int], None] | None = None,
    batch_size: int = 5000,
) -> list[LoadReport]:
    """Dimensions, then layer 1 and layer 2 through the loader; one LoadReport per layer.

    The tables are generated into `directory` (a temporary folder if None) unless it already holds them
    for this scale and seed. Rejects and reports of each layer go to `<path>.<layer>.csv` / `.json`.
    """
    from loader.dimensions import load_dimensions
    from loader.pipeline import load_mapping

    load_dimensions(graph)
    reports = []
    with tempfile.TemporaryDirectory(prefix="valuenet-reference-") as tmp:
        base = directory or Path(tmp)
        manifest = base / "MANIFEST.json"
        current = json.loads(manifest.read_text(encoding="utf-8")) if manifest.is_file() else {}
        if (current.get("scale"), current.get("seed")) != (scale, seed):
            generate_to(base, scale, seed)
        for layer in LAYERS:
            reports.append(
                load_mapping(
                    graph,
                    base / layer / "mapping.yaml",
                    allow_rejects=allow_rejects,
                    rejects_path=Path(rejects_path).with_suffix(f".{layer}.csv") if rejects_path else None,
                    report_path=Path(report_path).with_suffix(f".{layer}.json") if report_path else None,
                    progress=progress,
                    batch_size=batch_size,
                )
            )
    return reports
