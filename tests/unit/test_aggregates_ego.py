"""org_ego's parts (valuenet.aggregates.ego_parts) against a plain reading of what ego_network shows, on
random graphs with hubs, relations to itself, ends that are no organisation and empty texts."""

from __future__ import annotations

import random
from typing import Any

import pytest

from valuenet import aggregates


def _by_the_definition(orgs: list[list[Any]], relations: list[list[Any]]) -> list[dict[str, Any]]:
    """One centre at a time, over every relation: its partners ranked by relations with it and then id, the
    first EGO_SHOWN kept, and every relation among the nodes shown, each after the last node it needs."""
    node = {row[0]: row for row in orgs}
    centres = list(dict.fromkeys(end for r in relations for end in r[:2]))
    parts = []
    for centre in centres:
        if centre not in node or any(r[0] == r[1] == centre for r in relations):
            continue
        with_centre = [r for r in relations if centre in r[:2]]
        partners: dict[str, int] = {}
        for r in with_centre:
            other = r[1] if r[0] == centre else r[0]
            partners[other] = partners.get(other, 0) + 1
        if len(partners) < aggregates.EGO_HUB_PARTNERS or any(p not in node for p in partners):
            continue
        ranked = sorted(partners, key=lambda p: (-partners[p], aggregates._text_order(node[p][1])))
        shown = [centre, *ranked[: aggregates.EGO_SHOWN]]
        at = {eid: i for i, eid in enumerate(shown)}
        edges = sorted(
            (max(at[r[0]], at[r[1]]), i) for i, r in enumerate(relations) if r[0] in at and r[1] in at
        )
        rows = [node[eid] for eid in shown]
        picked = [relations[i] for _, i in edges]
        if "" in [row[k] for row in rows for k in (2, 3, 4)] + [r[3] for r in picked]:
            continue
        within = [sum(1 for need, _ in edges if need <= k) for k in range(len(shown))]
        parts.append(
            {
                "key": rows[0][1],
                "node_id": [row[1] for row in rows],
                "node_name_zh": [row[2] or "" for row in rows],
                "node_name_en": [row[3] or "" for row in rows],
                "node_country": [row[4] or "" for row in rows],
                "node_labels": ["|".join(row[5]) for row in rows],
                "node_synthetic": [row[6] for row in rows],
                "edge_source": [at[r[0]] for r in picked],
                "edge_target": [at[r[1]] for r in picked],
                "edge_type": [r[2] for r in picked],
                "edge_experience": [r[3] or "" for r in picked],
                "edges_within": within,
                "nodes_total": 1 + len(partners),
            }
        )
    return parts


def _graph(rnd: random.Random) -> tuple[list[list[Any]], list[list[Any]]]:
    n, hubs = rnd.randint(1, 120), rnd.randint(1, 6)
    orgs = [
        [
            f"e{k}",
            f"id{rnd.randrange(1000):03d}-{k}",
            "" if rnd.random() < 0.01 else f"名{k}",
            rnd.choice([None, f"N{k}"]),
            rnd.choice(["CN", "US", None]),
            rnd.sample(["Enterprise", "Sample", "Investor"], rnd.randint(0, 2)),
            rnd.random() < 0.5,
        ]
        for k in range(n)
    ]
    relations = []
    for _ in range(rnd.randint(0, 600)):
        start = f"e{rnd.randrange(hubs if rnd.random() < 0.6 else n)}"
        end = f"e{rnd.randrange(n)}" if rnd.random() > 0.003 else "not-an-organisation"
        if rnd.random() < 0.003:
            end = start
        if rnd.random() < 0.5:
            start, end = end, start
        experience = rnd.choice([None, "study", "work", ""]) if rnd.random() < 0.2 else None
        relations.append([start, end, rnd.choice(["EMPOWERS", "INVESTS_IN"]), experience])
    return orgs, relations


@pytest.mark.parametrize("seed", range(12))
def test_ego_parts_are_the_views_ego_network_shows(seed: int, monkeypatch: pytest.MonkeyPatch) -> None:
    rnd = random.Random(seed)
    monkeypatch.setattr(aggregates, "EGO_HUB_PARTNERS", rnd.choice([1, 2, 8]))
    monkeypatch.setattr(aggregates, "EGO_SHOWN", rnd.choice([2, 5, 499]))
    kept = 0
    for _ in range(8):
        orgs, relations = _graph(rnd)
        expected = _by_the_definition(orgs, relations)
        assert aggregates.ego_parts(orgs, relations) == expected
        kept += len(expected)
    assert kept  # the graphs had hubs


def test_no_relations_no_parts() -> None:
    assert aggregates.ego_parts([["e0", "a", "名", None, "CN", [], False]], []) == []
