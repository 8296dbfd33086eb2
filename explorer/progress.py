"""Progress on slow steps: a spinner whose elapsed time reads in the page's language.

Streamlit's own `st.spinner(show_time=True)` counts in its browser code, in English ("(2.8 seconds)") on
Chinese pages too; this one counts on the server: after half a second (as Streamlit's spinner waits, so
fast and cached steps show nothing) a running status in the step's place says what is being done and for
how long ("正在回答：…（已用 2.5 秒）"), updated every half second, gone once the step is done.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager

import streamlit as st
from streamlit.runtime.scriptrunner import add_script_run_ctx, get_script_run_ctx

from explorer.i18n import STRINGS, lang

TICK_S = 0.5
_active = threading.local()  # a step inside a step shows one timer: the outer one


def elapsed(text: str, seconds: float, language: str) -> str:
    """What the status says: the step and its time so far, in the page's language."""
    zh, en = STRINGS["elapsed"]
    return (en if language == "en" else zh).format(text=text, s=seconds)


@contextmanager
def working(text: str) -> Iterator[None]:
    """Show `text` with the seconds it has taken while the body runs, if it runs longer than a tick."""
    if getattr(_active, "depth", 0) or get_script_run_ctx() is None:
        yield
        return
    slot = st.empty()
    language = lang()  # bound now: the ticker thread reads no page state
    started = time.perf_counter()
    done = threading.Event()
    lock = threading.Lock()

    def tick() -> None:
        box = None
        while not done.wait(TICK_S):
            with lock:
                if done.is_set():
                    return
                shown = elapsed(text, time.perf_counter() - started, language)
                if box is None:
                    box = slot.status(shown, state="running")
                else:
                    box.update(label=shown)

    ticker = threading.Thread(target=tick, name="explorer-progress", daemon=True)
    add_script_run_ctx(ticker)
    _active.depth = 1
    ticker.start()
    try:
        yield
    finally:
        _active.depth = 0
        with lock:
            done.set()
            slot.empty()
