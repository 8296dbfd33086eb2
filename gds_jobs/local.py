"""Local backend: fetch the organisations and their relationships (`Graph.node_links`), derive the job's
projection in memory (the graph model's rules, `graphs.project`), run the algorithm's networkit
implementation from the catalogue; the runner writes the scores (`Graph.publish_properties`).

Same property names and scales as GDS; what differs (PageRank convergence, betweenness sampling,
community labels and seeds) is listed in gds_jobs/README.md.
"""

from __future__ import annotations

import contextlib
import importlib.metadata
import math
import threading
import time

from gds_jobs.algorithms import paths
from gds_jobs.algorithms.base import Computed, Orientation, Params, ProgressFn, Result, ScoreKind
from gds_jobs.algorithms.graphs import Linked, Projected, project
from gds_jobs.catalogue import Job
from valuenet.db import Graph
from valuenet.focal import Focal
from valuenet.model import MODEL, GraphModel


def _import_networkit() -> None:
    with contextlib.suppress(Exception):  # a failure is left for the real import to raise
        import networkit  # noqa: F401


def fetch(graph: Graph, model: GraphModel = MODEL) -> Linked:
    """Every organisation (focal or not) and every relationship any projection of `model` counts from, in
    one fetch (`Graph.node_links`): each projection is then derived in memory (`graphs.project`)."""
    decls = model.projections.values()
    types = sorted({t for d in decls for t in d.types})
    properties = sorted({k for d in decls for k in d.where})
    links = graph.node_links(
        model.org_label, model.organization.key, types, mark=model.focal_set.label, properties=properties
    )
    return Linked.of(links)


def compute(job: Job, p: Projected, params: Params) -> Computed:
    """The job's algorithm (networkit) on a projection in memory."""
    return job.algorithm.local(p, job.orientation, params)


class LocalBackend:
    """networkit on a projection in memory; the scores go back to the runner, which publishes them."""

    name = "local"

    def __init__(
        self,
        graph: Graph,
        *,
        focal: Focal | None = None,
        concurrency: int = 2,
        share_projections: bool = False,
    ) -> None:
        self.graph = graph
        self.focal = focal or Focal(MODEL)  # default: the model's focal set as declared
        self.concurrency = concurrency
        # With share_projections, jobs run through this backend fetch the graph once and all compute on
        # that same snapshot (a batch of jobs, e.g. `valuenet jobs run`).
        self.share_projections = share_projections
        self._linked: Linked | None = None
        self._projections: dict[str, Projected] = {}

    def project(self, job: Job) -> Projected:
        """The job's projection, derived from the organisations and their relationships fetched once
        (once per batch with share_projections); every orientation is derived from it in stored direction."""
        p = self._projections.get(job.projection)
        if p is None:
            if self._linked is None:  # the fetch mostly waits on the engine: the imports overlap it
                paths.warm_up()
                threading.Thread(target=_import_networkit, name="networkit-import", daemon=True).start()
            linked = self._linked or fetch(self.graph, self.focal.model)
            p = project(linked, job.projection, self.focal.model)
            if self.share_projections:
                self._linked = linked
                self._projections[job.projection] = p
        return p

    def engine_note(self) -> str:
        return f"networkit {importlib.metadata.version('networkit')}"  # without its import (~0.6 s)

    def execute(self, job: Job, params: Params, staged: str | None, progress: ProgressFn) -> Result:
        progress("projecting", 0.05)
        t0 = time.perf_counter()
        p = self.project(job)
        job.require_relationships(p.relationship_count, self.focal)
        timings = {"stream_s": round(time.perf_counter() - t0, 3)}
        progress("computing", 0.3)
        import networkit as nk

        nk.setNumberOfThreads(self.concurrency)
        paths.set_threads(self.concurrency)
        t0 = time.perf_counter()
        computed = compute(job, p, params)
        timings["compute_s"] = round(time.perf_counter() - t0, 3)
        if computed.scores is None:  # a summary: the runner writes it
            progress("writing", 0.9)
            return Result(p.node_count, p.counted_relationships or 0, timings, computed.stats)
        rels = p.relationship_count
        if job.orientation is Orientation.UNDIRECTED and job.algorithm.kind is not ScoreKind.COUNT:
            rels = p.undirected_pair_count()  # it ran on the undirected simple graph
        integer = job.algorithm.integer
        values = {
            i: int(v) if integer else float(v)
            for i, v in zip(p.ids, computed.scores, strict=True)
            if not (isinstance(v, float) and (math.isnan(v) or math.isinf(v)))
        }
        return Result(p.node_count, rels, {**computed.facts, **timings}, scores=values)
