"""GDS backend: the one module that calls Neo4j Graph Data Science. It only executes: what to call with
which configuration is the algorithm catalogue's `GdsCall` (gds_jobs/algorithms).

Every call is a `.cypher` template under `cypher/jobs/gds/` run through a `valuenet.db.QueryRunner`
(`Graph` in production, `RecordingRunner` in unit tests): plain, reviewable Cypher with parameters.

Per job: project the job's graph-model projection with the `gds.graph.project` Cypher aggregation
(`jobs/gds/project`: the same MATCH as the local backend's stream, reversed or undirected as the job
needs), estimate the algorithm's memory and refuse when it exceeds the free heap, run in write mode into
the run's staging property, and always drop the projection. Concurrency is fixed (default 4, the
Community edition cap) unless the call fixes it, and recorded with the whole configuration.
"""

from __future__ import annotations

from typing import Any

from gds_jobs.algorithms.base import GdsCall, Orientation, Params, ProgressFn, Result
from gds_jobs.catalogue import Job
from valuenet import queries
from valuenet.db import QueryRunner
from valuenet.focal import Focal
from valuenet.model import MODEL

# What every write mode yields, as the write query returns it; a call's own `yields` come after.
WRITE_YIELDS = {
    "nodePropertiesWritten": "node_properties_written",
    "computeMillis": "compute_millis",
    "writeMillis": "write_millis",
}


class InsufficientMemoryError(RuntimeError):
    """GDS estimated more heap than is free: the job was refused before running."""


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
        focal.model, projection=job.projection, orientation=orientation.value
    )


class GdsBackend:
    name = "gds"

    def __init__(
        self,
        runner: QueryRunner,
        *,
        focal: Focal | None = None,
        concurrency: int = 4,
        graph_prefix: str = "valuenet_",
    ) -> None:
        self.runner = runner
        self.focal = focal or Focal(MODEL)  # default: the model's focal set as declared
        self.concurrency = concurrency
        self.graph_prefix = graph_prefix

    def engine_note(self) -> str:
        return "Neo4j Graph Data Science"

    def project_config(self, job: Job) -> dict[str, Any]:
        config: dict[str, Any] = {"readConcurrency": self.concurrency}
        if projected_orientation(job) is Orientation.UNDIRECTED:
            config["undirectedRelationshipTypes"] = ["*"]
        return config

    def write_config(self, call: GdsCall, staged: str) -> dict[str, Any]:
        """The complete write-mode configuration of a catalogue call."""
        return {"writeProperty": staged, "concurrency": call.concurrency or self.concurrency, **call.config}

    def execute(self, job: Job, params: Params, staged: str | None, progress: ProgressFn) -> Result:
        gds_call = job.algorithm.gds
        if gds_call is None or staged is None:
            raise ValueError(f"job {job.name!r} ({job.algorithm.name}) has no GDS implementation")
        graph_name = f"{self.graph_prefix}{staged}"
        progress("projecting (GDS)", 0.05)
        projected = self.runner.run(
            project_query(job, self.focal), {"graph_name": graph_name, "config": self.project_config(job)}
        )
        try:
            nodes = int(projected[0]["node_count"]) if projected else 0
            rels = int(projected[0]["relationship_count"]) if projected else 0
            job.require_relationships(rels, self.focal)
            call = gds_call(params, job.orientation, nodes)
            config = self.write_config(call, staged)
            facts: dict[str, Any] = dict(call.facts)
            arguments = {"graph_name": graph_name, "config": config}
            progress("estimating memory", 0.2)
            if call.estimate:
                estimate = self.runner.run(
                    queries.load("jobs/gds/estimate").render(procedure=call.procedure), arguments
                )
                heap = self.runner.run(queries.text("jobs/gds/free_heap"))
                need = int(estimate[0]["bytes_max"]) if estimate else 0
                free = int(heap[0]["free_heap"]) if heap else 0
                facts["gds_estimated_bytes"] = need
                facts["gds_free_heap_bytes"] = free
                if need > free:
                    raise InsufficientMemoryError(
                        f"GDS estimates {job.name} needs up to {_fmt_bytes(need)} of heap "
                        f"({estimate[0].get('required_memory', '?')}), but only {_fmt_bytes(free)} is free. "
                        "Raise the Neo4j heap (NEO4J_server_memory_heap_max__size), lower concurrency, "
                        "or run with --backend local."
                    )
            else:
                facts["gds_estimate"] = "not available for this procedure"
            progress("computing and writing (GDS)", 0.4)
            write = queries.load("jobs/gds/write").render(
                procedure=call.procedure, yields={**WRITE_YIELDS, **call.yields}
            )
            out = self.runner.run(write, arguments)
            row = out[0] if out else {}
            facts |= {name: row[name] for name in call.yields.values() if row.get(name) is not None}
            facts["gds_concurrency"] = config["concurrency"]
            facts["gds_config"] = repr(sorted(config.items()))
            return Result(nodes, rels, facts)
        finally:
            self.runner.run(queries.text("jobs/gds/drop"), {"graph_name": graph_name})
