"""The bulk write's sender (valuenet/db.py `_Sender`): requests in order, one at a time, each answer handed
back on the caller's thread, an engine's refusal raised to the caller, none left running after the block."""

from __future__ import annotations

import threading
from typing import Any

import pytest

from valuenet.db import BulkWriteError, _Sender


def test_requests_go_in_order_one_at_a_time_and_answers_come_back_here() -> None:
    sent: list[list[str]] = []
    running = threading.Semaphore(1)

    def post(lines: list[str], rows: int, **options: str) -> dict[str, Any]:
        assert running.acquire(blocking=False), "two requests at once"
        try:
            sent.append(lines)
            return {"rows": rows, **options}
        finally:
            running.release()

    answers: list[tuple[str, dict[str, Any]]] = []
    with _Sender(post) as sender:
        for i in range(5):
            sender.send([f"line {i}"], i, then=lambda a: answers.append((threading.current_thread().name, a)))
        sender.send(["last"], 9, idMapping="true")
    assert sent == [[f"line {i}"] for i in range(5)] + [["last"]]
    assert answers == [(threading.current_thread().name, {"rows": i}) for i in range(5)]


def test_a_refused_request_is_raised_and_nothing_runs_after_the_block() -> None:
    done = threading.Event()

    def post(lines: list[str], rows: int, **options: str) -> dict[str, Any]:
        if lines == ["bad"]:
            raise BulkWriteError("the engine refused a bulk write: duplicate key")
        done.set()
        return {}

    with pytest.raises(BulkWriteError, match="duplicate key"), _Sender(post) as sender:
        sender.send(["bad"], 1)
        sender.send(["never"], 1)  # waits for the one before, which raises here
    assert not done.is_set()
