"""Every job, declared once. `valuenet jobs list` prints this registry.

Degree jobs follow the report's counting (R21 Tables 5-9, reference/schema.md §5.1): technology edges are
stored provider -> receiver, so technology input = incoming EMPOWERS and empowerment = outgoing; talent and
investment are counted from the institution's side (outgoing; investments made count the *sample firms*
invested in, 投资样本企业数, as Table 9 does). The report's relation data only holds
relations with a sample firm at one end, so degree projections keep only relationships with at least one
`:Sample` end: a relation node's degree is its number of relations with sample nodes.

Network-wide jobs (PageRank, betweenness, communities, ...) use the value network = the report's relation
data: EMPOWERS, SUPPLIES_TALENT, INVESTS_IN and ACQUIRES relationships with a :Sample at one end (PART_OF
is structure, not a value flow), each pair of organisations linked once (parallel relations of different
types collapse to one edge); nodes = the samples and every organisation with such a relation.
"""

from __future__ import annotations

from gds_jobs.spec import Algorithm, JobSpec, Orientation, Projection

VALUE_TYPES = ("EMPOWERS", "SUPPLIES_TALENT", "INVESTS_IN", "ACQUIRES")

PROJECTIONS: dict[str, Projection] = {
    p.name: p
    for p in (
        Projection(
            "empowers",
            ("EMPOWERS",),
            "EMPOWERS (provider -> receiver) with a :Sample at one end; every organisation as a node",
            sample_incident=True,
        ),
        Projection(
            "talent_study",
            ("SUPPLIES_TALENT",),
            "SUPPLIES_TALENT {experience:'study'} (institution -> firm) with a :Sample at one end",
            sample_incident=True,
        ),
        Projection(
            "talent_work",
            ("SUPPLIES_TALENT",),
            "SUPPLIES_TALENT {experience:'work'} (employer -> firm) with a :Sample at one end",
            sample_incident=True,
        ),
        Projection(
            "invests",
            ("INVESTS_IN",),
            "INVESTS_IN (investor -> investee) with a :Sample at one end",
            sample_incident=True,
        ),
        Projection(
            "invests_samples",
            ("INVESTS_IN",),
            "INVESTS_IN (investor -> investee) into a :Sample firm",
            sample_incident=True,
        ),
        Projection(
            "network",
            VALUE_TYPES,
            "the value network, directed: distinct (provider, receiver) pairs over the value relations with "
            "a :Sample end; nodes = samples and every organisation with such a relation",
        ),
        Projection(
            "network_undirected",
            VALUE_TYPES,
            "the value network, undirected: each linked pair once; same nodes as `network`",
            undirected=True,
            local_source="network",  # local: the directed stream, pairs merged in memory
        ),
    )
}


def _degree(name: str, projection: str, orientation: Orientation, zh: str, en: str, table: str) -> JobSpec:
    return JobSpec(
        name=name,
        title_en=en,
        title_zh=zh,
        algorithm=Algorithm.DEGREE,
        projection=PROJECTIONS[projection],
        orientation=orientation,
        write_property=name,
        description=f"{en}: number of {PROJECTIONS[projection].description} ({orientation.value} degree)",
        reproduces=table,
    )


_JOBS: list[JobSpec] = [
    _degree(
        "degree_tech",
        "empowers",
        Orientation.UNDIRECTED,
        "技术关系度数中心度",
        "Technology-relation degree (input + empowerment)",
        "R21 Table 5",
    ),
    _degree(
        "degree_tech_in",
        "empowers",
        Orientation.REVERSE,
        "技术输入数",
        "Technology input (incoming EMPOWERS)",
        "R21 Tables 6-7 (input)",
    ),
    _degree(
        "degree_tech_out",
        "empowers",
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
        "invests_samples",
        Orientation.NATURAL,
        "投资样本企业数",
        "Sample firms invested in (outgoing INVESTS_IN into a :Sample)",
        "R21 Table 9",
    ),
    _degree(
        "degree_invest_in",
        "invests",
        Orientation.REVERSE,
        "获投数",
        "Investments received (incoming INVESTS_IN)",
        "R21 Table 4 (financing)",
    ),
    JobSpec(
        name="pagerank",
        title_en="PageRank (influence of providers)",
        title_zh="PageRank 影响力",
        algorithm=Algorithm.PAGERANK,
        projection=PROJECTIONS["network"],
        orientation=Orientation.REVERSE,
        write_property="pagerank",
        params={"damping_factor": 0.85, "max_iterations": 100, "tolerance": 1e-7},
        description="PageRank on the reversed value network: rank flows from receivers to the organisations "
        "that supply them technology, talent or capital. GDS scale (not normalised: "
        "score = 0.15 + 0.85 * sum of in-neighbour shares, so scores sum to about n).",
    ),
    JobSpec(
        name="betweenness",
        title_en="Betweenness centrality (brokers, structural holes)",
        title_zh="中介中心度（结构洞）",
        algorithm=Algorithm.BETWEENNESS,
        projection=PROJECTIONS["network_undirected"],
        orientation=Orientation.UNDIRECTED,
        write_property="betweenness",
        params={"exact": False, "epsilon": 0.01, "delta": 0.1, "seed": 42},
        description="Raw (unnormalised) betweenness on the undirected value network, each unordered pair "
        "counted once. Sampled by default: with probability >= 1-delta every node's score is within "
        "epsilon * n(n-1)/2 of the exact value; exact=true computes it exactly.",
    ),
    JobSpec(
        name="harmonic",
        title_en="Harmonic closeness",
        title_zh="调和接近中心度",
        algorithm=Algorithm.HARMONIC,
        projection=PROJECTIONS["network_undirected"],
        orientation=Orientation.UNDIRECTED,
        write_property="harmonic",
        params={"exact": False, "epsilon": 0.1, "delta": 0.1, "seed": 42},
        description="Harmonic closeness sum(1/d(v,u)) / (n-1) on the undirected value network (well defined "
        "on disconnected graphs). Local: sampled by default (BFS from ln(2n/delta)/(2 epsilon^2) random "
        "sources; with probability >= 1-delta every score within epsilon), exact=true for all sources; "
        "GDS: always exact.",
    ),
    JobSpec(
        name="louvain",
        title_en="Louvain communities",
        title_zh="Louvain 社区",
        algorithm=Algorithm.LOUVAIN,
        projection=PROJECTIONS["network_undirected"],
        orientation=Orientation.UNDIRECTED,
        write_property="community",
        params={"max_levels": 10, "max_iterations": 10, "tolerance": 0.0001, "seed": 42},
        description="Louvain modularity communities on the undirected value network; community ids are "
        "labels only (local: 0 = largest community); the partition's modularity is recorded on the run.",
        ranked=False,
    ),
    JobSpec(
        name="leiden",
        title_en="Leiden communities",
        title_zh="Leiden 社区",
        algorithm=Algorithm.LEIDEN,
        projection=PROJECTIONS["network_undirected"],
        orientation=Orientation.UNDIRECTED,
        write_property="community_leiden",
        params={"gamma": 1.0, "max_levels": 10, "iterations": 3, "seed": 42},
        description="Leiden communities (well-connected refinement of Louvain) on the undirected value "
        "network; modularity recorded on the run.",
        ranked=False,
    ),
    JobSpec(
        name="wcc",
        title_en="Weakly connected components",
        title_zh="弱连通分量",
        algorithm=Algorithm.WCC,
        projection=PROJECTIONS["network_undirected"],
        orientation=Orientation.UNDIRECTED,
        write_property="component",
        description="Weakly connected component id (local: 0 = largest component); component count and "
        "largest size recorded on the run.",
        ranked=False,
    ),
    JobSpec(
        name="clustering",
        title_en="Local clustering coefficient",
        title_zh="局部聚类系数",
        algorithm=Algorithm.CLUSTERING,
        projection=PROJECTIONS["network_undirected"],
        orientation=Orientation.UNDIRECTED,
        write_property="clustering",
        description="Local clustering coefficient on the undirected value network (0 for degree < 2); the "
        "average is recorded on the run.",
    ),
    JobSpec(
        name="network_stats",
        title_en="Network statistics (R21 Table 3)",
        title_zh="价值网络统计（表3）",
        algorithm=Algorithm.STATS,
        projection=PROJECTIONS["network"],
        orientation=Orientation.NATURAL,
        write_property=None,
        params={"path_samples": 500, "exact_paths": False, "seed": 42},
        description="Nodes, edges, average degree, density, diameter, modularity (Louvain), average "
        "clustering, average path length, components; written as a (:NetworkStats) node linked to the run. "
        "Gephi's directed conventions (average degree = edges / nodes, directed paths); the average path "
        "length is estimated from `path_samples` BFS sources unless exact_paths=true; the diameter is "
        "exact. Undirected diameter and path length are recorded too.",
        reproduces="R21 Table 3",
        local_only=True,
    ),
]

JOBS: dict[str, JobSpec] = {j.name: j for j in _JOBS}


def get(name: str) -> JobSpec:
    try:
        return JOBS[name]
    except KeyError:
        raise KeyError(f"no job {name!r}; known jobs: {', '.join(JOBS)}") from None


def select(names: list[str] | None) -> list[JobSpec]:
    """The named jobs in registry order, or all jobs when no names are given."""
    if not names:
        return list(JOBS.values())
    wanted = {get(n).name for n in names}
    return [j for j in JOBS.values() if j.name in wanted]
