"""`valuenet load` and `valuenet export`: the loader's commands (registered by valuenet/cli.py).

Only typer is imported here; the loader, the driver, pandas, pyarrow and openpyxl are imported inside the
commands that need them, so that the CLI starts fast.
"""

from __future__ import annotations

import sys
import time
from collections import Counter
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from loader.reference.load import DEFAULT_SEED

if TYPE_CHECKING:
    from loader.load_report import LoadReport


class ExportFormat(StrEnum):
    admin = "admin"
    parquet = "parquet"
    both = "both"


@contextmanager
def progress_bar(console: Any) -> Iterator[Callable[[str, int, int], None]]:
    """A rich progress bar fed by the loader's `(phase, done, total)` callback."""
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    labels = {"read": "reading tables", "write": "writing the graph", "export": "exporting"}
    with Progress(
        TextColumn("{task.description:<18}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        console=console,
        transient=False,
    ) as bar:
        tasks: dict[str, Any] = {}

        def update(phase: str, done: int, total: int) -> None:
            if phase not in tasks:
                tasks[phase] = bar.add_task(labels.get(phase, phase), total=total)
            bar.update(tasks[phase], completed=done, total=total)

        yield update


# How many problems of each kind the summary lists (the problems file has all of them).
SHOWN_PROBLEMS = 10
# A warning's outcome (loader.load_report.Outcome, a str) as the closing note counts it.
WARNED = {"value dropped": "values dropped", "link dropped": "links dropped", "loaded, noted": "noted"}


def print_report(report: LoadReport, console: Any) -> None:
    """The load's summary: rows per mapping entry, what was (or would be) written, problems as
    `file:row:column` lines. Plain aligned text, as wide as its content: a file name is never cut to fit
    a terminal (or the 80 columns of a pipe); a line wider than the terminal wraps."""
    from rich.cells import cell_len

    def say(text: str) -> None:
        console.print(text, markup=False, highlight=False, soft_wrap=True)

    say(f"load {report.dataset} (edition {report.edition})" + (" - dry run" if report.dry_run else ""))
    paths = [f.file for f in report.files]
    loaded = "would load" if report.dry_run else "loaded"
    columns = ["file", "kind", "encoding", "read", loaded, "rejected", "warnings"]
    rows: list[dict[str, str]] = [
        {
            "file": f.file if paths.count(f.file) == 1 else f"{f.file} (files.{f.entry})",
            "kind": f.kind,
            "encoding": f.encoding,
            "read": f"{f.rows_read:,}",
            loaded: f"{f.rows_loaded:,}",
            "rejected": f"{f.rows_rejected:,}",
            "warnings": f"{f.warnings:,}",
        }
        for f in report.files
    ]
    rows.append(
        {
            "file": "total",
            "read": f"{report.rows_read:,}",
            loaded: f"{report.rows_loaded:,}",
            "rejected": f"{report.rows_rejected:,}",
            "warnings": f"{len(report.warnings):,}",
        }
    )
    table = [{c: c for c in columns}, *rows]  # the header first
    widths = {c: max(cell_len(r.get(c, "")) for r in table) for c in columns}
    numbers = {"read", loaded, "rejected", "warnings"}
    for r in table:
        cells = []
        for c in columns:
            text = r.get(c, "")
            gap = " " * (widths[c] - cell_len(text))  # display width: a CJK character takes two columns
            cells.append(gap + text if c in numbers else text + gap)
        say("  ".join(cells).rstrip())
    for f in report.files:
        if f.ignored_columns:
            say(f"note: {f.file}: columns not in the mapping, ignored: {', '.join(f.ignored_columns)}")
    if report.dry_run:
        say(f"dry run: nothing was written; {report.rows_loaded:,} of {report.rows_read:,} rows would load")
    elif not report.changed:
        held = f"{report.nodes_unchanged:,} nodes, {report.relationships_unchanged:,} relationships"
        say(f"unchanged: the graph already holds everything this load says ({held}); nothing was written")
    else:
        say(
            f"nodes: {report.nodes_created:,} created, {report.nodes_updated:,} updated, "
            f"{report.nodes_unchanged:,} unchanged; relationships: {report.relationships_created:,} created, "
            f"{report.relationships_updated:,} updated, {report.relationships_unchanged:,} unchanged "
            f"({report.transactions:,} transactions)"
        )
    rate = report.rows_read / report.duration_s if report.duration_s else 0.0
    compared = report.timings.get("compare with the graph", 0.0)  # reading back what the graph holds
    say(
        f"duration: {report.duration_s:.2f} s ({rate:,.0f} rows/s; "
        f"comparing with the graph {compared:.2f} s, writing {report.write_s - compared:.2f} s)"
    )
    for note in report.notes:
        say(f"note: {note}")
    for problems, what in ((report.rejects, "rejected rows"), (report.warnings, "warnings")):
        if not problems:
            continue
        shown = problems[:SHOWN_PROBLEMS]
        more = (
            f" (the first {len(shown)}; all in {report.rejects_path})" if len(problems) > len(shown) else ""
        )
        say(f"{what}: {len(problems):,} line(s){more}")
        for p in shown:
            value = p.short_value()
            value = value if len(value) <= 60 else value[:60] + "…"
            say(
                f"  {p.where}: {p.reason}"
                + (f" [{value}]" if value and value not in p.reason else "")
                + (f" ({p.outcome})" if what == "warnings" else "")
            )


def register(app: typer.Typer) -> None:
    from valuenet.cli import EXIT_ERROR, EXIT_USAGE, fail, graph_session

    @app.command()
    def load(
        mapping: Annotated[Path | None, typer.Argument(help="mapping YAML (see loader/README.md)")] = None,
        dimensions: Annotated[
            bool, typer.Option("--dimensions", help="load the reference dimensions (places, industries ...)")
        ] = False,
        reference: Annotated[
            bool,
            typer.Option(
                "--reference", help="load the reference dataset (dimensions, observed and synthetic layers)"
            ),
        ] = False,
        scale: Annotated[int, typer.Option(min=1, help="with --reference: scale of the reconstruction")] = 1,
        seed: Annotated[
            int, typer.Option(help="with --reference: random seed of the reconstruction")
        ] = DEFAULT_SEED,
        directory: Annotated[
            Path | None,
            typer.Option(
                "--dir",
                help="with --reference: use (or write) the generated tables here "
                "[default: kept in the state folder, generated once per scale and seed]",
            ),
        ] = None,
        allow_rejects: Annotated[
            bool, typer.Option("--allow-rejects", help="exit 0 even when rows were rejected")
        ] = False,
        rejects: Annotated[
            Path | None,
            typer.Option(
                help="problems CSV: rejects and warnings [default ./rejects-<dataset>-<edition>.csv]"
            ),
        ] = None,
        report: Annotated[Path | None, typer.Option(help="write the load report as JSON here")] = None,
        batch_size: Annotated[int, typer.Option(min=1, help="rows per transaction")] = 5000,
        dry_run: Annotated[bool, typer.Option("--dry-run", help="validate only; write nothing")] = False,
        strict: Annotated[
            bool, typer.Option("--strict", help="write nothing at all if any row is rejected")
        ] = False,
        print_schema: Annotated[
            bool, typer.Option("--print-schema", help="print the mapping's JSON Schema and exit")
        ] = False,
    ) -> None:
        """Load tables into the graph as a mapping file describes (validated; bad rows go to a rejects CSV).

        Examples: valuenet load examples/mapping.yaml --report load.json;
        valuenet load --reference --scale 1 (the reference dataset, with its dimensions)
        """
        from loader import mapping as mapping_mod
        from valuenet.cli import err, out

        if print_schema:
            sys.stdout.write(mapping_mod.json_schema_text())
            return
        if mapping is None and not dimensions and not reference:
            raise fail(
                "give a mapping file, --dimensions or --reference (see valuenet load --help)", EXIT_USAGE
            )
        if reference and (dry_run or strict):
            raise fail("--dry-run and --strict apply to a mapping file, not to --reference", EXIT_USAGE)
        m = None
        if mapping is not None:
            try:
                m = mapping_mod.load(mapping)
            except mapping_mod.MappingError as e:
                raise fail(f"{e}\nFix the mapping (its JSON Schema: valuenet load --print-schema).") from None
        from loader.pipeline import LoadError, load_mapping

        started = time.perf_counter()
        with graph_session() as g:
            if dimensions:
                from loader.dimensions import load_dimensions, total_rows

                with progress_bar(err) as update:
                    seen = 0
                    total = total_rows()

                    def on_dim(stage: str, n: int) -> None:
                        nonlocal seen
                        seen += n
                        update("dimensions", seen, total)

                    rep = load_dimensions(g, on_dim)
                out.print(
                    f"dimensions: {rep.nodes_created:,} nodes and {rep.relationships_created:,} links "
                    f"created in {rep.duration_s:.1f} s"
                )
            reports: list[LoadReport] = []
            if reference:
                from loader.reference.load import cached_tables, load_reference
                from valuenet.config import Settings

                tables = directory or cached_tables(Settings().home, scale, seed)
                with progress_bar(err) as update:
                    try:
                        reports += load_reference(
                            g,
                            scale=scale,
                            seed=seed,
                            directory=tables,
                            allow_rejects=allow_rejects,
                            rejects_path=rejects,
                            report_path=report,
                            progress=update,
                            batch_size=batch_size,
                        )
                    except LoadError as e:
                        raise fail(f"{e}\nNothing was written.") from None
            if m is not None:
                rejects_path = rejects or Path(f"rejects-{m.dataset}-{m.edition}.csv")
                with progress_bar(err) as update:
                    try:
                        reports.append(
                            load_mapping(
                                g,
                                mapping or m,
                                allow_rejects=allow_rejects,
                                rejects_path=rejects_path,
                                report_path=report,
                                progress=update,
                                batch_size=batch_size,
                                dry_run=dry_run,
                                strict=strict,
                            )
                        )
                    except LoadError as e:
                        msg = f"{e}\nNothing was written. Fix the file or the mapping and rerun."
                        raise fail(msg) from None
            changed = (dimensions and rep.changed) or any(r.changed and not r.dry_run for r in reports)
            if changed or (reports and not any(r.dry_run for r in reports)):
                from valuenet import aggregates

                # Those whose inputs the load changed are stale (and any a killed load left stale: its last
                # bulk request may have finished on the engine without it); the others stay as they are.
                for line in aggregates.refresh_reported(g, stale_only=True):
                    err.print(line, highlight=False)
            totals = g.counts() if reference else None
        for r in reports:
            print_report(r, out)
        if totals is not None:
            took = time.perf_counter() - started
            out.print(f"graph: {totals[0]:,} nodes, {totals[1]:,} relationships ({took:.0f} s)")
        rejected = sum(r.rows_rejected for r in reports)
        warned = Counter(p.outcome for r in reports for p in r.warnings)
        if warned and not rejected:
            paths = sorted({r.rejects_path for r in reports if r.rejects_path})
            what = ", ".join(f"{n:,} {WARNED[outcome]}" for outcome, n in sorted(warned.items()))
            err.print(
                f"note: {warned.total():,} warning(s), rows loaded ({what}): see {', '.join(paths)}.",
                markup=False,
            )
        if rejected:
            paths = sorted({r.rejects_path for r in reports if r.rejects_path})
            msg = f"{rejected:,} row(s) rejected: see {', '.join(paths)} (file, row, column, value, reason)."
            if strict:
                raise fail(msg + " Nothing was written (--strict). Fix the rows and rerun.", EXIT_ERROR)
            dry = any(r.dry_run for r in reports)
            if allow_rejects:
                done = "Would load" if dry else "Loaded"
                err.print(f"warning: {msg} {done} the other rows (--allow-rejects).", markup=False)
            else:
                done = "would be loaded" if dry else "were loaded"
                raise fail(
                    msg + f" The other rows {done}. Fix the rows and rerun (loading is idempotent), "
                    "or pass --allow-rejects to accept them.",
                    EXIT_ERROR,
                )

    @app.command()
    def export(
        out_dir: Annotated[Path, typer.Option("--out", help="folder to write into (created)")],
        fmt: Annotated[
            ExportFormat, typer.Option("--format", help="admin, parquet or both")
        ] = ExportFormat.both,
        into_neo4j: Annotated[
            bool,
            typer.Option(
                "--import",
                help="then import the admin CSVs into the local Neo4j server's database (server stopped)",
            ),
        ] = False,
        into: Annotated[
            Path | None,
            typer.Option("--into", help="with --import: that Neo4j's state folder (default VALUENET_HOME)"),
        ] = None,
        overwrite: Annotated[
            bool, typer.Option("--overwrite", help="with --import: replace the Neo4j database there")
        ] = False,
    ) -> None:
        """Write the graph as neo4j-admin import CSVs and/or Parquet tables.

        With --import, the CSVs go on into valuenet's local Neo4j server (`valuenet server start --engine
        neo4j` afterwards); for another Neo4j, run the neo4j-admin command printed at the end there.
        """
        import dataclasses

        from loader.export import export_graph, import_into_local_neo4j, neo4j_target
        from valuenet.cli import err, out
        from valuenet.config import Settings
        from valuenet.engines import ServerError
        from valuenet.engines.neo4j import dist_root

        admin = fmt in (ExportFormat.admin, ExportFormat.both)
        if (into or overwrite) and not into_neo4j:
            raise fail("--into and --overwrite go with --import.", EXIT_USAGE)
        if into_neo4j and not admin:
            raise fail("--import needs the admin CSVs: use --format admin or both.", EXIT_USAGE)
        settings = Settings()
        # The target's Neo4j distribution: the one this state folder uses (no second assembly).
        target = dataclasses.replace(
            settings,
            valuenet_home=into or settings.valuenet_home,
            valuenet_neo4j_dist=str(dist_root(settings)),
        )
        if into_neo4j:
            try:
                neo4j_target(target, overwrite=overwrite)  # refuse before exporting, not after
            except ServerError as e:
                raise fail(str(e), EXIT_ERROR) from None
        with graph_session(settings) as g, progress_bar(err) as update:
            res = export_graph(
                g,
                out_dir,
                admin=admin,
                parquet=fmt in (ExportFormat.parquet, ExportFormat.both),
                progress=update,
            )
        for f in res.files:
            out.print(f"wrote {f}", soft_wrap=True)
        out.print(f"{res.nodes:,} nodes, {res.relationships:,} relationships in {res.duration_s:.1f} s")
        for warning in res.warnings:
            err.print(f"warning: {warning}", markup=False, soft_wrap=True)
        if into_neo4j:
            try:
                summary = import_into_local_neo4j(res, target, overwrite=overwrite)
            except ServerError as e:
                raise fail(str(e), EXIT_ERROR) from None
            out.print(
                f"imported into the Neo4j database of {target.home}: {summary}", markup=False, soft_wrap=True
            )
            home = f"VALUENET_HOME={target.home} " if into else ""
            out.print("next:", markup=False)
            for step in (
                "valuenet server stop",
                "valuenet server start --engine neo4j",
                "valuenet schema apply",
            ):
                out.print(f"  {home}{step}", markup=False, soft_wrap=True)
        elif res.admin_command:
            out.print("import into valuenet's local Neo4j server with --import; into another Neo4j with:")
            out.print(f"  {res.admin_command}", markup=False, soft_wrap=True)
