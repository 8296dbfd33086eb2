"""co_investors' pairs (valuenet.aggregates._investor_pairs) against every pair followed one by one."""

from __future__ import annotations

import random
from collections import defaultdict
from typing import Any

import pytest

from valuenet import aggregates


def _every_pair(found: list[list[Any]]) -> tuple[dict[tuple[str, str], dict[str, Any]], set[str]]:
    """The pairs as co_investment_pairs counts them live, each pair of each investee followed here."""
    pairs: dict[tuple[str, str], dict[str, Any]] = {}
    editions = {""}
    for investee, investee_name, investors in found:
        ordered = sorted(investors, key=lambda investor: aggregates._text_order(investor[0]))
        for i, a in enumerate(ordered):
            for b in ordered[i + 1 :]:
                pair = pairs.setdefault(
                    (a[0], b[0]),
                    {
                        "names": [a[1], b[1], a[2], b[2]],
                        "synthetic": (a[3], b[3]),
                        "investees": defaultdict(dict),
                    },
                )
                pair["investees"][""][investee] = investee_name
                for edition in set(a[4]) & set(b[4]):
                    pair["investees"][str(edition)][investee] = investee_name
                    editions.add(str(edition))
    kept = {ids: p for ids, p in pairs.items() if len(p["investees"][""]) >= aggregates.SHARED_AT_LEAST}
    return kept, editions


def _investees(seed: int) -> list[list[Any]]:
    """Investees of a few investors each, some investing twice in one (two relations), in two editions."""
    rng = random.Random(seed)
    investors = [(f"ref:投资{n:02d}", f"投资{n:02d}", f"Fund {n}", n % 5 == 0) for n in range(25)]
    found = []
    for t in range(60):
        chosen = rng.sample(investors, rng.randint(2, 7))
        chosen += rng.sample(chosen, rng.randint(0, 1))  # the same investor again
        rows = [[*inv, rng.choice([[2021], [2020], [2020, 2021], []])] for inv in chosen]
        found.append([f"#{t}:0", f"企业{t}" if t % 7 else None, rows])
    return found


@pytest.mark.parametrize("seed", range(5))
def test_the_pairs_kept_are_those_every_pair_followed_gives_in_the_same_order(seed: int) -> None:
    found = _investees(seed)
    pairs, editions = aggregates._investor_pairs(found)
    expected, expected_editions = _every_pair(found)
    assert pairs, "some pairs share two investees"
    assert list(pairs) == list(expected), "the same pairs, in the order they first meet"
    assert editions == expected_editions
    for ids, pair in pairs.items():
        want = expected[ids]
        assert pair["names"] == want["names"] and pair["synthetic"] == want["synthetic"]
        assert {v: list(d.items()) for v, d in pair["investees"].items() if d} == {
            v: list(d.items()) for v, d in want["investees"].items() if d
        }


def test_no_investee_with_two_investors_gives_no_pair() -> None:
    assert aggregates._investor_pairs([]) == ({}, {""})
