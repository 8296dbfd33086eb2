"""Benchmark the jobs on a random graph the size of the 2021 value network (43,742 nodes / 97,980 rels).

    .venv/bin/python benchmarks/bench_jobs.py [--scale 1.0] [--exact] [--out benchmarks/results/jobs.json]

Starts its own embedded engine in a temporary folder (free ports), loads a synthetic value network
(2,205 samples, relation nodes, every relationship with a sample at one end, heavy-tailed degrees, the
report's mix of technology / talent / investment relations), then runs every job on the local backend and
prints and saves the timings. Timings belong here, not in the tests.
"""

from __future__ import annotations

import argparse
import json
import platform
import random
import signal
import socket
import sys
import tempfile
import time
import uuid
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from gds_jobs import registry  # noqa: E402
from gds_jobs.local import LocalBackend  # noqa: E402
from gds_jobs.runner import run_job  # noqa: E402
from valuenet import schema, server  # noqa: E402
from valuenet.config import ConnectionInfo, Settings  # noqa: E402
from valuenet.db import Graph  # noqa: E402

SAMPLES, RELATION_NODES, EDGES = 2205, 41537, 97980
# The report's edge mix: technology 51,168, talent 21,340 (study 4,826 / work 16,514), investment 25,477.
MIX = [("EMPOWERS", 0.522), ("SUPPLIES_TALENT", 0.218), ("INVESTS_IN", 0.260)]

CREATE = {
    "Organization:Sample": "UNWIND $rows AS row CREATE (:Organization:Sample {id: row.id, name_zh: row.id})",
    "Organization": "UNWIND $rows AS row CREATE (:Organization {id: row.id, name_zh: row.id})",
    "EMPOWERS": "UNWIND $rows AS row MATCH (a:Organization {id: row.s}), (b:Organization {id: row.t}) "
    "CREATE (a)-[:EMPOWERS]->(b)",
    "SUPPLIES_TALENT": "UNWIND $rows AS row MATCH (a:Organization {id: row.s}), (b:Organization {id: row.t}) "
    "CREATE (a)-[:SUPPLIES_TALENT {experience: row.x}]->(b)",
    "INVESTS_IN": "UNWIND $rows AS row MATCH (a:Organization {id: row.s}), (b:Organization {id: row.t}) "
    "CREATE (a)-[:INVESTS_IN]->(b)",
}


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def synthetic(scale: float, seed: int = 2021) -> tuple[list[str], list[str], dict[str, list[dict[str, Any]]]]:
    rnd = random.Random(seed)
    ns, nr, m = int(SAMPLES * scale), int(RELATION_NODES * scale), int(EDGES * scale)
    samples = [f"s{i}" for i in range(ns)]
    relations = [f"r{i}" for i in range(nr)]
    # Heavy tails: Pareto weights on both sides (a few hubs like Huawei, Tsinghua, Sequoia).
    sw = [rnd.paretovariate(1.1) for _ in samples]
    rw = [rnd.paretovariate(1.6) for _ in relations]
    rels: dict[str, list[dict[str, Any]]] = {t: [] for t, _ in MIX}
    seen: set[tuple[str, str, str]] = set()
    types = [t for t, _ in MIX]
    weights = [w for _, w in MIX]

    def add(s: str, r: str, t: str) -> None:
        if s == r:
            return
        if t == "EMPOWERS":  # input or empowerment of the sample
            a, b = (r, s) if rnd.random() < 0.3 else (s, r)
        else:  # talent and investment flow into the sample
            a, b = r, s
        key = (a, b, t)
        if key in seen:
            return
        seen.add(key)
        row: dict[str, Any] = {"s": a, "t": b}
        if t == "SUPPLIES_TALENT":
            row["x"] = "study" if rnd.random() < 0.226 else "work"
        rels[t].append(row)

    # Every relation node has at least one relation (as in the report: relation nodes exist through them).
    for r, s, t in zip(
        relations, rnd.choices(samples, sw, k=nr), rnd.choices(types, weights, k=nr), strict=True
    ):
        add(s, r, t)
    while sum(len(v) for v in rels.values()) < m:
        batch = 20000
        ss = rnd.choices(samples, sw, k=batch)
        # 8% of relations join two samples (samples are linked to each other too).
        rr = [rnd.choice(samples) if rnd.random() < 0.08 else r for r in rnd.choices(relations, rw, k=batch)]
        tt = rnd.choices(types, weights, k=batch)
        for s, r, t in zip(ss, rr, tt, strict=True):
            add(s, r, t)
            if sum(len(v) for v in rels.values()) >= m:
                break
    return samples, relations, rels


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--scale", type=float, default=1.0)
    ap.add_argument("--exact", action="store_true", help="also run exact betweenness and exact path lengths")
    ap.add_argument("--heap", default="3g")
    ap.add_argument("--out", type=Path, default=ROOT / "benchmarks" / "results" / "jobs.json")
    args = ap.parse_args()

    home = Path(tempfile.mkdtemp(prefix="valuenet-bench-"))
    settings = Settings(
        _env_file=None,
        neo4j_uri=None,
        valuenet_home=home,
        valuenet_bolt_port=free_port(),
        valuenet_http_port=free_port(),
        valuenet_heap=args.heap,
    )
    results: dict[str, Any] = {
        "scale": args.scale,
        "machine": {"python": platform.python_version(), "cpus": __import__("os").cpu_count()},
        "timings_s": {},
    }
    # SIGTERM -> SystemExit, so the `finally` below stops the engine we started.
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))
    t0 = time.perf_counter()
    st = server.start(settings)
    results["timings_s"]["server_start"] = round(time.perf_counter() - t0, 2)
    try:
        name = f"bench_{uuid.uuid4().hex[:8]}"
        server.create_database(settings, name)
        assert st.uri and st.username and st.password
        g = Graph(ConnectionInfo(st.uri, st.username, st.password, name, embedded=True), query_timeout=600)
        schema.apply(g)
        samples, relations, rels = synthetic(args.scale)
        t0 = time.perf_counter()
        g.write_batches(CREATE["Organization:Sample"], [{"id": i} for i in samples])
        g.write_batches(CREATE["Organization"], [{"id": i} for i in relations])
        for t, rows in rels.items():
            g.write_batches(CREATE[t], rows)
        results["timings_s"]["load"] = round(time.perf_counter() - t0, 2)
        nodes, edges = g.counts()
        results["graph"] = {"nodes": nodes, "relationships": edges}
        print(
            f"loaded {nodes:,} nodes / {edges:,} relationships in {results['timings_s']['load']} s",
            flush=True,
        )
        plan: list[tuple[str, dict[str, Any]]] = [(j, {}) for j in registry.JOBS]
        if args.exact:
            plan += [("betweenness", {"exact": True}), ("network_stats", {"exact_paths": True})]
        runs: dict[str, Any] = {}
        for job, overrides in plan:
            label = job + ("+exact" if overrides else "")
            t0 = time.perf_counter()
            rec = run_job(g, registry.get(job), backend=LocalBackend(g), overrides=overrides)
            wall = round(time.perf_counter() - t0, 2)
            runs[label] = {"wall_s": wall, "facts": rec.facts, "stats": rec.stats}
            results["timings_s"][label] = wall
            shown = {k: v for k, v in rec.facts.items() if k.endswith("_s") or k == "betweenness_samples"}
            print(f"{label:<24} {wall:8.2f} s  {json.dumps(shown)}", flush=True)
            if rec.stats:
                print(f"{'':<24} {json.dumps(rec.stats, default=str)[:400]}", flush=True)
        results["runs"] = runs
        # The whole suite as `valuenet jobs run` does it: one backend, each projection streamed once.
        shared = LocalBackend(g, share_projections=True)
        t0 = time.perf_counter()
        for job in registry.JOBS:
            run_job(g, registry.get(job), backend=shared)
        results["timings_s"]["suite_shared_projections"] = round(time.perf_counter() - t0, 2)
        print(
            f"{'whole suite (shared)':<24} {results['timings_s']['suite_shared_projections']:8.2f} s",
            flush=True,
        )
        g.close()
    finally:
        server.stop(settings)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(
        json.dumps(results, indent=2, ensure_ascii=False, default=str) + "\n", encoding="utf-8"
    )
    print(f"saved {args.out}")


if __name__ == "__main__":
    main()
