"""GDS backend: the one module that calls Neo4j Graph Data Science.

Every GDS call is a `.cypher` file under `cypher/jobs/gds/` run through a `valuenet.db.QueryRunner`
(`Graph` in production, `RecordingRunner` in unit tests), rather than the `graphdatascience` client: the
calls are then plain, reviewable Cypher with parameters, and the unit tests assert them exactly.

Per job: project with the `gds.graph.project` Cypher aggregation (the same MATCH as the local backend's
stream query), estimate the algorithm's memory and refuse when it exceeds the free heap, run in write mode
into the run's staging property, and always drop the projection. Concurrency is fixed (default 4, the
Community edition cap) and recorded; seeds are passed where the algorithm takes one (betweenness sampling,
Leiden) and recorded. GDS Louvain has no random seed: its result can vary with concurrency.
"""

from __future__ import annotations

from typing import Any

from gds_jobs.local import ProgressFn, Result, hoeffding_samples
from gds_jobs.spec import Algorithm, JobSpec, Orientation
from valuenet import queries
from valuenet.db import QueryRunner

# Algorithm -> file stem under cypher/jobs/gds/ (`<stem>_write`, `<stem>_estimate`): a fixed whitelist.
PROCEDURE_FILES: dict[Algorithm, str] = {
    Algorithm.DEGREE: "degree",
    Algorithm.PAGERANK: "pagerank",
    Algorithm.BETWEENNESS: "betweenness",
    Algorithm.HARMONIC: "harmonic",
    Algorithm.LOUVAIN: "louvain",
    Algorithm.LEIDEN: "leiden",
    Algorithm.WCC: "wcc",
    Algorithm.CLUSTERING: "clustering",
}
NO_ESTIMATE = {Algorithm.HARMONIC}  # gds.closeness.harmonic has no .estimate mode


class InsufficientMemoryError(RuntimeError):
    """GDS estimated more heap than is free: the job was refused before running."""


def hoeffding_sources(n: int, epsilon: float, delta: float) -> int:
    """Source nodes to sample so that, with probability >= 1-delta, every node's normalised betweenness
    estimate is within epsilon (Hoeffding bound per node, union bound over the n nodes)."""
    return hoeffding_samples(n, epsilon, delta)


def _fmt_bytes(n: float) -> str:
    for unit in ("B", "KiB", "MiB", "GiB", "TiB"):
        if abs(n) < 1024:
            return f"{n:.1f} {unit}"
        n /= 1024
    return f"{n:.1f} PiB"


class GdsBackend:
    name = "gds"

    def __init__(self, runner: QueryRunner, *, concurrency: int = 4, graph_prefix: str = "valuenet_") -> None:
        self.runner = runner
        self.concurrency = concurrency
        self.graph_prefix = graph_prefix

    def engine_note(self) -> str:
        return "Neo4j Graph Data Science"

    # -- configuration (pure: unit-tested) ----------------------------------------------------------------
    def project_query(self, job: JobSpec) -> str:
        name = job.projection.gds_project_query
        if job.orientation is Orientation.REVERSE and job.algorithm is not Algorithm.DEGREE:
            return f"{name}_reversed"  # degree takes `orientation` itself; the others need a reversed graph
        return name

    def project_config(self, job: JobSpec) -> dict[str, Any]:
        config: dict[str, Any] = {"readConcurrency": self.concurrency}
        if job.projection.undirected:
            config["undirectedRelationshipTypes"] = ["*"]
        return config

    def algorithm_config(
        self, job: JobSpec, params: dict[str, Any], staged: str, node_count: int
    ) -> tuple[dict[str, Any], dict[str, Any]]:
        """The write-mode configuration, and facts about it to record on the run."""
        config: dict[str, Any] = {"writeProperty": staged, "concurrency": self.concurrency}
        facts: dict[str, Any] = {}
        alg = job.algorithm
        if alg is Algorithm.DEGREE:
            config["orientation"] = job.orientation.value
        elif alg is Algorithm.PAGERANK:
            config.update(
                dampingFactor=params["damping_factor"],
                maxIterations=params["max_iterations"],
                tolerance=params["tolerance"],
            )
        elif alg is Algorithm.BETWEENNESS:
            if not params["exact"]:
                k = hoeffding_sources(node_count, params["epsilon"], params["delta"])
                if k < node_count:
                    config.update(samplingSize=k, samplingSeed=params["seed"])
                    facts.update(
                        betweenness_method="sampled sources (Brandes-Pich)",
                        betweenness_samples=k,
                        betweenness_error_bound=params["epsilon"] * node_count * (node_count - 1) / 2,
                        betweenness_bound_note=(
                            f"Hoeffding: with probability >= {1 - params['delta']:g} every score is within "
                            f"{params['epsilon']:g} * n(n-1)/2 of the exact value"
                        ),
                    )
            facts.setdefault("betweenness_method", "exact (Brandes)")
        elif alg is Algorithm.HARMONIC:
            facts["harmonic_method"] = "exact (gds.closeness.harmonic has no sampling)"
        elif alg is Algorithm.LOUVAIN:
            config.update(
                maxLevels=params["max_levels"],
                maxIterations=params["max_iterations"],
                tolerance=params["tolerance"],
            )
            facts["seed_note"] = "gds.louvain takes no random seed; results may vary with concurrency"
        elif alg is Algorithm.LEIDEN:
            config.update(
                maxLevels=params["max_levels"],
                gamma=params["gamma"],
                randomSeed=params["seed"],
                concurrency=1,  # randomSeed needs concurrency 1 for a reproducible result
            )
        return config, facts

    # -- execution ----------------------------------------------------------------------------------------
    def execute(
        self, job: JobSpec, params: dict[str, Any], staged: str | None, progress: ProgressFn
    ) -> Result:
        if job.algorithm not in PROCEDURE_FILES or staged is None:
            raise ValueError(f"job {job.name!r} ({job.algorithm}) has no GDS implementation")
        stem = PROCEDURE_FILES[job.algorithm]
        graph_name = f"{self.graph_prefix}{staged}"
        progress("projecting (GDS)", 0.05)
        projected = self.runner.run(
            queries.text(self.project_query(job)),
            {"graph_name": graph_name, "config": self.project_config(job)},
        )
        try:
            nodes = int(projected[0]["node_count"]) if projected else 0
            rels = int(projected[0]["relationship_count"]) if projected else 0
            config, facts = self.algorithm_config(job, params, staged, nodes)
            progress("estimating memory", 0.2)
            if job.algorithm not in NO_ESTIMATE:
                estimate = self.runner.run(
                    queries.text(f"jobs/gds/{stem}_estimate"), {"graph_name": graph_name, "config": config}
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
            out = self.runner.run(
                queries.text(f"jobs/gds/{stem}_write"), {"graph_name": graph_name, "config": config}
            )
            row = out[0] if out else {}
            for key in ("modularity", "communities", "components", "average_clustering", "ran_iterations"):
                if key in row and row[key] is not None:
                    facts[key] = row[key]
            facts["gds_concurrency"] = config.get("concurrency", self.concurrency)
            facts["gds_config"] = repr(sorted(config.items()))
            return Result(nodes, rels, facts)
        finally:
            self.runner.run(queries.text("jobs/gds/drop"), {"graph_name": graph_name})
