"""What a page draws once the browser has drawn its first screen.

The data grid's and ECharts' browser code is large (~1.2 MB for the grid, ~2.5 MB for ECharts): in a new
tab the browser loads and compiles it when a page first shows one of them, before it draws anything else
of that run. Pages draw those parts once `drawn()` says the session's first screen is on screen.
"""

from __future__ import annotations

import streamlit as st
from streamlit.runtime.scriptrunner import get_script_run_ctx

FIRST_SCREEN = "_first_screen_drawn"  # session state: the browser has drawn this session's first screen
FIRST_SCREEN_S = 0.5  # time for the browser to draw it


def drawn() -> bool:
    """Whether the browser of this session has drawn a first screen, so the page may draw what needs heavy
    browser code (the data grid, ECharts: loading and compiling it before the first screen tripled the
    renderer's CPU until the start page's figures showed, 7 s against 3 s at load 17; Streamlit's own start
    alone: 2 s). Until then a fragment reruns itself after a moment and asks for the whole page again."""
    if st.session_state.get(FIRST_SCREEN):
        return True

    @st.fragment(run_every=FIRST_SCREEN_S)
    def first_screen() -> None:
        if _fragment_rerun():
            st.session_state[FIRST_SCREEN] = True
            st.rerun()  # the whole page, now with what it left out

    first_screen()
    return False


def _fragment_rerun() -> bool:
    """Whether this run is a fragment's own rerun (not the page's)."""
    ctx = get_script_run_ctx()
    return bool(ctx and ctx.fragment_ids_this_run)
