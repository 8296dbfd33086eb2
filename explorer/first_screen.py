"""What a page draws once the browser has drawn its first screen.

The data grid's and ECharts' browser code is large (~1.2 MB for the grid, ~2.5 MB for ECharts): in a new
tab the browser loads and compiles it when a page first shows one of them, before it draws anything else
of that run. Pages draw those parts once `drawn()` says the session's first screen is on screen.
"""

from __future__ import annotations

import streamlit as st

FIRST_SCREEN = "_first_screen_drawn"  # session state: the browser has drawn this session's first screen
SIGNAL = "valuenet.first_screen"  # the component that says so

# Mounted after the page's first screen; once the browser has drawn a frame with it and then has nothing
# left to do (requestIdleCallback: no task pending, so the elements above it are drawn), it says so, which
# reruns the page with what it left out. A fixed timer (0.5 s after the script's elements arrived) fired
# while a busy browser was still drawing the first screen: the hidden grid and chart code then loaded and
# compiled before the start page's figures showed.
_SIGNAL_JS = """
export default function (component) {
  const idle = window.requestIdleCallback || ((f) => setTimeout(f, 50));
  requestAnimationFrame(() => idle(() => component.setTriggerValue("drawn", true), {timeout: 5000}));
}
"""
_signal = st.components.v2.component(SIGNAL, js=_SIGNAL_JS)


def _mark_drawn() -> None:
    st.session_state[FIRST_SCREEN] = True


def drawn() -> bool:
    """Whether the browser of this session has drawn a first screen, so the page may draw what needs heavy
    browser code (the data grid, ECharts: loading and compiling it before the first screen tripled the
    renderer's CPU until the start page's figures showed, 7 s against 3 s at load 17; Streamlit's own start
    alone: 2 s). Until then the page draws a small element whose browser code says when the screen is
    drawn; its trigger reruns the page."""
    if st.session_state.get(FIRST_SCREEN):
        return True
    _signal(key="first_screen_signal", on_drawn_change=_mark_drawn)
    return False
