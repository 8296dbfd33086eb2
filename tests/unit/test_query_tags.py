"""The read-only path's query tags: reused once free (engines cache plans by query text), never shared by
two queries running at the same time (stop_tagged would end both)."""

from __future__ import annotations

import threading

from valuenet.db import _QueryTags


def test_a_free_tag_is_reused() -> None:
    tags = _QueryTags()
    first = tags.lease()
    tags.release(first)
    assert tags.lease() == first


def test_running_queries_never_share_a_tag() -> None:
    tags = _QueryTags()
    held = [tags.lease() for _ in range(5)]
    assert len(set(held)) == 5
    tags.release(held[2])
    again = tags.lease()
    assert again == held[2]
    assert again not in held[:2] + held[3:]


def test_an_unreleased_tag_stays_out_of_use() -> None:
    # an abandoned query (its worker still running) keeps its tag for good
    tags = _QueryTags()
    abandoned = tags.lease()
    assert all(tags.lease() != abandoned for _ in range(20))


def test_processes_get_different_tags() -> None:
    assert _QueryTags().lease() != _QueryTags().lease()


def test_threads_lease_distinct_tags() -> None:
    tags = _QueryTags()
    seen: list[str] = []
    lock = threading.Lock()

    def lease() -> None:
        tag = tags.lease()
        with lock:
            seen.append(tag)

    workers = [threading.Thread(target=lease) for _ in range(16)]
    for w in workers:
        w.start()
    for w in workers:
        w.join()
    assert len(set(seen)) == 16
