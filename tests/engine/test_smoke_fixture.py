from valuenet.db import Graph


def test_fresh_databases_are_isolated(fresh_graph) -> None:  # type: ignore[no-untyped-def]
    a: Graph = fresh_graph()
    b: Graph = fresh_graph()
    a.write("CREATE (:Organization {id: 'only-in-a'})")
    assert a.counts()[0] == b.counts()[0] + 1
