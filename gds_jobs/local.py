"""Local backend: stream the job's projection with one Cypher query, run the algorithm's networkit
implementation from the catalogue, write the scores back (`Graph.set_property`).

Same property names and scales as GDS; what differs (PageRank convergence, betweenness sampling,
community labels and seeds) is listed in gds_jobs/README.md.
"""

from __future__ import annotations

import dataclasses
import math
import time

from gds_jobs.algorithms.base import Computed, Orientation, Params, ProgressFn, Result, ScoreKind
from gds_jobs.algorithms.graphs import Projected, collect
from gds_jobs.catalogue import Job
from valuenet import queries
from valuenet.db import Graph
from valuenet.focal import Focal
from valuenet.model import MODEL, GraphModel


def stream(graph: Graph, projection: str, model: GraphModel | None = None) -> Projected:
    """A projection of the graph model (with its focal set), streamed in stored direction
    (`jobs/stream_projection`)."""
    query = queries.load("jobs/stream_projection").render(model, projection=projection)
    return collect(graph.stream(query))


def counted_relationships(graph: Graph, projection: str, model: GraphModel | None = None) -> int:
    """The relationships `projection` counts before parallel ones merge into pairs."""
    query = queries.load("jobs/count_projection").render(model, projection=projection)
    return int(graph.read(query)[0]["n"])


def compute(job: Job, p: Projected, params: Params) -> Computed:
    """The job's algorithm (networkit) on a projection in memory."""
    return job.algorithm.local(p, job.orientation, params)


class LocalBackend:
    """networkit on a streamed projection; writes `<property>__<run id>` with `Graph.set_property`."""

    name = "local"

    def __init__(
        self,
        graph: Graph,
        *,
        focal: Focal | None = None,
        batch_size: int = 5000,
        concurrency: int = 2,
        share_projections: bool = False,
    ) -> None:
        self.graph = graph
        self.focal = focal or Focal(MODEL)  # default: the model's focal set as declared
        self.batch_size = batch_size
        self.concurrency = concurrency
        # With share_projections, jobs run through this backend stream each projection once and all
        # compute on that same snapshot (a batch of jobs, e.g. `valuenet jobs run`).
        self.share_projections = share_projections
        self._projections: dict[str, Projected] = {}

    def project(self, job: Job) -> Projected:
        """The job's projection; every orientation is derived from the one stream in stored direction."""
        model = self.focal.model
        p = self._projections.get(job.projection) or stream(self.graph, job.projection, model)
        if job.algorithm.counts_relationships and p.counted_relationships is None:
            counted = counted_relationships(self.graph, job.projection, model)
            p = dataclasses.replace(p, counted_relationships=counted)
        if self.share_projections:
            self._projections[job.projection] = p
        return p

    def engine_note(self) -> str:
        import networkit as nk

        return f"networkit {nk.__version__}"

    def execute(self, job: Job, params: Params, staged: str | None, progress: ProgressFn) -> Result:
        import networkit as nk

        nk.setNumberOfThreads(self.concurrency)
        progress("projecting", 0.05)
        t0 = time.perf_counter()
        p = self.project(job)
        job.require_relationships(p.relationship_count, self.focal)
        timings = {"stream_s": round(time.perf_counter() - t0, 3)}
        progress("computing", 0.3)
        t0 = time.perf_counter()
        computed = compute(job, p, params)
        timings["compute_s"] = round(time.perf_counter() - t0, 3)
        if computed.scores is None:  # a summary: the runner writes it
            progress("writing", 0.9)
            return Result(p.node_count, p.counted_relationships or 0, timings, computed.stats)
        rels = p.relationship_count
        if job.orientation is Orientation.UNDIRECTED and job.algorithm.kind is not ScoreKind.COUNT:
            rels = p.undirected_pair_count()  # it ran on the undirected simple graph
        if staged is None:
            raise ValueError(f"job {job.name!r} writes scores but got no staging property")
        t0 = time.perf_counter()
        integer = job.algorithm.integer
        values = {
            i: int(v) if integer else float(v)
            for i, v in zip(p.ids, computed.scores, strict=True)
            if not (isinstance(v, float) and (math.isnan(v) or math.isinf(v)))
        }
        total = max(1, len(values))
        done = 0

        def on_batch(k: int) -> None:
            nonlocal done
            done += k
            progress("writing", 0.4 + 0.55 * done / total)

        progress("writing", 0.4)
        self.graph.set_property(
            MODEL.org_label,
            MODEL.organization.key,
            staged,
            values,
            batch_size=self.batch_size,
            on_batch=on_batch,
        )
        timings["write_s"] = round(time.perf_counter() - t0, 3)
        return Result(p.node_count, rels, {**computed.facts, **timings})
