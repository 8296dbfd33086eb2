"""`valuenet`: the command line. Components add their own commands through `register(app)` in
`loader/cli.py`, `loader/reference/cli.py`, `gds_jobs/cli.py` and `explorer/cli.py`.

Start-up time matters (`valuenet --help` should take well under a second): this module and the components'
registrations import only typer and the standard library at the top. The driver, rich, pydantic settings
and everything a command computes with are imported inside the command that needs them.
"""

from __future__ import annotations

import functools
import io
import json
import os
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from valuenet.config import MAX_QUERY_TIMEOUT_S, MAX_ROW_CAP

if TYPE_CHECKING:
    from rich.console import Console

    from valuenet.config import Settings
    from valuenet.db import Graph
    from valuenet.figures import Judgement
    from valuenet.focal import Focal

    out: Console  # made on first use by __getattr__ below
    err: Console

HELP = """\
valuenet: China's AI-industry value network as a Neo4j knowledge graph.

\b
First steps (or simply `make run`):
  valuenet server start      start the embedded engine (ArcadeDB, Bolt on 127.0.0.1)
  valuenet schema apply      create constraints and indexes
  valuenet info              which engine, which version, GDS or not
  valuenet cypher "MATCH (n) RETURN count(n) AS n"     ask the graph (read-only)

\b
To use Neo4j 5 (+ GDS) instead: `docker compose up -d --wait`, then set
  NEO4J_URI=bolt://localhost:7687 NEO4J_USERNAME=neo4j NEO4J_PASSWORD=...
(or put them in a .env file); every command then talks to Neo4j unchanged.
"""

app = typer.Typer(help=HELP, no_args_is_help=True, rich_markup_mode=None, add_completion=False)
server_app = typer.Typer(
    help="Run the embedded default engine (ArcadeDB Bolt server on 127.0.0.1).", no_args_is_help=True
)
schema_app = typer.Typer(
    help="Constraints and indexes as versioned migrations (cypher/schema/).", no_args_is_help=True
)
aggregates_app = typer.Typer(
    help="The totals the questions read instead of counting live (valuenet/aggregates.py).",
    no_args_is_help=True,
)
app.add_typer(server_app, name="server")
app.add_typer(schema_app, name="schema")
app.add_typer(aggregates_app, name="aggregates")

# Exit codes shared by all commands.
EXIT_ERROR = 1
EXIT_USAGE = 2
EXIT_WRITE_REFUSED = 3
EXIT_TIMEOUT = 4
EXIT_NO_ENGINE = 5


@functools.cache
def console(stderr: bool = False) -> Console:
    """The console a command prints with (stdout, or stderr for notes and progress), made on first use.
    No markup: what it prints holds names, queries and typed text, whose `[...]` is not Rich's."""
    from rich.console import Console

    return Console(stderr=stderr, markup=False)


def __getattr__(name: str) -> Console:
    # `from valuenet.cli import out, err` in a command gives the shared consoles without importing rich
    # when the CLI starts.
    if name in ("out", "err"):
        return console(stderr=name == "err")
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def run() -> None:
    """The `valuenet` command: the app, with a path the system refuses (an output folder that cannot be
    made, a file that cannot be written or read) said in one line and exit 1, never a traceback."""
    try:
        app(prog_name="valuenet")
    except BrokenPipeError:  # the reader of stdout left (`valuenet cypher ... | head`): nothing to say
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        sys.exit(EXIT_ERROR)
    except OSError as e:
        where = f" {e.filename}" if e.filename else ""
        fail(
            f"the system refused{where}: {e.strerror or e}. Check the path: its folder must exist or be one "
            "valuenet can create, and you must be allowed to write (or read) there."
        )
        sys.exit(EXIT_ERROR)


def fail(message: str, code: int = EXIT_ERROR) -> typer.Exit:
    from rich.markup import escape

    # the message may quote what was typed (`valuenet ask "x[/]"`): its brackets are text, not markup
    console(stderr=True).print(f"[bold red]error:[/] {escape(message)}", highlight=False, markup=True)
    return typer.Exit(code)


def _version(value: bool) -> None:
    if value:
        from importlib.metadata import version

        typer.echo(f"valuenet {version('valuenet')}")
        raise typer.Exit()


@app.callback()
def main(
    show_version: Annotated[
        bool,
        typer.Option("--version", callback=_version, is_eager=True, help="print the version and exit"),
    ] = False,
) -> None:
    from valuenet.config import Settings, SettingsError

    try:  # a bad variable is named once, here, rather than as a traceback from whichever command reads it
        Settings()
    except SettingsError as e:
        raise fail(str(e), EXIT_USAGE) from None


@contextmanager
def graph_session(settings: Settings | None = None) -> Iterator[Graph]:
    """A connected Graph, or a clear message and exit 5 when there is no engine to talk to: at connect
    (unreachable, credentials refused, any driver error) and when the engine goes away or locks valuenet
    out while the command runs."""
    from valuenet.config import NotConfiguredError, Settings
    from valuenet.db import CONNECTION_ERRORS, DriverError, Neo4jError, connect, connection_problem

    s = settings or Settings()
    try:
        g = connect(s)
    except NotConfiguredError as e:
        raise fail(str(e), EXIT_NO_ENGINE) from None
    try:
        try:
            g.verify()
        except (DriverError, Neo4jError) as e:
            raise fail(connection_problem(g.info, e), EXIT_NO_ENGINE) from None
        try:
            yield g
        except CONNECTION_ERRORS as e:
            raise fail(connection_problem(g.info, e), EXIT_NO_ENGINE) from None
    finally:
        g.close()


def register_components() -> None:
    """Let each component add its commands."""
    import explorer.cli
    import gds_jobs.cli
    import loader.cli
    import loader.reference.cli

    for component in (loader.cli, loader.reference.cli, gds_jobs.cli, explorer.cli):
        component.register(app)


# -- output --------------------------------------------------------------------------------------------------
class OutputFormat(StrEnum):
    table = "table"
    json = "json"
    csv = "csv"


# The --format option every command that prints data takes (see print_rows and print_record).
FormatOption = Annotated[OutputFormat, typer.Option("--format", "-f", help="table, json or csv")]


def _cell(value: Any) -> str:
    if isinstance(value, (dict, list)):
        return json.dumps(value, ensure_ascii=False)
    return "" if value is None else str(value)


PIPED_WIDTH = 240  # the widest a table printed to a pipe or a file gets


def print_rows(columns: list[str], rows: list[dict[str, Any]], fmt: OutputFormat) -> None:
    """Rows to stdout: JSON is one array of row objects and nothing else; CSV has a header line."""
    if fmt is OutputFormat.json:
        sys.stdout.write(json.dumps(rows, ensure_ascii=False, default=str) + "\n")
    elif fmt is OutputFormat.csv:
        import csv

        writer = csv.writer(sys.stdout, lineterminator="\n")
        writer.writerow(columns)
        for row in rows:
            writer.writerow([_cell(row.get(c)) for c in columns])
    else:
        from rich.console import Console
        from rich.table import Table

        table = Table(*columns, show_lines=False)
        for row in rows:
            table.add_row(*[_cell(row.get(c)) for c in columns])
        out = console()
        if not out.is_terminal and "COLUMNS" not in os.environ:
            # piped: as wide as the table needs (up to PIPED_WIDTH, then long cells wrap in their column),
            # not rich's 80 columns for a stream without a terminal
            natural = Console(width=PIPED_WIDTH, file=io.StringIO(), markup=False).measure(table).maximum
            out = Console(width=max(80, natural), markup=False)
        out.print(table)


def print_record(record: dict[str, Any], fmt: OutputFormat, lines: Callable[[], list[str]]) -> None:
    """One record (a status, an engine description): JSON is one object, CSV one header and one row, the
    table format the human-readable `lines`."""
    if fmt is OutputFormat.json:
        sys.stdout.write(json.dumps(record, ensure_ascii=False, default=str) + "\n")
    elif fmt is OutputFormat.csv:
        print_rows(list(record), [record], fmt)
    else:
        for line in lines():
            console().print(line, highlight=False, markup=False)


# -- info ----------------------------------------------------------------------------------------------------
@app.command()
def info(fmt: FormatOption = OutputFormat.table) -> None:
    """Which engine valuenet talks to, its version, and whether GDS is available."""
    with graph_session() as g:
        e = g.engine()
        nodes, rels = g.counts()
    data = {**e.as_dict(), "nodes": nodes, "relationships": rels}
    print_record(
        data,
        fmt,
        lambda: [
            f"engine:        {e.product} {e.version} ({e.edition or 'edition n/a'})",
            f"uri:           {e.uri}   database: {e.database or '(default)'}",
            f"bolt agent:    {e.agent}",
            f"GDS:           {e.gds_version or 'not available: jobs use the local networkit backend'}",
            f"graph:         {nodes:,} nodes, {rels:,} relationships",
        ],
    )


# -- server --------------------------------------------------------------------------------------------------
def _fmt_uptime(seconds: float | None) -> str:
    if seconds is None:
        return "-"
    m, s = divmod(int(seconds), 60)
    h, m = divmod(m, 60)
    return f"{h}h {m:02d}m {s:02d}s" if h else f"{m}m {s:02d}s"


@server_app.command("start")
def server_start(
    engine: Annotated[
        str | None,
        typer.Option("--engine", help="arcadedb (default), or neo4j: Neo4j + GDS from Maven Central"),
    ] = None,
) -> None:
    """Start the local server in the background (does nothing if it already runs)."""
    from valuenet import server as server_mod
    from valuenet.config import Settings

    s = Settings()
    err = console(stderr=True)
    if not s.embedded:
        err.print(f"note: NEO4J_URI is set ({s.neo4j_uri}); other commands use that engine, not this server.")
    try:
        with err.status(server_mod.start_note(engine or s.valuenet_engine)):
            st = server_mod.start(s, engine=engine)
    except server_mod.ServerError as e:
        raise fail(str(e)) from None
    out = console()
    out.print(f"valuenet server: {st.message}")
    out.print(f"  uri {st.uri}  user {st.username}  password {st.password}  database {st.database}")
    out.print(f"  state folder {s.home}  (logs in {s.home / 'logs'})")


@server_app.command("stop")
def server_stop() -> None:
    """Stop the embedded server (clean shutdown; killed after 60 s)."""
    from valuenet import server as server_mod
    from valuenet.config import Settings

    console().print(f"valuenet server: {server_mod.stop(Settings())}")


@server_app.command("status")
def server_status(fmt: FormatOption = OutputFormat.table) -> None:
    """URI, credentials, database, PID, uptime, node and relationship counts. Exit 1 if not running."""
    from valuenet import server as server_mod
    from valuenet.config import Settings

    s = Settings()
    st = server_mod.status(s)
    counts: tuple[int, int] | None = None
    if st.running:
        try:
            with graph_session(s) as g:
                counts = g.counts()
        except typer.Exit:
            counts = None
    data: dict[str, Any] = {
        "running": st.running,
        "message": st.message,
        "uri": st.uri,
        "database": st.database,
        "username": st.username,
        "password": st.password,
        "pid": st.pid,
        "uptime_s": round(st.uptime_s, 1) if st.uptime_s is not None else None,
        "nodes": counts[0] if counts else None,
        "relationships": counts[1] if counts else None,
        "home": str(s.home),
    }

    def lines() -> list[str]:
        if not st.running:
            return [f"valuenet server: {st.message}"]
        graph = (
            f"{counts[0]:,} nodes, {counts[1]:,} relationships"
            if counts
            else "(the server runs but did not answer a count query)"
        )
        return [
            f"valuenet server: {st.message}",
            f"  uri:           {st.uri}",
            f"  database:      {st.database}",
            f"  user/password: {st.username} / {st.password}",
            f"  pid:           {st.pid}",
            f"  uptime:        {_fmt_uptime(st.uptime_s)}",
            f"  graph:         {graph}",
        ]

    print_record(data, fmt, lines)
    if not st.running:
        raise typer.Exit(EXIT_ERROR)


# -- schema --------------------------------------------------------------------------------------------------
@schema_app.command("apply")
def schema_apply() -> None:
    """Apply the versioned schema files not yet applied (idempotent)."""
    from valuenet import schema as schema_mod

    with graph_session() as g:
        try:
            res = schema_mod.apply(g)
        except schema_mod.MigrationError as e:
            raise fail(str(e)) from None
    out = console()
    for m in res.applied:
        out.print(f"applied V{m.version:03d}__{m.name} ({len(m.statements)} statements)")
    out.print(
        f"schema at version {res.version} "
        f"({len(res.applied)} applied now, {len(res.already)} already applied)"
    )


@schema_app.command("status")
def schema_status(fmt: FormatOption = OutputFormat.table) -> None:
    """Which migrations are applied and which are pending."""
    from valuenet import schema as schema_mod

    with graph_session() as g:
        done = schema_mod.applied(g)
    rows = [
        {
            "migration": f"V{m.version:03d}__{m.name}",
            "version": m.version,
            "state": "applied" if m.version in done else "pending",
        }
        for m in schema_mod.migrations()
    ]
    print_rows(["migration", "version", "state"], rows, fmt)


# -- aggregates ----------------------------------------------------------------------------------------------
@aggregates_app.command("status")
def aggregates_status(fmt: FormatOption = OutputFormat.table) -> None:
    """Each aggregate of the graph model for this graph's focal set: fresh, stale (a load wrote since it
    was computed: the questions count live) or missing."""
    from valuenet import aggregates

    with graph_session() as g:
        model = _focal_set(g).model
        rows = [
            {"aggregate": f.name, "focal_set": aggregates.focal_key(model), "state": f.state,
             "computed_at": f.computed_at}
            for f in (aggregates.freshness(g, name, model) for name in model.aggregates)
        ]  # fmt: skip
    print_rows(["aggregate", "focal_set", "state", "computed_at"], rows, fmt)


@aggregates_app.command("refresh")
def aggregates_refresh() -> None:
    """Recompute every aggregate for this graph's focal set (`valuenet jobs run` does it after the jobs)."""
    from valuenet import aggregates

    with graph_session() as g:
        lines = aggregates.refresh_reported(g, _focal_set(g).model)
    for line in lines:
        console().print(line, highlight=False)


# -- cypher --------------------------------------------------------------------------------------------------
def parse_params(items: list[str]) -> dict[str, Any]:
    """`k=v` gives the string v; `k:=v` parses v as JSON (numbers, booleans, lists, maps, null)."""
    params: dict[str, Any] = {}
    for item in items:
        key, sep, value = item.partition("=")
        if not sep:
            raise fail(f"--param {item!r}: write name=value (string) or name:=json", EXIT_USAGE)
        as_json = key.endswith(":")
        key = key.rstrip(":").strip()
        if not key.isidentifier():
            raise fail(f"--param {item!r}: {key!r} is not a valid parameter name", EXIT_USAGE)
        if as_json:
            try:
                params[key] = json.loads(value)
            except json.JSONDecodeError as e:
                raise fail(
                    f"--param {item!r}: the value after := must be JSON ({e.msg})", EXIT_USAGE
                ) from None
        else:
            params[key] = value
    return params


@app.command()
def cypher(
    query: Annotated[str, typer.Argument(help="a Cypher query; read-only (writes are refused)")],
    param: Annotated[
        list[str] | None,
        typer.Option("--param", "-p", help="query parameter: name=text or name:=json (repeatable)"),
    ] = None,
    fmt: FormatOption = OutputFormat.table,
    timeout: Annotated[
        float | None,
        typer.Option(
            min=0.1,
            max=MAX_QUERY_TIMEOUT_S,
            help="seconds before the query is stopped on the engine [default 30]",
        ),
    ] = None,
    limit: Annotated[int | None, typer.Option(min=1, max=MAX_ROW_CAP, help="row cap [default 1000]")] = None,
) -> None:
    """Run a read-only Cypher query and print the rows.

    Example: valuenet cypher "MATCH (c:City {code: $code}) RETURN c.name_zh AS city" -p code=440100
    """
    from valuenet.config import Settings
    from valuenet.db import (
        CONNECTION_ERRORS,
        Neo4jError,
        QueryMemoryError,
        QueryTimeoutError,
        WriteRefusedError,
    )

    s = Settings()
    params = parse_params(param or [])
    with graph_session(s) as g:
        started = time.perf_counter()
        try:
            res = g.run_readonly(
                query,
                params,
                timeout=timeout or s.valuenet_query_timeout,
                row_cap=limit or s.valuenet_row_cap,
            )
        except ValueError as e:  # VALUENET_ROW_CAP or VALUENET_QUERY_TIMEOUT out of bounds
            raise fail(f"{e} (VALUENET_ROW_CAP / VALUENET_QUERY_TIMEOUT)", EXIT_USAGE) from None
        except WriteRefusedError as e:
            raise fail(str(e), EXIT_WRITE_REFUSED) from None
        except QueryTimeoutError as e:
            raise fail(str(e), EXIT_TIMEOUT) from None
        except QueryMemoryError as e:
            raise fail(str(e)) from None
        except CONNECTION_ERRORS:
            raise  # graph_session says what happened to the engine
        except Neo4jError as e:
            raise fail(f"the engine rejected the query: {e.message or e}") from None
    print_rows(res.columns, res.rows, fmt)
    err = console(stderr=True)
    for note in res.notes:
        err.print(f"note: {note}")
    for warning in res.engine_warnings:
        err.print(f"the engine warns: {warning}", markup=False, highlight=False)
    if fmt is OutputFormat.table:
        err.print(f"{len(res.rows)} row(s) in {time.perf_counter() - started:.3f} s")


# -- questions -----------------------------------------------------------------------------------------------
@app.command()
def questions(
    group: Annotated[str | None, typer.Option(help="only this group")] = None,
    fmt: FormatOption = OutputFormat.table,
) -> None:
    """List the question library (cypher/questions/): id, group, titles, parameters."""
    from valuenet import questions as questions_mod

    try:
        lib = questions_mod.library()
    except questions_mod.QuestionError as e:
        raise fail(str(e)) from None
    rows = [
        {
            "id": q.id,
            "group": q.group,
            "title_en": q.title_en,
            "title_zh": q.title_zh,
            "params": ", ".join(
                f"{p.name}{'*' if p.required else ''}={p.default!r}" if p.default is not None else p.name
                for p in q.params.values()
            ),
            "figures": len(q.figures),
        }
        for q in lib.values()
        if group is None or q.group == group
    ]
    print_rows(["id", "group", "title_en", "title_zh", "params", "figures"], rows, fmt)


@app.command()
def ask(
    question_id: Annotated[
        str | None, typer.Argument(metavar="ID", help="question id (see `valuenet questions`)")
    ] = None,
    param: Annotated[
        list[str] | None,
        typer.Option("--param", "-p", help="name=value (repeatable); checked against the question"),
    ] = None,
    text: Annotated[
        str | None,
        typer.Option(
            "--text",
            "-t",
            help="a question in plain words (Chinese or English) instead of an ID; -p overrides it",
        ),
    ] = None,
    fmt: FormatOption = OutputFormat.table,
    show_query: Annotated[
        bool, typer.Option("--show-query", help="print the Cypher and parameters to stderr")
    ] = False,
) -> None:
    """Run one question from the library (read-only), e.g.

    valuenet ask who_empowers_industry_in_place -p industry=C36 -p place=440100
    valuenet ask --text "谁在为广州汽车制造业赋能" --format json
    """
    from valuenet import questions as questions_mod
    from valuenet.db import Neo4jError, QueryMemoryError, QueryTimeoutError

    if (question_id is None) == (text is None):
        raise fail('give a question ID or --text "a question in plain words" (one of them)', EXIT_USAGE)
    raw = {k: v for k, v in parse_params(param or []).items()}

    def checked(qid: str) -> None:  # bad parameters never reach the engine
        try:
            questions_mod.get(qid).validate(raw)
        except questions_mod.QuestionError as e:
            raise fail(str(e), EXIT_USAGE) from None

    if question_id is not None:
        checked(question_id)  # before connecting
    err = console(stderr=True)
    with graph_session() as g:
        if text is not None:
            question_id, read_params = _read_plain_words(g, text)
            raw = {**read_params, **raw}
            checked(question_id)
        assert question_id is not None
        focal = _focal_set(g)
        try:
            q, used, res = questions_mod.ask(g, question_id, raw, model=focal.model)
        except questions_mod.QuestionError as e:  # a name that finds no dimension node, or several
            raise fail(str(e), EXIT_USAGE) from None
        except QueryTimeoutError as e:
            raise fail(str(e), EXIT_TIMEOUT) from None
        except QueryMemoryError as e:
            raise fail(f"question {question_id}: {e}") from None
        except Neo4jError as e:
            raise fail(f"the engine rejected question {question_id}: {e.message or e}") from None
        for note in questions_mod.resolution_notes(g, q, raw, used):
            err.print(f"note: {note}", highlight=False, markup=False)
    if show_query:
        shown = json.dumps(used, ensure_ascii=False)
        # as written, to copy: no line broken at the terminal's width
        err.print(f"// {q.title_en}\n{q.query(used, focal.model)}\n// parameters: {shown}", soft_wrap=True)
    if text is not None and fmt is OutputFormat.json:
        # one object: what the sentence was read as, and the rows
        answer = {"question": q.id, "params": used, "rows": res.rows}
        sys.stdout.write(json.dumps(answer, ensure_ascii=False, default=str) + "\n")
    else:
        print_rows(res.columns, res.rows, fmt)
    if fmt is OutputFormat.table:
        err.print(f"{q.title_zh} / {q.title_en}: {len(res.rows)} row(s) in {res.elapsed_s:.3f} s")


def _focal_set(g: Graph) -> Focal:
    """The graph's focal set (VALUENET_FOCAL, else the model's); a note on stderr when the graph has none
    of the configured label and every organisation counts."""
    from valuenet import focal

    try:
        chosen = focal.for_graph(g)
    except ValueError as e:
        raise fail(str(e), EXIT_USAGE) from None
    if chosen.note:
        console(stderr=True).print(f"note: {chosen.note}", highlight=False, markup=False)
    return chosen


def _read_plain_words(g: Graph, text: str) -> tuple[str, dict[str, Any]]:
    """The question and parameters a sentence names; exit 2 with a hint when it names none."""
    from valuenet import plain_words

    reading = plain_words.read(text, plain_words.lexicon_from_graph(g))
    err = console(stderr=True)
    for note in reading.notes:
        err.print(f"note: {note}", highlight=False)
    if reading.question is None:
        raise fail(
            "could not tell which question this is. Name what you want to know, e.g. "
            '"谁在为广州汽车制造业赋能", "who empowers car makers in Guangzhou", '
            '"清华大学和华为之间的最短路径"; '
            "`valuenet questions` lists the library.",
            EXIT_USAGE,
        )
    shown = ", ".join(f"{k}={v}" for k, v in reading.params.items()) or "its defaults"
    err.print(f"read as: {reading.question} with {shown}", highlight=False)
    return reading.question, reading.params


# -- report and figures --------------------------------------------------------------------------------------
class Compare(StrEnum):
    auto = "auto"
    edition_2021 = "2021"
    none = "none"


@app.command()
def report(
    out_dir: Annotated[Path, typer.Option("--out", help="folder for report.md and report.html")] = Path(
        "out/report"
    ),
    compare: Annotated[
        Compare,
        typer.Option(
            help="side by side with the 2021 report's published figures: auto = when the graph holds the "
            "report's 2021 sample, 2021 = always, none = never"
        ),
    ] = Compare.auto,
) -> None:
    """A report about this graph (size, network statistics, relations by type and domestic/foreign, the top
    organisations by relations and by score, places, sectors, attributes with their coverage, communities)
    and, for the report's data, its value-network tables (Tables 3-9, section V) beside the published
    figures, as report.md and a self-contained report.html (no scripts, opens offline). To check the figures
    (exit 1 on a miss): valuenet figures."""
    from valuenet import figures as figures_mod
    from valuenet import report as report_mod
    from valuenet.db import CONNECTION_ERRORS, Neo4jError, QueryLimitError

    with graph_session() as g, console(stderr=True).status("describing the graph ..."):
        focal = _focal_set(g)
        wanted = None if compare is Compare.auto else compare is Compare.edition_2021
        try:
            rep = report_mod.build(g, compare=wanted, focal=focal)
        except QueryLimitError as e:  # one of the report's questions, read as an analyst's (time, memory)
            raise fail(f"the report was not written: {e}") from None
        except CONNECTION_ERRORS:
            raise  # graph_session says what happened to the engine
        except Neo4jError as e:
            raise fail(f"the report was not written: the engine rejected a query: {e.message or e}") from None
    md, page = report_mod.write(rep, out_dir)
    synthetic = " (synthetic reconstruction)" if rep.synthetic else ""
    out = console()
    if rep.compared:
        out.print(figures_mod.summary_line(rep.judgements) + synthetic)
    else:
        out.print(
            f"a report about this graph: {rep.organizations:,} organisations, {rep.focal}{synthetic}; "
            "no comparison with the 2021 report (the graph does not hold its sample; --compare 2021 adds it)"
        )
    out.print(f"wrote {md} and {page}")


class FigureCheck(StrEnum):
    report = "report"
    reference = "reference"
    degrees = "degrees"


@app.command()
def figures(
    checks: Annotated[
        list[FigureCheck] | None,
        typer.Argument(
            metavar="CHECK",
            help="report (default): the tables `valuenet report` regenerates (Tables 3-9, sections V-VI); "
            "reference: the reference dataset's calibration targets (sections II-VI, counts x --scale); "
            "degrees: the degree jobs' properties against Tables 5-9",
        ),
    ] = None,
    scale: Annotated[int, typer.Option(min=1, help="reference: the scale the graph was generated at")] = 1,
    generated: Annotated[
        bool,
        typer.Option(
            "--generated",
            help="reference: measure the tables the generator builds for --scale and --seed, not the graph",
        ),
    ] = False,
    seed: Annotated[int | None, typer.Option(help="with --generated: the generator's seed")] = None,
    all_rows: Annotated[bool, typer.Option("--all", help="list every figure, not only the misses")] = False,
    fmt: FormatOption = OutputFormat.table,
) -> None:
    """Compare the graph with the 2021 report's published figures: counts equal, shares within 0.1 point,
    the network's emergent statistics within ±20 %; a figure the report contradicts elsewhere is a variant.
    Exit 1 when a figure is off or not measured."""
    from valuenet import figures as figures_mod

    err = console(stderr=True)
    chosen = list(dict.fromkeys(checks or [FigureCheck.report]))
    if generated and chosen != [FigureCheck.reference]:
        raise fail(
            "--generated measures the generated tables: it goes with the `reference` check only", EXIT_USAGE
        )
    if seed is not None and not generated:
        raise fail("--seed goes with --generated", EXIT_USAGE)
    judged: dict[FigureCheck, list[Judgement]] = {}
    if generated:
        from loader.reference import calibrate
        from loader.reference.generate import build
        from loader.reference.load import DEFAULT_SEED
        from loader.reference.measure import measure

        with err.status("generating and measuring the reference tables ..."):
            measured = measure(build(scale, DEFAULT_SEED if seed is None else seed))
        judged[FigureCheck.reference] = calibrate.compare(measured, scale) + calibrate.rankings(
            measured, scale
        )
    else:
        with graph_session() as g, err.status("measuring the published figures in the graph ..."):
            for check in chosen:
                judged[check] = _judge_figures(g, check, scale)
    everything = [j for js in judged.values() for j in js]
    shown = everything if all_rows else [j for j in everything if not j.verdict.met]
    if fmt is OutputFormat.table:
        columns = [c for c in figures_mod.COLUMNS if c != "description" and (c != "check" or len(chosen) > 1)]
        numbers = ("published", "measured", "difference")
        rows = [
            {**r, **{c: figures_mod.format_number(r[c]) for c in numbers}}
            for r in map(figures_mod.Judgement.row, shown)
        ]
        if rows:
            print_rows(columns, rows, fmt)
        for check, js in judged.items():
            err.print(f"{check.value}: {figures_mod.summary_line(js)}", highlight=False)
    else:
        print_rows(list(figures_mod.COLUMNS), [j.row() for j in shown], fmt)
    if any(not j.verdict.met for j in everything):
        raise typer.Exit(EXIT_ERROR)


def _judge_figures(g: Graph, check: FigureCheck, scale: int) -> list[Judgement]:
    if check is FigureCheck.report:
        from valuenet import report as report_mod

        return report_mod.build(g, compare=True, describe_graph=False).judgements
    if check is FigureCheck.reference:
        from loader.reference import calibrate

        measured = calibrate.measure_graph(g)
        return calibrate.compare(measured, scale) + calibrate.rankings(measured, scale)
    from gds_jobs import degree_tables

    return degree_tables.check(g, degree_tables.table_rows())


register_components()
