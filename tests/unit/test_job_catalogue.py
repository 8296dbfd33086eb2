"""The job catalogue: its declarations, typed parameters (validated, clear messages) and that both backends
apply every declared parameter or say they cannot (no engine: the local implementations run on an
in-memory projection, the GDS calls are only built)."""

from __future__ import annotations

import random
from typing import Any

import networkx as nx
import numpy as np
import pytest

from gds_jobs import catalogue
from gds_jobs.algorithms.base import Computed, GdsCall
from gds_jobs.algorithms.graphs import Linked, Projected, collect, from_edges, project
from gds_jobs.catalogue import Job
from valuenet.db import NodeLinks
from valuenet.model import MODEL

# The public contract: analysts, the explorer and the report read these properties.
WRITES = {
    "degree_tech": "degree_tech",
    "degree_tech_in": "degree_tech_in",
    "degree_tech_out": "degree_tech_out",
    "degree_talent_study": "degree_talent_study",
    "degree_talent_work": "degree_talent_work",
    "degree_invest_out": "degree_invest_out",
    "degree_invest_in": "degree_invest_in",
    "pagerank": "pagerank",
    "betweenness": "betweenness",
    "harmonic": "harmonic",
    "louvain": "community",
    "leiden": "community_leiden",
    "wcc": "component",
    "clustering": "clustering",
    "network_stats": None,
}
# A value each parameter can take other than its default.
CHANGED = {
    "damping_factor": 0.5,
    "max_iterations": 2,
    "tolerance": 0.05,
    "exact": True,
    "epsilon": 0.2,
    "delta": 0.3,
    "seed": 7,
    "max_levels": 2,
    "gamma": 0.5,
    "iterations": 3,
    "path_samples": 10,
    "exact_paths": True,
    "refine": False,
}
# Where the defaults compute exactly on the 800-node test graph, a looser bound makes sampling pay off, so
# that the sampling parameters have something to change.
BASE = {"betweenness": {"epsilon": 0.3}}
# gds.closeness.harmonic is always exact, which meets every sampling bound asked of it.
EXACT_ON_GDS = {("harmonic", p) for p in ("exact", "epsilon", "delta", "seed")}


def test_jobs_and_the_properties_they_write() -> None:
    assert {name: j.write_property for name, j in catalogue.JOBS.items()} == WRITES
    for job in catalogue.JOBS.values():
        assert job.projection in MODEL.projections
        assert job.local_only == (job.name == "network_stats")
    assert not catalogue.get("louvain").ranked and catalogue.get("pagerank").ranked
    with pytest.raises(KeyError, match="no job 'nope'; known jobs: degree_tech"):
        catalogue.get("nope")
    assert [j.name for j in catalogue.select(["wcc", "pagerank"])] == ["pagerank", "wcc"]


def test_a_job_on_an_unknown_projection_is_refused() -> None:
    pagerank = catalogue.get("pagerank")
    with pytest.raises(KeyError, match="no projection 'network'"):
        Job(**{**pagerank.__dict__, "projection": "network"})


def test_overrides_are_validated_with_clear_messages() -> None:
    pagerank = catalogue.get("pagerank")
    with pytest.raises(ValueError, match=r"no parameter 'alpha' \(known: damping_factor, max_iterations"):
        pagerank.resolved_params({"alpha": 0.9})
    with pytest.raises(ValueError, match=r"parameter 'max_iterations': .*valid integer.*\(got 'many'\)"):
        pagerank.resolved_params({"max_iterations": "many"})
    with pytest.raises(ValueError, match=r"parameter 'damping_factor': Input should be less than 1"):
        pagerank.resolved_params({"damping_factor": 1.5})
    with pytest.raises(ValueError, match=r"'exact': .*boolean.*; parameter 'epsilon': .*greater than 0"):
        catalogue.get("betweenness").resolved_params({"exact": "perhaps", "epsilon": -1})
    with pytest.raises(ValueError, match="no parameter 'seed' \\(known: none\\)"):
        catalogue.get("wcc").resolved_params({"seed": 1})
    # name=text on the command line gives strings: they are read as the declared type
    params = catalogue.get("betweenness").resolved_params({"epsilon": "0.05", "exact": "true"})
    assert params.model_dump() == {"exact": True, "epsilon": 0.05, "delta": 0.1, "seed": 42}
    assert catalogue.get("betweenness").params.model_dump()["epsilon"] == 0.05  # declaration unchanged


def _karate() -> Projected:
    """Zachary's karate club, every edge stored in both directions."""
    g = nx.karate_club_graph()
    rows = [(f"k{u}", f"k{v}") for a, b in g.edges() for u, v in ((a, b), (b, a))]
    return collect(rows)


def _scale_free() -> Projected:
    g = nx.barabasi_albert_graph(800, 2, seed=3)
    rows = [(f"n{u}", f"n{v}") for a, b in g.edges() for u, v in ((a, b), (b, a))]
    p = collect(rows)
    p.counted_relationships = p.relationship_count
    return p


def _distinct_algorithms() -> list[Job]:
    seen: dict[str, Job] = {}
    for job in catalogue.JOBS.values():
        seen.setdefault(job.algorithm.name, job)
    return list(seen.values())


def _cases(backend: str) -> list[tuple[Job, str]]:
    return [
        (job, name)
        for job in _distinct_algorithms()
        for name in job.params.names()
        if name not in job.params.not_honoured_by(backend)
    ]


def _gds(job: Job, overrides: dict[str, Any]) -> GdsCall:
    assert job.algorithm.gds is not None
    return job.algorithm.gds(job.resolved_params(overrides), job.orientation, 10**6)  # sampling pays off


@pytest.mark.parametrize(
    ("job", "name"),
    [c for c in _cases("gds") if c[0].algorithm.gds is not None],
    ids=lambda v: v.name if isinstance(v, Job) else v,
)
def test_gds_applies_every_parameter_it_does_not_refuse(job: Job, name: str) -> None:
    default, changed = _gds(job, {}), _gds(job, {name: CHANGED[name]})
    if (job.name, name) in EXACT_ON_GDS:
        assert default == changed and default.facts["harmonic_method"].startswith("exact")
    else:
        assert changed != default  # its configuration, facts or passes


@pytest.mark.parametrize(("job", "name"), _cases("local"), ids=lambda v: v.name if isinstance(v, Job) else v)
def test_local_applies_every_parameter_it_does_not_refuse(job: Job, name: str) -> None:
    p = _scale_free()

    def run(overrides: dict[str, Any]) -> Computed:
        params = job.resolved_params({**BASE.get(job.name, {}), **overrides})
        return job.algorithm.local(p, job.orientation, params)

    default, changed = run({}), run({name: CHANGED[name]})
    assert (changed.scores, changed.facts, changed.stats) != (default.scores, default.facts, default.stats)


def test_what_a_backend_cannot_apply_is_declared_with_the_reason() -> None:
    louvain = catalogue.get("louvain").params
    assert set(louvain.not_honoured_by("local")) == {"max_levels", "tolerance"}
    assert louvain.not_honoured_by("gds") == {} and "seed" not in louvain.names()  # PLM is deterministic
    leiden = catalogue.get("leiden").params
    assert set(leiden.not_honoured_by("local")) == {"max_levels"}
    assert "gds.leiden" in leiden.not_honoured_by("gds")["iterations"]
    assert catalogue.get("pagerank").params.not_honoured_by("local") == {}


def test_local_pagerank_honours_max_iterations_and_tolerance() -> None:
    p = _karate()
    pagerank = catalogue.get("pagerank")
    exact = nx.pagerank(nx.karate_club_graph(), alpha=0.85, weight=None, tol=1e-12)
    reference = np.asarray([exact[int(i[1:])] * p.node_count for i in p.ids])

    def run(**overrides: Any) -> tuple[np.ndarray, dict[str, Any]]:
        c = pagerank.algorithm.local(p, pagerank.orientation, pagerank.resolved_params(overrides))
        assert c.scores is not None
        return np.asarray(c.scores), c.facts

    scores, facts = run()
    assert facts["did_converge"] and 2 < facts["ran_iterations"] < 100
    assert np.abs(scores - reference).max() < 1e-6
    scores, facts = run(max_iterations=2)
    assert facts == {"ran_iterations": 2, "did_converge": False}
    assert np.abs(scores - reference).max() > 1e-3
    loose, facts_loose = run(tolerance=0.05)
    assert facts_loose["ran_iterations"] < run()[1]["ran_iterations"]
    # stopped once no score moved by 0.05: within 0.05 * d / (1 - d) of the limit
    assert 1e-6 < np.abs(loose - reference).max() <= 0.05 * 0.85 / 0.15


def test_in_memory_projection_follows_the_graph_model() -> None:
    """from_edges gives the stream's view of the value network: a relation counts with a focal end, nodes
    are the focal set and the organisations it touches, each ordered pair once, no self-loops."""
    ids = ["S1", "S2", "R1", "R2", "R3"]
    focal = np.array([True, True, False, False, False])
    edges = [("R1", "S1"), ("R1", "S1"), ("S1", "R1"), ("S2", "S2"), ("R2", "R3"), ("S1", "S2")]
    at = {k: i for i, k in enumerate(ids)}
    sources = np.array([at[a] for a, _ in edges], dtype=np.int64)
    targets = np.array([at[b] for _, b in edges], dtype=np.int64)
    p = from_edges("value_network", ids, focal, sources, targets)
    assert sorted(p.ids) == ["R1", "S1", "S2"]  # R2 -> R3 has no focal end
    pairs = sorted((p.ids[s], p.ids[t]) for s, t in zip(p.sources.tolist(), p.targets.tolist(), strict=True))
    assert pairs == [("R1", "S1"), ("S1", "R1"), ("S1", "S2")]
    assert p.counted_relationships == 5  # every relation with a focal end, the self-loop too
    into_focal = from_edges("investment_into_focal", ids, focal, sources, targets)
    assert into_focal.ids == sorted(ids) and into_focal.counted_relationships == 4  # targets S1, S1, S2, S2


def test_projections_are_numbered_by_id_whatever_order_the_engine_answers_in() -> None:
    """Two engines (or two runs of one) may return the same graph's rows in any order: every projection
    derived from the fetched graph is numbered in id order, so order-dependent results (community labels,
    sampled sources) are equal."""
    g = nx.barabasi_albert_graph(300, 2, seed=5)
    keys = [f"n{i:03d}" for i in g.nodes()]
    edges = [(u, v) for a, b in g.edges() for u, v in ((a, b), (b, a))]

    def answered(order: list[int], edge_order: list[int]) -> NodeLinks:
        position = {node: i for i, node in enumerate(order)}
        rels = [edges[e] for e in edge_order]
        return NodeLinks(
            keys=[keys[n] for n in order],
            marked=[n % 3 == 0 for n in order],
            sources=[position[u] for u, _ in rels],
            targets=[position[v] for _, v in rels],
            types=["EMPOWERS"] * len(rels),
            properties={"experience": [None] * len(rels)},
        )

    rng = random.Random(1)
    nodes, rels = list(g.nodes()), list(range(len(edges)))
    first = Linked.of(answered(nodes, rels))
    rng.shuffle(nodes)
    rng.shuffle(rels)
    second = Linked.of(answered(nodes, rels))
    assert first.ids != second.ids  # the order the engine answered in
    louvain = catalogue.get("louvain")
    results = []
    for linked in (first, second):
        p = project(linked, "value_network")
        assert p.ids == sorted(p.ids)
        computed = louvain.algorithm.local(p, louvain.orientation, louvain.resolved_params())
        results.append((p.ids, p.sources.tolist(), p.targets.tolist(), computed.scores))
    assert results[0] == results[1]
