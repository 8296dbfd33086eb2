"""Every job, declared once: `valuenet jobs list` prints this catalogue; the explorer, the bench and the
report read it (`JOBS`, `get`, `select`).

A job = an algorithm of the catalogue (gds_jobs/algorithms: typed parameters, networkit implementation,
GDS call), a projection of the graph model (valuenet/data/graph_model.yaml: which relationships count,
between which organisations), an orientation and the one node property it writes.

Degree jobs follow the report's counting (R21 Tables 5-9, reference/schema.md §5.1): technology edges are
stored provider -> receiver, so technology input = incoming EMPOWERS and empowerment = outgoing; talent and
investment are counted from the institution's side (outgoing; investments made count the *sample firms*
invested in, 投资样本企业数, as Table 9 does). The report's relation data only holds relations with a
focal (sample) firm at one end, and the projections say so: a relation node's degree is its number of
relations with sample nodes.

Network-wide jobs (PageRank, betweenness, communities, ...) use the graph model's `value_network`: the
value relations with a focal end, each ordered pair of organisations once; nodes = the focal set and every
organisation with such a relation.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from gds_jobs.algorithms import (
    BETWEENNESS,
    CLUSTERING,
    DEGREE,
    HARMONIC,
    LEIDEN,
    LOUVAIN,
    NETWORK_STATS,
    PAGERANK,
    WCC,
    Algorithm,
    Orientation,
    Params,
)
from gds_jobs.algorithms.base import ScoreKind
from valuenet.focal import Focal
from valuenet.model import MODEL


class NoRelationshipsError(RuntimeError):
    """A job's projection holds no relationship: the job fails instead of writing empty scores."""


@dataclass(frozen=True)
class Job:
    name: str
    title_zh: str
    title_en: str
    algorithm: Algorithm[Any]
    projection: str  # a projection of the graph model
    orientation: Orientation
    # Node property the job writes; None for a summary (network statistics: a (:NetworkStats) node).
    write_property: str | None
    description: str
    reproduces: str = ""  # report figures the job reproduces, e.g. "R21 Table 5"

    def __post_init__(self) -> None:
        projection = MODEL.projection(self.projection)  # KeyError naming the known ones
        if (self.write_property is None) != (self.algorithm.kind is ScoreKind.SUMMARY):
            raise ValueError(f"job {self.name}: a summary writes no property, every other job one")
        if (
            self.orientation is Orientation.UNDIRECTED
            and not self.algorithm.gds_takes_orientation
            and projection.focal in ("source", "target")
        ):
            raise ValueError(f"job {self.name}: an undirected graph needs a projection counted at either end")

    @property
    def params(self) -> Params:
        """The job's parameters as declared (the algorithm's defaults)."""
        declared: Params = self.algorithm.params()
        return declared

    @property
    def ranked(self) -> bool:
        """Scores that rank (not community or component labels)."""
        return self.algorithm.ranked

    @property
    def local_only(self) -> bool:
        """Computed locally on either backend (no GDS call)."""
        return self.algorithm.gds is None

    def require_relationships(self, count: int, focal: Focal) -> None:
        """Refuse to score a projection without relationships: every score would be 0 or undefined, and a
        run that says `succeeded` over them hides that the graph holds no relation the job counts."""
        if count:
            return
        p = focal.model.projection(self.projection)
        where = f" {{{', '.join(f'{k}: {v}' for k, v in p.where.items())}}}" if p.where else ""
        raise NoRelationshipsError(
            f"job {self.name}: the graph has no relationship this job counts ({'|'.join(p.types)}{where}, "
            f"focal set: {focal.describe()}), so nothing was scored. Load such relations, or choose "
            "the focal set with VALUENET_FOCAL (an organisation label, or `all`)."
        )

    def resolved_params(self, overrides: Mapping[str, Any] | None = None) -> Params:
        """Declared parameters with overrides applied and validated; ValueError naming the bad one."""
        return self.params.with_overrides(overrides or {}, self.name)


def _degree(name: str, projection: str, orientation: Orientation, zh: str, en: str, table: str) -> Job:
    return Job(
        name=name,
        title_zh=zh,
        title_en=en,
        algorithm=DEGREE,
        projection=projection,
        orientation=orientation,
        write_property=name,
        description=f"{en}: number of {MODEL.projection(projection).doc} ({orientation.value} degree)",
        reproduces=table,
    )


_JOBS: list[Job] = [
    _degree(
        "degree_tech",
        "technology",
        Orientation.UNDIRECTED,
        "技术关系度数中心度",
        "Technology-relation degree (input + empowerment)",
        "R21 Table 5",
    ),
    _degree(
        "degree_tech_in",
        "technology",
        Orientation.REVERSE,
        "技术输入数",
        "Technology input (incoming EMPOWERS)",
        "R21 Tables 6-7 (input)",
    ),
    _degree(
        "degree_tech_out",
        "technology",
        Orientation.NATURAL,
        "技术赋能数",
        "Technology empowerment (outgoing EMPOWERS)",
        "R21 Tables 6-7 (empowerment)",
    ),
    _degree(
        "degree_talent_study",
        "talent_study",
        Orientation.NATURAL,
        "核心人力资本前期学习经验度数",
        "Talent supplied through study (outgoing SUPPLIES_TALENT study)",
        "R21 Table 8 (study)",
    ),
    _degree(
        "degree_talent_work",
        "talent_work",
        Orientation.NATURAL,
        "核心人力资本前期工作经验度数",
        "Talent supplied through work (outgoing SUPPLIES_TALENT work)",
        "R21 Table 8 (work)",
    ),
    _degree(
        "degree_invest_out",
        "investment_into_focal",
        Orientation.NATURAL,
        "投资样本企业数",
        "Sample firms invested in (outgoing INVESTS_IN into a :Sample)",
        "R21 Table 9",
    ),
    _degree(
        "degree_invest_in",
        "investment",
        Orientation.REVERSE,
        "获投数",
        "Investments received (incoming INVESTS_IN)",
        "R21 Table 4 (financing)",
    ),
    Job(
        name="pagerank",
        title_en="PageRank (influence of providers)",
        title_zh="PageRank 影响力",
        algorithm=PAGERANK,
        projection="value_network",
        orientation=Orientation.REVERSE,
        write_property="pagerank",
        description="PageRank on the reversed value network: rank flows from receivers to the organisations "
        "that supply them technology, talent or capital. GDS scale (not normalised: "
        "score = 0.15 + 0.85 * sum of in-neighbour shares, so scores sum to about n).",
    ),
    Job(
        name="betweenness",
        title_en="Betweenness centrality (brokers, structural holes)",
        title_zh="中介中心度（结构洞）",
        algorithm=BETWEENNESS,
        projection="value_network",
        orientation=Orientation.UNDIRECTED,
        write_property="betweenness",
        description="Raw (unnormalised) betweenness on the undirected value network, each unordered pair "
        "counted once. Sampled by default: with probability >= 1-delta every node's score is within "
        "epsilon * n(n-1)/2 of the exact value; exact=true computes it exactly.",
    ),
    Job(
        name="harmonic",
        title_en="Harmonic closeness",
        title_zh="调和接近中心度",
        algorithm=HARMONIC,
        projection="value_network",
        orientation=Orientation.UNDIRECTED,
        write_property="harmonic",
        description="Harmonic closeness sum(1/d(v,u)) / (n-1) on the undirected value network (well defined "
        "on disconnected graphs). Local: sampled by default (BFS from ln(2n/delta)/(2 epsilon^2) random "
        "sources; with probability >= 1-delta every score within epsilon), exact=true for all sources; "
        "GDS: always exact.",
    ),
    Job(
        name="louvain",
        title_en="Louvain communities",
        title_zh="Louvain 社区",
        algorithm=LOUVAIN,
        projection="value_network",
        orientation=Orientation.UNDIRECTED,
        write_property="community",
        description="Louvain modularity communities on the undirected value network; community ids are "
        "labels only (local: 0 = largest community); the partition's modularity is recorded on the run.",
    ),
    Job(
        name="leiden",
        title_en="Leiden communities",
        title_zh="Leiden 社区",
        algorithm=LEIDEN,
        projection="value_network",
        orientation=Orientation.UNDIRECTED,
        write_property="community_leiden",
        description="Leiden communities (well-connected refinement of Louvain) on the undirected value "
        "network; modularity recorded on the run.",
    ),
    Job(
        name="wcc",
        title_en="Weakly connected components",
        title_zh="弱连通分量",
        algorithm=WCC,
        projection="value_network",
        orientation=Orientation.UNDIRECTED,
        write_property="component",
        description="Weakly connected component id (local: 0 = largest component); component count and "
        "largest size recorded on the run.",
    ),
    Job(
        name="clustering",
        title_en="Local clustering coefficient",
        title_zh="局部聚类系数",
        algorithm=CLUSTERING,
        projection="value_network",
        orientation=Orientation.UNDIRECTED,
        write_property="clustering",
        description="Local clustering coefficient on the undirected value network (0 for degree < 2); the "
        "average is recorded on the run.",
    ),
    Job(
        name="network_stats",
        title_en="Network statistics (R21 Table 3)",
        title_zh="价值网络统计（表3）",
        algorithm=NETWORK_STATS,
        projection="value_network",
        orientation=Orientation.NATURAL,
        write_property=None,
        description="Nodes, edges, average degree, density, diameter, modularity (Louvain), average "
        "clustering, average path length, components; written as a (:NetworkStats) node linked to the run. "
        "Gephi's directed conventions (average degree = edges / nodes, directed paths); the average path "
        "length and the directed diameter are measured from `path_samples` BFS sources unless "
        "exact_paths=true (the diameter is then a lower bound, and says so). Undirected diameter (exact) "
        "and path length are recorded too.",
        reproduces="R21 Table 3",
    ),
]

JOBS: dict[str, Job] = {j.name: j for j in _JOBS}


def get(name: str) -> Job:
    try:
        return JOBS[name]
    except KeyError:
        raise KeyError(f"no job {name!r}; known jobs: {', '.join(JOBS)}") from None


def select(names: list[str] | None) -> list[Job]:
    """The named jobs in catalogue order, or all jobs when no names are given."""
    if not names:
        return list(JOBS.values())
    wanted = {get(n).name for n in names}
    return [j for j in JOBS.values() if j.name in wanted]
