"""The publication of scores on a Neo4j whose transaction memory is short, as a 2g heap's 1.4 GiB was for
`valuenet jobs run` at scale 1 (43,823 organisations, 15 scored jobs): the same statements at a smaller
scale against a smaller limit. The publication writes in transactions of `batch_size` nodes and fits; all
of it in one transaction (the shape that failed) is refused at once, with what to do, not retried."""

from __future__ import annotations

import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.conftest import neo4j_settings, running
from tests.jobs_fixtures import load_orgs
from valuenet import schema
from valuenet.db import Graph, TransactionMemoryError, connect

pytestmark = [pytest.mark.neo4j]
TX_MEMORY = "40m"  # dbms.memory.transaction.total.max of this test's server
IDS = [f"o{i}" for i in range(6000)]
JOBS = 6  # scored jobs published together, each a run-keyed and a public property on every node
PUBLISH = "MATCH (r:JobRun {id: $run_id}) SET r.published = true RETURN r.id AS id, $copied AS copied"


@pytest.fixture(scope="module")
def tight(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Graph]:
    s = neo4j_settings(Path(tmp_path_factory.mktemp("valuenet-neo4j-tight")))
    s.valuenet_neo4j_tx_memory = TX_MEMORY
    with running(s):
        g = connect(s)
        try:
            schema.apply(g)
            load_orgs(g, IDS)
            g.write("CREATE (:JobRun {id: 'run1'})")
            yield g
        finally:
            g.close()


def _publish(g: Graph, run: str, batch_size: int) -> list[dict[str, object]]:
    scores = {f"s{j}__{run}": (f"s{j}", {k: float(i + j) for i, k in enumerate(IDS)}) for j in range(JOBS)}
    return g.publish_properties(
        "Organization", "id", scores=scores, copies={}, then=PUBLISH, params={"run_id": "run1"},
        batch_size=batch_size,
    )  # fmt: skip


def test_the_publication_in_one_transaction_is_refused_at_once(tight: Graph) -> None:
    started = time.perf_counter()
    with pytest.raises(TransactionMemoryError, match="VALUENET_HEAP"):
        _publish(tight, "a", batch_size=len(IDS))
    assert time.perf_counter() - started < 20  # not run again (the driver alone retries for 30 s)
    assert tight.read("MATCH (r:JobRun {id: 'run1'}) RETURN r.published AS p") == [{"p": None}]


def test_the_publication_in_batches_fits(tight: Graph) -> None:
    rows = _publish(tight, "b", batch_size=500)
    assert rows == [{"id": "run1", "copied": {f"s{j}__b": len(IDS) for j in range(JOBS)}}]
    got = tight.read(
        "MATCH (n:Organization) RETURN count(n) AS n, sum(n.s0) AS s0, sum(n.s5) AS s5, "
        "count(n.s3__b) AS staged"
    )
    total = sum(range(len(IDS)))
    assert got == [{"n": len(IDS), "s0": float(total), "s5": float(total + 5 * len(IDS)), "staged": len(IDS)}]
    _publish(tight, "c", batch_size=500)  # a second version, then the first one pushed out
    tight.publish_properties(
        "Organization", "id", scores={}, copies={"s0__c": "s0"}, drop=[f"s{j}__b" for j in range(JOBS)],
        then=PUBLISH, params={"run_id": "run1"}, batch_size=500,
    )  # fmt: skip
    left = "MATCH (n:Organization) WHERE n.s1__b IS NOT NULL OR n.s4__b IS NOT NULL RETURN count(n) AS n"
    assert tight.read(left) == [{"n": 0}]
