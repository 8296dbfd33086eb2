"""The reference dataset's command: `valuenet generate`.

    valuenet generate --scale 1 --seed 42 --out data/reference     write layer 1 + 2 tables and mappings
    valuenet generate --out DIR --check-tables                      ... and measure the targets on the tables
    valuenet generate --stats --out DIR                             ... and the emergent network statistics
    valuenet generate --check [--scale 1]                           calibration report of the loaded graph

Loading it is `valuenet load --reference [--scale S] [--seed N] [--dir DIR]` (loader/cli.py, which calls
loader/reference/load.py).
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from loader.reference.load import DEFAULT_SEED, generate_to

# rich and calibrate (which brings the driver) are imported inside the commands: `valuenet --help` stays fast.
if TYPE_CHECKING:
    from loader.reference import calibrate


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

        Example: valuenet generate --scale 1 --seed 42 --out data/reference, then
        valuenet load --reference --dir data/reference
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
