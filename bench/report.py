"""Targets and the Markdown report of a benchmark result (the JSON written by bench.run)."""

from __future__ import annotations

from typing import Any

from bench import jobs as jobs_bench
from bench import questions, startup

TARGETS = {
    "load_1x_s": 10.0,
    "load_10x_s": 90.0,
    "suite_1x_s": 15.0,
    "suite_10x_s": 120.0,
    "networkx_speedup": 5.0,  # on the jobs networkx runs in full
    "question_p95_1x_ms": questions.GOAL_P95_MS[1],
    "question_p95_10x_ms": questions.GOAL_P95_MS[10],
    "memory_1x_mb": 2 * 1024.0,
}


def _f(v: Any, nd: int = 2) -> str:
    if v is None:
        return "–"
    if isinstance(v, float):
        if abs(v) >= 1000:
            return f"{v:,.0f}"
        return f"{v:.{nd}f}"
    if isinstance(v, int):
        return f"{v:,}"
    return str(v)


def _full_only(jobs: dict[str, Any]) -> list[dict[str, Any]]:
    """The jobs networkx ran in full (no extrapolation, no cap)."""
    return [
        r
        for r in jobs.get("jobs", {}).values()
        if r.get("seconds") and (r.get("networkx") or {}).get("method") == "full"
    ]


def full_only_ratio(jobs: dict[str, Any]) -> tuple[float, int] | None:
    """networkx time / job time summed over the jobs networkx ran in full (no extrapolation, no cap)."""
    ran = _full_only(jobs)
    if not ran:
        return None
    return sum(r["networkx"]["seconds"] for r in ran) / sum(r["seconds"] for r in ran), len(ran)


def full_only_parts(jobs: dict[str, Any]) -> dict[str, float] | None:
    """What the jobs networkx runs in full spent, summed: projection (the job that came first carries the
    run's one fetch of the graph), compute, their shares of the publication that writes their scores to
    the organisations, the rest of their runs; and networkx's seconds on a graph already in memory,
    writing nothing. `ceiling`: networkx / (projection + publication), the most the ratio can reach with
    those two as they are, even with compute and the rest at 0."""
    ran = _full_only(jobs)
    if not ran:
        return None
    f = [r.get("facts") or {} for r in ran]
    parts = {
        "projection": sum(float(x.get("stream_s") or 0.0) for x in f),
        "compute": sum(float(x.get("compute_s") or 0.0) for x in f),
        "publication": sum(jobs_bench.publish_share_s(x) for x in f),
    }
    parts["rest"] = sum(r["seconds"] for r in ran) - sum(parts.values())
    parts["networkx"] = sum(r["networkx"]["seconds"] for r in ran)
    floor = parts["projection"] + parts["publication"]
    parts["ceiling"] = parts["networkx"] / floor if floor else 0.0
    return parts


def _r(v: float | None) -> str:
    """A ratio: 1 decimal from 10, 2 from 0.1, else 3 significant digits (0.00412)."""
    if v is None:
        return "–"
    if v >= 10:
        return _f(float(v), 1)
    if v >= 0.1:
        return f"{v:.2f}"
    return f"{v:.3g}"


def targets(result: dict[str, Any]) -> list[dict[str, Any]]:
    """Each target with the measured value and whether it is met (None when not measured)."""
    s = result.get("scales", {})
    one = s.get("1", {})
    out: list[dict[str, Any]] = []

    def add(name: str, value: Any, limit: float, ok: bool | None, unit: str, note: str = "") -> None:
        out.append({"target": name, "value": value, "limit": limit, "met": ok, "unit": unit, "note": note})

    load = one.get("load", {})
    v = load.get("seconds")
    add("scale-1 load ≤ 10 s", v, TARGETS["load_1x_s"], None if v is None else v <= 10, "s")
    v = s.get("10", {}).get("load", {}).get("seconds")
    add("scale-10 load ≤ 90 s", v, TARGETS["load_10x_s"], None if v is None else v <= 90, "s")
    jobs = one.get("jobs", {})
    for scale, limit in (("1", TARGETS["suite_1x_s"]), ("10", TARGETS["suite_10x_s"])):
        js = s.get(scale, {}).get("jobs", {})
        v = js.get("suite_s")
        note = "" if js.get("suite_complete", True) else "some jobs skipped or failed"
        ok = None if v is None else v <= limit and js.get("suite_complete", True)
        add(f"`valuenet jobs run`, all jobs ≤ {limit:g} s (scale {scale})", v, limit, ok, "s", note)
    full = full_only_ratio(jobs)
    v = full[0] if full else None
    note = f"on the {full[1]} jobs networkx runs in full" if full else ""
    goal = TARGETS["networkx_speedup"]
    add(
        f"jobs ≥ {goal:g}x faster than networkx (scale 1)",
        v,
        goal,
        None if v is None else v >= goal,
        "x",
        note,
    )
    goals = questions.goals(str(result.get("engine", "arcadedb"))).items()
    for scale, limit in ((str(sc), goal) for sc, goal in goals):
        qs = s.get(scale, {}).get("questions", {})
        p95 = [r["p95_ms"] for r in qs.values() if "p95_ms" in r]
        errors = [q for q, r in qs.items() if "error" in r]
        worst = max(p95) if p95 else None
        over = [q for q, r in qs.items() if r.get("p95_ms", 0) > limit]
        note = (f"over: {', '.join(over)}" if over else "") + (
            f"; errors: {', '.join(errors)}" if errors else ""
        )
        ok = None if worst is None else (worst <= limit and not errors)
        add(f"question p95 ≤ {limit:g} ms (scale {scale}, worst question)", worst, limit, ok, "ms", note)
    peaks = [one.get("load", {}).get("engine_peak_rss_mb"), jobs.get("engine_peak_rss_mb")]
    known = [p for p in peaks if p]
    v = max(known) if known else None
    add(
        "engine resident memory ≤ 2 GB (scale 1)",
        v,
        TARGETS["memory_1x_mb"],
        None if v is None else v <= TARGETS["memory_1x_mb"],
        "MB",
    )
    browser = one.get("explorer", {}).get("browser", {})
    flows = {
        "one_click": "one click → answer",
        "organisation 华为": "华为's page → why central",
        "start_figures": "start page → its figures",
    }
    for flow, what in flows.items():
        r = browser.get(flow) or {}
        note = f"first visit {r['first_s']} s; load {browser.get('load_at_start')}" if r else ""
        if "new_tab" in r:  # the reader's way there is the goal's; a pasted URL's new tab beside it
            note += f"; in a new tab {r['new_tab']['later_median_s']} s"
        name = f"explorer: {what} ≤ 1 s (Chromium, median)"
        add(name, r.get("later_median_s"), 1.0, r.get("met"), "s", note)
    cli = result.get("cli_start") or {}
    for key in startup.GOALS:
        entry = cli.get(key)
        goal = startup.GOALS[key]
        name = f"`{startup.command_line(key)}` ≤ {goal:g} s wall (median)"
        if entry is None:
            add(name, None, goal, None, "s")
        else:
            note = f"CPU {entry['cpu_median_s']} s" + (
                f"; exit codes {entry['exit_codes']}" if entry["exit_codes"] != [0] else ""
            )
            add(name, entry["wall_median_s"], goal, startup.met(entry), "s", note)
    return out


ENGINE_NAMES = {
    "arcadedb": "ArcadeDB (embedded) + networkit",
    "neo4j": "Neo4j + GDS (local)",
    "external": "Neo4j of NEO4J_URI",
}


def combined(result: dict[str, Any]) -> dict[str, Any]:
    """A results file as {"engines": {kind: result}}; a single-engine file of an earlier harness wrapped."""
    if "engines" in result:
        return result
    kind = {"embedded": "arcadedb", "neo4j": "external"}.get(result["engine"], result["engine"])
    keys = ("date", "machine", "code", "settings")
    return {**{k: result.get(k) for k in keys}, "engines": {kind: {**result, "engine": kind}}}


def _engine_label(kind: str, result: dict[str, Any]) -> str:
    e = result.get("engine_info") or {}
    version = f" {e.get('product')} {e.get('version')}" if e.get("product") else ""
    gds = f", GDS {e['gds']}" if e.get("gds") else ""
    return f"{ENGINE_NAMES.get(kind, kind)}{f' ({version.strip()}{gds})' if version else ''}"


def _not_measured(result: dict[str, Any]) -> str | None:
    why = result.get("not_measured") or result.get("failed")
    return None if why is None else ("not measured: " if "not_measured" in result else "failed: ") + why


def goals_side_by_side(result: dict[str, Any]) -> list[str]:
    """One row per goal, one column per engine: the measured value and its status."""
    kinds = list(result["engines"])
    lines = [
        "| goal | " + " | ".join(_engine_label(k, result["engines"][k]) for k in kinds) + " |",
        "|---|" + "---|" * len(kinds),
    ]
    names: list[str] = []
    for one in result["engines"].values():
        names += [t["target"] for t in one.get("targets", []) if t["target"] not in names]
    for name in names:
        cells = []
        for kind in kinds:
            one = result["engines"][kind]
            t = next((t for t in one.get("targets", []) if t["target"] == name), None)
            if t is None or t["met"] is None:
                why = _not_measured(one)
                cells.append("not measured" + (f" ({why.split(': ', 1)[0]})" if why else ""))
                continue
            status = "met" if t["met"] else "**missed**"
            cells.append(f"{_f(t['value'])} {t['unit']}: {status}")
        lines.append(f"| {name} | " + " | ".join(cells) + " |")
    for kind in kinds:
        why = _not_measured(result["engines"][kind])
        if why:
            lines += ["", f"{ENGINE_NAMES.get(kind, kind)}: {why}"]
    return lines


def jobs_side_by_side(result: dict[str, Any], scale: str = "1") -> list[str]:
    """Each job's `valuenet jobs run` time per engine at `scale`, beside networkx on the same graph."""
    engines = result["engines"]
    kinds = [k for k in engines if engines[k].get("scales", {}).get(scale, {}).get("jobs")]
    if not kinds:
        return []
    jobs = {k: result["engines"][k]["scales"][scale]["jobs"] for k in kinds}
    names: list[str] = []
    for js in jobs.values():
        names += [n for n in js.get("jobs", {}) if n not in names]
    head = "| job | " + " | ".join(f"{ENGINE_NAMES.get(k, k)} s" for k in kinds) + " | networkx s |"
    lines = [head, "|---|" + "---:|" * (len(kinds) + 1)]
    for n in names:
        cells, nx_cell = [], "–"
        for k in kinds:
            j = jobs[k].get("jobs", {}).get(n) or {}
            cells.append(_f(j.get("seconds")) if j.get("seconds") is not None else "not run")
            nx_ = j.get("networkx") or {}
            if nx_cell == "–" and nx_.get("seconds") is not None:
                lb = ">" if nx_.get("lower_bound") else ""
                nx_cell = f"{lb}{_f(nx_['seconds'])}" + ("" if nx_.get("method") == "full" else "*")
        lines.append(f"| {n} | " + " | ".join(cells) + f" | {nx_cell} |")
    suite = [f"**{_f(jobs[k].get('suite_s'))}**" for k in kinds]
    nx_suite = next((js.get("networkx_suite_s") for js in jobs.values() if js.get("networkx_suite_s")), None)
    lines.append("| **whole suite (one `jobs run`)** | " + " | ".join(suite) + f" | {_f(nx_suite)} |")
    return lines


def markdown(result: dict[str, Any]) -> str:
    """The report of a run over one or more engines: the goals side by side, then each engine's report."""
    result = combined(result)
    m = result["machine"]
    kinds = list(result["engines"])
    lines = [
        f"# valuenet benchmark — {result['date']} — {', '.join(kinds)}",
        "",
        f"Machine: {m['cpu']}, {m['cores_logical']} logical cores, {m['ram_gb']} GB RAM, {m['os']}, "
        f"Python {m['python']}; load average at start {m.get('load_average_at_start')} (shared machine). "
        "The engines ran one after the other in this run, on the same generated tables.",
        "",
        "## Goals per engine",
        "",
        *goals_side_by_side(result),
        "",
    ]
    side = jobs_side_by_side(result)
    if side:
        lines += ["## Jobs side by side (scale 1)", "", *side, "", _JOBS_NOTE, ""]
    for kind in kinds:
        one = result["engines"][kind]
        lines += [f"## {_engine_label(kind, one)}", ""]
        why = _not_measured(one)
        if why:
            lines += [why, ""]
        if one.get("scales"):
            body = engine_markdown(one).splitlines()[2:]  # its title and machine line are above
            lines += [f"#{line}" if line.startswith("#") else line for line in body]
    return "\n".join(lines).rstrip("\n") + "\n"


_JOBS_NOTE = (
    "Each engine's jobs as users run them: one `valuenet jobs run` process over all jobs, start to exit "
    "(ArcadeDB: networkit over the streamed projection; Neo4j: GDS server-side). networkx on the same "
    "graph, measured once (\\* = extrapolated or capped, > = lower bound)."
)


def questions_table(result: dict[str, Any], scales: list[str]) -> list[str]:
    """An engine's questions: latency per scale beside its goal, the RETURN 1 ratio and the CPU per answer."""
    lines: list[str] = []
    add = lines.append
    runs = int(result.get("settings", {}).get("question_runs", 20))
    add(
        f"## Questions (a first run, then {runs} timed runs each with the header's `example:` parameters, "
        "through the read-only path)"
    )
    add("")
    if runs < 20:
        add(
            f"With {runs} timed runs a p95 is the slowest of {runs}; "
            "the CPU columns do not depend on the load."
        )
        add("")
    head, rule = "| question |", "|---|"
    for sc in scales:
        head += (
            f" {sc}x p50 ms | {sc}x p95 ms | {sc}x goal p95 | {sc}x p50 × RETURN 1 |"
            f" {sc}x engine / client CPU ms per answer |"
        )
        rule += "---:|---:|---|---:|---:|"
    add(head)
    add(rule)
    qnames: list[str] = []
    for sc in scales:
        for n in result["scales"][sc].get("questions", {}):
            if n not in qnames:
                qnames.append(n)
    for n in qnames:
        row = f"| {n} |"
        for sc in scales:
            q = result["scales"][sc].get("questions", {}).get(n, {})
            base = result["scales"][sc].get("baseline", {}).get("return1_readonly_p50_ms")
            if "error" in q:
                row += f" error | {q['error'][:60]} | | | |"
                continue
            p50 = q.get("p50_ms")
            goal = questions.goals(str(result.get("engine", "arcadedb"))).get(int(sc))
            verdict = f"{_f(goal, 0)} ms: {questions.status(q.get('p95_ms'), goal)}" if goal else "–"
            if q.get("answered_from", "live") != "live":
                verdict += f" ({q['answered_from']})"
            cpu = (
                f"{_f(q['engine_cpu_ms'], 1)} / {_f(q.get('client_cpu_ms'), 1)}"
                if "engine_cpu_ms" in q
                else "–"
            )
            row += (
                f" {_f(p50, 1)} | {_f(q.get('p95_ms'), 1)} | {verdict} |"
                f" {_f(p50 / base, 0) if p50 and base else '–'} | {cpu} |"
            )
        add(row)
    add("")
    return lines


def engine_markdown(result: dict[str, Any]) -> str:
    m = result["machine"]
    e = result.get("engine_info", {})
    scales = sorted(result.get("scales", {}), key=int)
    lines: list[str] = []
    add = lines.append
    add(f"# valuenet benchmark — {result['date']} — {result['engine']}")
    add("")
    add(
        f"Machine: {m['cpu']}, {m['cores_logical']} logical cores, {m['ram_gb']} GB RAM, {m['os']}, "
        f"Python {m['python']}; load average at start {m.get('load_average_at_start')} (shared machine)."
    )
    pk = m.get("packages", {})
    add(
        f"Engine: {e.get('product')} {e.get('version')} ({e.get('agent')}), heap {e.get('heap') or '–'}, "
        f"GDS {e.get('gds') or 'none'}; arcadedb-embedded {pk.get('arcadedb-embedded')}, neo4j driver "
        f"{pk.get('neo4j')}, networkit {pk.get('networkit')}, networkx {pk.get('networkx')}, "
        f"streamlit {pk.get('streamlit')}. Total run {_f(result.get('total_s'), 0)} s."
    )
    code = result.get("code")
    if code:
        add(
            f"Code: commit {code.get('commit')} ({code.get('dirty_files')} uncommitted files in the measured "
            "components at start)."
        )
    add("")
    add("## Targets")
    add("")
    add("| target | measured | status |")
    add("|---|---:|---|")
    for t in result.get("targets", []):
        status = {True: "met", False: "**missed**", None: "not measured"}[t["met"]]
        note = f" — {t['note']}" if t.get("note") else ""
        add(f"| {t['target']} | {_f(t['value'])} {t['unit']} | {status}{note} |")
    add("")
    cli = result.get("cli_start")
    if cli:
        add(
            f"## CLI start (the `valuenet` script, a new process per run: median of {cli['runs']} runs after "
            f"a warm-up; load average {cli['load_average_at_start']} at start)"
        )
        add("")
        add("| command | wall s median | wall s min – max | CPU s median | goal s | status |")
        add("|---|---:|---:|---:|---:|---|")
        for key in startup.GOALS:
            c = cli.get(key)
            if c:
                status = "met" if startup.met(c) else "**missed**"
                spread = f"{_f(c['wall_min_s'], 3)} – {_f(c['wall_max_s'], 3)}"
                add(
                    f"| `{c['command']}` | {_f(c['wall_median_s'], 3)} | {spread} | "
                    f"{_f(c['cpu_median_s'], 3)} | {_f(c['goal_s'], 1)} | {status} |"
                )
        add("")
        add("Wall far above CPU means the command waited for a core: the goals are for a quiet machine.")
        add("")
    add("## Baselines (same run)")
    add("")
    add("| scale | pure-Python loop (2M adds) ms | `RETURN 1` p50 ms | `RETURN 1` read-only path p50 ms |")
    add("|---:|---:|---:|---:|")
    for sc in scales:
        b = result["scales"][sc].get("baseline", {})
        add(
            f"| {sc} | {_f(b.get('python_loop_ms'))} | {_f(b.get('return1_p50_ms'))} | "
            f"{_f(b.get('return1_readonly_p50_ms'))} |"
        )
    add("")
    add("Ratios below: `× loop` = seconds / the pure-Python loop time of the same scale's run; "
        "`× RETURN 1` = latency / the read-only `RETURN 1` p50.")  # fmt: skip
    add("")
    add("## Load (reference graph from generated tables: dimensions + observed + synthetic mappings)")
    add("")
    add(
        "| scale | nodes | relationships | seconds | × loop | CPU s engine / loader | nodes/s | rels/s | "
        "engine peak RSS MB | loader peak RSS MB | slowest steps |"
    )
    add("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|")
    for sc in scales:
        ld = result["scales"][sc].get("load")
        if not ld:
            continue
        loop = result["scales"][sc].get("baseline", {}).get("python_loop_ms")
        steps: dict[str, float] = {}
        for ph_name, ph in ld.get("phases", {}).items():
            if isinstance(ph, dict):
                for k, v in (ph.get("write_steps_s") or {}).items():
                    steps[f"{ph_name}: {k}"] = steps.get(f"{ph_name}: {k}", 0.0) + v
                if "prepare_s" in ph:
                    steps[f"{ph_name}: prepare (read+validate)"] = ph["prepare_s"]
        top = ", ".join(f"{k} {v:.1f} s" for k, v in sorted(steps.items(), key=lambda kv: -kv[1])[:3])
        add(
            f"| {sc} | {_f(ld['nodes'])} | {_f(ld['relationships'])} | {_f(ld['seconds'], 1)} | "
            f"{_f(ld['seconds'] * 1000 / loop, 0) if loop else '–'} | "
            f"{_f(ld.get('engine_cpu_s'), 0)} / {_f(ld.get('loader_cpu_s'), 0)} | "
            f"{_f(ld['nodes_per_s'], 0)} | "
            f"{_f(ld['relationships_per_s'], 0)} | {_f(ld['engine_peak_rss_mb'], 0)} | "
            f"{_f(ld['loader_peak_rss_mb'], 0)} | {top} |"
        )
    add("")
    add("## Jobs (`valuenet jobs run` end to end: projection, compute, write-back and publish, bookkeeping)")
    add("")
    head = "| job |"
    rule = "|---|"
    for sc in scales:
        head += f" {sc}x job s | {sc}x networkit s | {sc}x networkx s | {sc}x networkx ÷ job |"
        rule += "---:|---:|---:|---:|"
    add(head)
    add(rule)
    names: list[str] = []
    for sc in scales:
        for n in result["scales"][sc].get("jobs", {}).get("jobs", {}):
            if n not in names:
                names.append(n)
    notes: dict[str, str] = {}
    notes_skipped: list[str] = []
    for n in names:
        row = f"| {n} |"
        for sc in scales:
            j = result["scales"][sc].get("jobs", {}).get("jobs", {}).get(n)
            if not j:
                row += " – | – | – | – |"
                continue
            if j.get("seconds") is None:
                row += f" not run (predicted {_f(j.get('predicted_s'), 0)}) | – | – | – |"
                notes_skipped.append(f"{n} at scale {sc}: {j.get('skipped')}")
                continue
            nx_ = j.get("networkx") or {}
            lb = ">" if nx_.get("lower_bound") else ""
            ratio = j.get("networkx_over_job")
            star = "" if nx_.get("method") in (None, "full") else "*"
            if star:
                notes[n] = nx_.get("method", "")
            row += (
                f" {_f(j['seconds'])} | {_f(j.get('networkit_s'), 3)} | {lb}{_f(nx_.get('seconds'))}{star} | "
                f"{lb}{_r(ratio)} |"
            )
        add(row)
    row = "| **whole suite** |"
    for sc in scales:
        js = result["scales"][sc].get("jobs", {})
        lb = ">" if js.get("networkx_suite_lower_bound") else ""
        partial = (
            ""
            if js.get("suite_complete", True)
            else f" (+ skipped: ~{_f(js.get('suite_with_predicted_s'), 0)})"
        )
        row += (
            f" **{_f(js.get('suite_s'))}**{partial} | {_f(js.get('networkit_suite_s'), 3)} | "
            f"{lb}{_f(js.get('networkx_suite_s'))} | **{lb}{_f(js.get('networkx_over_suite'), 1)}** |"
        )
    add(row)
    add("")
    for sc in scales:
        js = result["scales"][sc].get("jobs", {})
        if js.get("phases_s"):
            add(
                f"Where the suite's {_f(js.get('suite_s'))} s went (scale {sc}): "
                + ", ".join(f"{k} {_f(v)} s" for k, v in js["phases_s"].items())
                + (
                    f" (the publication ran {_f(js['publish_beside_s'])} s more on its thread beside the "
                    "summary jobs' compute, counted there once)"
                    if js.get("publish_beside_s")
                    else ""
                )
                + ". A job's seconds: its own (its share of the one fetch, compute) plus its share of the "
                "run's one publication."
            )
            add("")
        full = full_only_parts(js)
        if full:
            add(
                f"The jobs networkx runs in full (scale {sc}): "
                f"{_f(sum(v for k, v in full.items() if k not in ('networkx', 'ceiling')))} s = projection "
                f"{_f(full['projection'])} s (the run's one fetch of the graph, carried by the first job), "
                f"compute {_f(full['compute'])} s, their share of the publication "
                f"{_f(full['publication'])} s, the rest {_f(full['rest'])} s; networkx "
                f"{_f(full['networkx'])} s, on a graph already in "
                "memory, writing nothing. With the fetch and their publication as they are, the ratio "
                f"cannot pass {_r(full['ceiling'])}x even at no compute."
            )
            add("")
        if js.get("suite_note"):
            add(f"Note: {js['suite_note']}.")
            add("")
    if notes_skipped:
        add("Jobs not run: " + "; ".join(notes_skipped) + ".")
        add("")
    if notes:
        add("\\* networkx not run in full: " + "; ".join(f"{k}: {v}" for k, v in notes.items()) + ".")
        add("")
    cpu = [
        f"scale {sc}: engine {_f(c.get('engine'), 0)} s, harness Python {_f(c.get('python'), 0)} s"
        for sc in scales
        if (c := result["scales"][sc].get("jobs", {}).get("suite_cpu_s"))
    ]
    if cpu:
        add("CPU seconds during the suite (contention-independent): " + "; ".join(cpu) + ".")
        add("")
    lines += questions_table(result, scales)
    fewer = [
        f"{n} at scale {sc} ({q['runs']} runs)"
        for sc in scales
        for n, q in result["scales"][sc].get("questions", {}).items()
        if "runs" in q and q["runs"] < int(result.get("settings", {}).get("question_runs", 20))
    ]
    if fewer:
        add(
            "Fewer timed runs where the first run was slow (the runs that fit a 30 s budget, at least 3; "
            "p95 of so few runs is their maximum): " + ", ".join(fewer) + "."
        )
        add("")
    ex = result.get("scales", {}).get("1", {}).get("explorer") or {}
    if ex.get("pages"):
        add("## Explorer (scale 1, streamlit AppTest; cold = caches cleared, warm = rerun)")
        add("")
        add(f"App start (imports, first run of the default page): {_f(ex.get('app_start_s'))} s.")
        add("")
        add("| page | first render s (cold) | rerun s (warm) | errors |")
        add("|---|---:|---:|---|")
        for p, r in ex["pages"].items():
            add(f"| {p} | {_f(r['cold_s'])} | {_f(r['warm_s'])} | {'; '.join(r['errors'])[:120] or '–'} |")
        add("")
    elif ex:
        add(f"## Explorer\n\n{ex}\n")
    for line in explorer_browser_lines(ex.get("browser") or {}):
        add(line)
    findings = result.get("findings") or []
    if findings:
        add("## What dominates where targets are missed")
        add("")
        for f in findings:
            add(f"- {f}")
        add("")
    return "\n".join(lines) + "\n"


def explorer_browser_lines(b: dict[str, Any]) -> list[str]:
    """The explorer as a reader waits for it in Chromium (bench/explorer.py `browser`), against its goal."""
    if not b:
        return []
    if "one_click" not in b:
        return [f"Explorer in Chromium: {b.get('skipped') or b.get('error')}", ""]
    out = [
        "### Explorer in Chromium (scale 1; a fresh tab each visit; the first visit asks the engine)",
        "",
        f"Load average {b.get('load_at_start')} at start, {b.get('load_at_end')} at the end.",
        "",
        "| flow | first s | later, median s | goal | status |",
        "|---|---:|---:|---:|---|",
    ]
    flows = {"one click on 谁在为广州汽车制造业赋能？ → answer drawn": b["one_click"]}
    for k, v in b.items():
        if k.startswith("organisation "):  # since session 6: the reader's way there, and a new tab's
            flows[f"{k} page{' (' + v['path'] + ')' if 'path' in v else ''} → why central reads"] = v
            if "new_tab" in v:
                flows[f"{k} page in a new tab → why central reads"] = v["new_tab"]
    if "start_figures" in b:  # results of before December 2026 have the visits only (below)
        flows["start page (a new tab) → its figures show"] = b["start_figures"]
    for name, r in flows.items():
        status = "met" if r["met"] else "missed"
        first, later, goal = _f(r["first_s"]), _f(r["later_median_s"]), _f(r["goal_s"], 0)
        out.append(f"| {name} | {first} | {later} | ≤ {goal} | {status} |")
    if "start_figures_tab_median_s" in b:  # since session 8: what the browser worked, steadier under load
        figures_tab, click_tab = _f(b["start_figures_tab_median_s"]), _f(b["one_click_tab_median_s"])
        out += [
            "",
            "The tab's main-thread task time (Chromium's TaskDuration, later median): start page → its"
            f" figures {figures_tab} s, one click → answer {click_tab} s.",
        ]
    figures = [v["start_figures_s"] for v in b.get("start_page", [])]
    if figures and "start_figures" not in b:
        shown = f"first visit {_f(figures[0])} s, later {_f(figures[-1])} s"
        out += ["", f"Start page until its figures show: {shown}."]
    return [*out, ""]


def readme_section(result: dict[str, Any], results_file: str) -> str:
    """The generated block of the README's Performance section: machine and load, the goals per engine
    side by side, the jobs side by side, and a compact table per engine and scale."""
    result = combined(result)
    m = result["machine"]
    kinds = list(result["engines"])
    out: list[str] = []
    code = result.get("code") or {}
    at = f", code at commit {code['commit']}" if code.get("commit") else ""
    out.append(
        f"Latest `make bench` ({result['date'][:10]}{at}; engines one after the other in one run: "
        f"{', '.join(_engine_label(k, result['engines'][k]) for k in kinds)}) on {m['cpu']}, "
        f"{m['cores_logical']} cores, {m['ram_gb']} GB RAM, Python {m['python']} — a shared machine (load "
        f"average {m.get('load_average_at_start')} at start), so read the times as same-run ratios. Full "
        f"results: [`{results_file}`]({results_file}) (and the `.json` beside it)."
    )
    out += ["", *goals_side_by_side(result)]
    side = jobs_side_by_side(result)
    if side:
        out += ["", *side, "", _JOBS_NOTE]
    out += [
        "",
        "| engine | scale | heap | load s | nodes/s | rels/s | engine peak MB | job suite s "
        "| networkit alone s | networkx ÷ suite | question p50 (median) ms | question p95 (worst) ms "
        "| `RETURN 1` ms |",
        "|---|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for kind in kinds:
        one = result["engines"][kind]
        for sc in sorted(one.get("scales", {}), key=int):
            r = one["scales"][sc]
            ld, js, qs = r.get("load", {}), r.get("jobs", {}), r.get("questions", {})
            b = r.get("baseline", {})
            p50 = sorted(q["p50_ms"] for q in qs.values() if "p50_ms" in q)
            p95 = [q["p95_ms"] for q in qs.values() if "p95_ms" in q]
            suite = _f(js.get("suite_s"))
            if js and not js.get("suite_complete", True):
                suite += " (partial)"
            peaks = [p for p in (ld.get("engine_peak_rss_mb"), js.get("engine_peak_rss_mb")) if p]
            lb = ">" if js.get("networkx_suite_lower_bound") else ""
            median = p50[len(p50) // 2] if p50 else None
            out.append(
                f"| {kind} | {sc} | {r.get('heap') or '–'} | {_f(ld.get('seconds'), 1)} | "
                f"{_f(ld.get('nodes_per_s'), 0)} | {_f(ld.get('relationships_per_s'), 0)} | "
                f"{_f(max(peaks) if peaks else None, 0)} | {suite} | {_f(js.get('networkit_suite_s'))} | "
                f"{lb}{_f(js.get('networkx_over_suite'), 1)} | {_f(median, 0)} | "
                f"{_f(max(p95) if p95 else None, 0)} | {_f(b.get('return1_readonly_p50_ms'))} |"
            )
    for kind in kinds:
        one = result["engines"][kind]
        ex = one.get("scales", {}).get("1", {}).get("explorer", {}).get("pages", {})
        if ex:
            out += ["", f"Explorer first render on {kind} (scale 1, AppTest, cold caches): " + ", ".join(
                f"{p} {_f(r['cold_s'], 1)} s" for p, r in ex.items()
            ) + "."]  # fmt: skip
        if one.get("findings"):
            out += ["", f"Where the time goes on {kind}:", ""] + [f"- {f}" for f in one["findings"]]
    out += [
        "",
        "Run it with `make bench` (scales 1 and 10, each on a fresh ArcadeDB and then a fresh local "
        "Neo4j + GDS in temp folders; without Java the Neo4j column says not measured; `BENCH_SCALE100=1` "
        "adds scale 100; with `NEO4J_URI` set it benchmarks that Neo4j instead; "
        "`make bench BENCH_ARGS='--engines arcadedb --only cli --scales 1'` measures only the CLI start "
        "times, in a minute); `python -m bench --help` "
        "lists the options.",
        "",
    ]
    return "\n".join(out)


def _heaps(result: dict[str, Any]) -> dict[str, str]:
    return {
        sc: str(r.get("heap") or result.get("engine_info", {}).get("heap"))
        for sc, r in result["scales"].items()
    }
