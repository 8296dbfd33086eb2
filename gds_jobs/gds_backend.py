"""GDS backend: the one module that calls Neo4j Graph Data Science, through the official `graphdatascience`
client. It only executes: what to call with which parameters is the algorithm catalogue's `GdsCall`
(gds_jobs/algorithms).

Per job: project the job's graph-model projection with the `gds.graph.project` Cypher aggregation
(`cypher/jobs/gds/project.cypher`: the same MATCH as the local backend's stream, reversed or undirected as
the job needs); estimate the algorithm's memory and refuse when it exceeds the heap GDS has available
(`gds.debug.sysInfo`: the open GDS has no `gds.systemMonitor`); run in write mode into the run's staging
property; always drop the projection, also when projecting or the algorithm failed (a process killed
mid-run cannot: `drop_stale_projections`, called by the next run). Concurrency is fixed
(default 4, the Community edition cap) unless the call fixes it; it and the whole configuration, seeds
included, are recorded on the run.
"""

from __future__ import annotations

import re
import time
from typing import TYPE_CHECKING, Any

from gds_jobs.algorithms.base import Orientation, Params, ProgressFn, Result
from gds_jobs.catalogue import Job
from valuenet import queries
from valuenet.db import Graph
from valuenet.focal import Focal
from valuenet.model import MODEL

if TYPE_CHECKING:
    from graphdatascience import GraphDataScience

GRAPH_PREFIX = "valuenet_"  # + the run's staging property, `<property>__<run id>` (runner.staged_property)

# What every write result reports, recorded on the run; a call's own `yields` come on top.
WRITE_YIELDS = {
    "node_properties_written": "node_properties_written",
    "compute_millis": "gds_compute_millis",
    "write_millis": "gds_write_millis",
}


class InsufficientMemoryError(RuntimeError):
    """GDS estimated more heap than is available: the job was refused before running."""


def _fmt_bytes(n: float) -> str:
    for unit in ("B", "KiB", "MiB", "GiB", "TiB"):
        if abs(n) < 1024:
            return f"{n:.1f} {unit}"
        n /= 1024
    return f"{n:.1f} PiB"


def projected_orientation(job: Job) -> Orientation:
    """The orientation the projection is built in: as stored when GDS takes the orientation as
    configuration (degree), else the job's (REVERSE: reversed, UNDIRECTED: each linked pair once)."""
    return Orientation.NATURAL if job.algorithm.gds_takes_orientation else job.orientation


def project_query(job: Job, focal: Focal) -> str:
    orientation = projected_orientation(job)
    return queries.load("jobs/gds/project").render(
        focal.model,
        projection=job.projection,
        orientation=orientation.value,
        shuffled=job.algorithm.gds_samples_by_node_order,
    )


def gds_client(graph: Graph) -> GraphDataScience:
    """The official client on the graph's own driver and database (Bolt only: no Arrow server here)."""
    from graphdatascience import GraphDataScience  # pulls in pandas: only when GDS runs

    return GraphDataScience(graph.driver, database=graph.info.database, arrow=False, show_progress=False)


class GdsBackend:
    name = "gds"

    def __init__(
        self,
        gds: GraphDataScience,
        *,
        focal: Focal | None = None,
        concurrency: int = 4,
        graph_prefix: str = GRAPH_PREFIX,
    ) -> None:
        self.gds = gds
        self.focal = focal or Focal(MODEL)  # default: the model's focal set as declared
        self.concurrency = concurrency
        self.graph_prefix = graph_prefix

    @classmethod
    def on(cls, graph: Graph, *, focal: Focal | None = None, concurrency: int = 4) -> GdsBackend:
        return cls(gds_client(graph), focal=focal, concurrency=concurrency)

    def engine_note(self) -> str:
        return "Neo4j Graph Data Science"

    def project_config(self, job: Job) -> dict[str, Any]:
        config: dict[str, Any] = {"readConcurrency": self.concurrency}
        if projected_orientation(job) is Orientation.UNDIRECTED:
            config["undirectedRelationshipTypes"] = ["*"]
        return config

    def execute(self, job: Job, params: Params, staged: str | None, progress: ProgressFn) -> Result:
        gds_call = job.algorithm.gds
        if gds_call is None or staged is None:
            raise ValueError(f"job {job.name!r} ({job.algorithm.name}) has no GDS implementation")
        graph_name = f"{self.graph_prefix}{staged}"
        progress("projecting (GDS)", 0.05)
        started = time.perf_counter()
        try:
            order = (
                {"order_seed": getattr(params, "seed", 0) % 2**31}
                if job.algorithm.gds_samples_by_node_order
                else {}
            )
            projected_graph, projected = self.gds.graph.project.cypher(
                project_query(job, self.focal),
                graph_name=graph_name,
                config=self.project_config(job),
                **order,
            )
            nodes, rels = int(projected.node_count), int(projected.relationship_count)
            # As the local backend's timings: the projection, then the algorithm (here with GDS's own write
            # of the staging property, which write_millis tells apart)
            timings = {"stream_s": round(time.perf_counter() - started, 3)}
            started = time.perf_counter()
            job.require_relationships(rels, self.focal)
            call = gds_call(params, job.orientation, nodes)
            config = {"concurrency": call.concurrency or self.concurrency, **call.config}
            algorithm = getattr(self.gds, call.endpoint)
            facts: dict[str, Any] = dict(call.facts)
            progress("estimating memory", 0.2)
            if call.estimate:
                estimate = algorithm.estimate(projected_graph, **config)
                available = self.gds.debug.sys_info().available_heap_in_bytes
                facts["gds_estimated_bytes"] = need = int(estimate.bytes_max)
                facts["gds_available_heap_bytes"] = available
                if available is not None and need > available:
                    raise InsufficientMemoryError(
                        f"GDS estimates {job.name} needs up to {_fmt_bytes(need)} of heap "
                        f"({estimate.required_memory}), but only {_fmt_bytes(available)} is available. "
                        "Raise the Neo4j heap (VALUENET_HEAP, or NEO4J_server_memory_heap_max__size in "
                        "docker compose), lower concurrency, or run with --backend local."
                    )
            else:
                facts["gds_estimate"] = "not available for this procedure"
            progress("computing and writing (GDS)", 0.4)
            seeded: dict[str, Any] = {}
            for n in range(1, call.passes):
                pass_property = f"{staged}_pass{n}"
                algorithm.mutate(projected_graph, mutate_property=pass_property, **config, **seeded)
                seeded = {"seed_property": pass_property}
            out = algorithm.write(projected_graph, write_property=staged, **config, **seeded)
            if call.scale_written is not None:
                self.gds.run_cypher(
                    queries.text("jobs/gds/scale_scores"), {"property": staged, "factor": call.scale_written}
                )
                facts["gds_scores_scaled_by"] = call.scale_written
            for field, fact in {**WRITE_YIELDS, **call.yields}.items():
                value = getattr(out, field, None)  # not every write result has every field
                if value is not None:
                    facts[fact] = value
            timings["compute_s"] = round(time.perf_counter() - started, 3)
            facts.update(timings)
            facts["gds_endpoint"] = call.endpoint
            facts["gds_concurrency"] = config["concurrency"]
            facts["gds_config"] = repr(sorted(config.items()))
            if call.passes > 1:
                facts["gds_passes"] = call.passes
            return Result(nodes, rels, facts)
        finally:
            self.gds.graph.drop(graph_name, fail_if_missing=False)


def drop_stale_projections(graph: Graph) -> list[str]:
    """Drop the GDS projections of job runs that are no longer running (their process was killed before
    its own drop: the projection would hold GDS heap until Neo4j restarts); returns their names. Only
    names a job run gives its projection, and only runs not recorded as running: a live run's projection
    and anyone else's graphs stay."""
    from gds_jobs.runner import RUN_ID_PATTERN  # the runner imports this module

    ours_pattern = re.compile(rf"{GRAPH_PREFIX}\w+__(?P<run>{RUN_ID_PATTERN})")
    gds = gds_client(graph)
    names = [info.graph_name for info in gds.graph.list()]
    ours = {n: m["run"] for n in names if (m := ours_pattern.fullmatch(n))}
    if not ours:
        return []
    running = {str(row["id"]) for row in graph.read(queries.text("jobs/runs_running"))}
    stale = sorted(n for n, run in ours.items() if run not in running)
    for name in stale:
        gds.graph.drop(name, fail_if_missing=False)
    return stale
