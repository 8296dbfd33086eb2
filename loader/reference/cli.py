"""Commands of the reference dataset: `valuenet generate` and `valuenet load-reference`.

    valuenet generate --scale 1 --seed 42 --out data/reference     write layer 1 + 2 tables and mappings
    valuenet generate --out DIR --check-tables                      ... and measure the targets on the tables
    valuenet generate --stats --out DIR                             ... and the emergent network statistics
    valuenet generate --check [--scale 1]                           calibration report of the loaded graph
    valuenet load-reference [--scale 1] [--seed 42]                 dimensions + both layers into the graph

`valuenet load --reference [--scale S]` (loader/cli.py) calls `load_reference` too.
"""

from __future__ import annotations

import json
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

# rich and calibrate (which brings the driver) are imported inside the commands: `valuenet --help` stays fast.
if TYPE_CHECKING:
    from loader.reference import calibrate

DEFAULT_SEED = 42


def generate_to(out: Path, scale: int, seed: int) -> tuple[Any, dict[str, Any], float]:
    from loader.reference.generate import build
    from loader.reference.tables import write

    started = time.perf_counter()
    ds = build(scale, seed)
    manifest = write(ds, out, scale=scale, seed=seed)
    return ds, manifest, time.perf_counter() - started


def load_reference(
    graph: Any,
    *,
    scale: int = 1,
    seed: int = DEFAULT_SEED,
    directory: Path | None = None,
    allow_rejects: bool = False,
    rejects_path: Path | str | None = None,
    report_path: Path | str | None = None,
    progress: Callable[[str, int, int], None] | None = None,
    batch_size: int = 5000,
) -> list[Any]:
    """Dimensions, then layer 1 and layer 2 through the loader; one LoadReport per mapping."""
    from loader.core import load_mapping
    from loader.dimensions import load_dimensions

    load_dimensions(graph)
    reports = []
    with tempfile.TemporaryDirectory(prefix="valuenet-reference-") as tmp:
        base = directory or Path(tmp)
        manifest = base / "MANIFEST.json"
        current = json.loads(manifest.read_text(encoding="utf-8")) if manifest.is_file() else {}
        if (current.get("scale"), current.get("seed")) != (scale, seed):
            generate_to(base, scale, seed)
        for part in ("observed", "synthetic"):
            reports.append(
                load_mapping(
                    graph,
                    base / part / "mapping.yaml",
                    allow_rejects=allow_rejects,
                    rejects_path=Path(rejects_path).with_suffix(f".{part}.csv") if rejects_path else None,
                    report_path=Path(report_path).with_suffix(f".{part}.json") if report_path else None,
                    progress=progress,
                    batch_size=batch_size,
                )
            )
    return reports


def print_results(results: list[calibrate.Result], *, failures_only: bool = False) -> None:
    from rich.table import Table

    from loader.reference import calibrate
    from valuenet.cli import out

    table = Table(title="calibration: published vs measured", show_lines=False)
    for col in ("metric_id", "published", "measured", "difference", "ok", "line"):
        table.add_column(col, justify="right" if col in ("published", "measured", "difference") else "left")

    def fmt(v: float | None, unit: str) -> str:
        if v is None or v != v:
            return "-"
        return f"{v:,.0f}" if unit in ("count", "rank", "year") else f"{v:,.2f}"

    for r in results:
        if failures_only and r.ok:
            continue
        table.add_row(
            r.target.metric_id,
            r.target.published if r.unit != "count" else fmt(r.expected, r.unit),
            fmt(r.measured, r.unit),
            fmt(r.difference, r.unit),
            "ok" if r.ok else "[red]FAIL[/]",
            (r.unit + " " + r.target.line).strip(),
        )
    if table.row_count:
        out.print(table)
    total, ok = calibrate.summary(results)
    contradicted = sum(1 for r in results if "contradiction" in r.unit)
    out.print(
        f"{ok} of {total} targets met ({contradicted} contradicted by the report itself are shown, "
        "not checked; see loader/reference/DECISIONS.md)"
    )


def register(app: typer.Typer) -> None:
    @app.command()
    def generate(
        scale: Annotated[int, typer.Option(min=1, help="multiply every count (1 = the 2021 report)")] = 1,
        seed: Annotated[int, typer.Option(help="random seed: same seed, same files")] = DEFAULT_SEED,
        out_dir: Annotated[
            Path | None, typer.Option("--out", help="write the tables and mappings here")
        ] = None,
        check: Annotated[
            bool,
            typer.Option("--check", help="calibration report of the loaded graph (non-zero exit on a miss)"),
        ] = False,
        check_tables: Annotated[
            bool, typer.Option("--check-tables", help="calibration report measured on the generated tables")
        ] = False,
        stats: Annotated[
            bool,
            typer.Option("--stats", help="emergent statistics (clustering, path length ...) with networkit"),
        ] = False,
        all_rows: Annotated[
            bool, typer.Option("--all", help="print every target, not only the misses")
        ] = False,
    ) -> None:
        """Generate the reference dataset (layer 1 observed + layer 2 synthetic reconstruction of 2021).

        Example: valuenet generate --scale 1 --seed 42 --out data/reference && valuenet load-reference
        """
        from loader.reference import calibrate
        from valuenet.cli import EXIT_USAGE, fail, graph_session, out

        if out_dir is None and not check:
            raise fail("give --out DIR to generate, or --check to check the loaded graph", EXIT_USAGE)
        ds = None
        if out_dir is not None:
            ds, manifest, took = generate_to(out_dir, scale, seed)
            out.print(
                f"wrote {manifest['organisations']:,} organisations and {manifest['relationships']:,} "
                f"relationships (scale {scale}, seed {seed}) to {out_dir} in {took:.1f} s"
            )
        failed = False
        if check_tables and ds is not None:
            from loader.reference.measure import measure

            m = measure(ds)
            res = calibrate.compare(m, scale) + calibrate.rankings(m, scale)
            print_results(res, failures_only=not all_rows)
            failed |= not all(r.ok for r in res)
        if stats and ds is not None:
            from loader.reference.stats import network_stats

            for k, v in network_stats(ds).items():
                out.print(f"{k:>28}: {v}")
        if check:
            with graph_session() as g:
                m = calibrate.measure_graph(g)
            res = calibrate.compare(m, scale) + calibrate.rankings(m, scale)
            print_results(res, failures_only=not all_rows)
            failed |= not all(r.ok for r in res)
        if failed:
            raise typer.Exit(1)

    @app.command("load-reference")
    def load_reference_cmd(
        scale: Annotated[int, typer.Option(min=1, help="scale of the reconstruction")] = 1,
        seed: Annotated[int, typer.Option(help="random seed")] = DEFAULT_SEED,
        directory: Annotated[
            Path | None, typer.Option("--dir", help="use (or write) the generated tables here")
        ] = None,
        allow_rejects: Annotated[bool, typer.Option("--allow-rejects")] = False,
    ) -> None:
        """Load dimensions, layer 1 (observed) and layer 2 (synthetic, scale S) into the graph."""
        from valuenet.cli import graph_session, out

        started = time.perf_counter()
        with graph_session() as g:
            reports = load_reference(
                g, scale=scale, seed=seed, directory=directory, allow_rejects=allow_rejects
            )
            nodes, rels = g.counts()
        for r in reports:
            out.print(f"{r.dataset}: {r.rows_loaded:,} rows loaded, {r.rows_rejected:,} rejected")
        out.print(f"graph: {nodes:,} nodes, {rels:,} relationships ({time.perf_counter() - started:.0f} s)")
        if any(r.rows_rejected for r in reports) and not allow_rejects:
            raise typer.Exit(1)
