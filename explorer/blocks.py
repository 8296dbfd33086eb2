"""Runs of small elements drawn as one HTML block (`st.html`): a list of links, a row of figures.

In a new tab the browser draws every Streamlit element of a page's first run as its own React component
(one message each, its own layout and resize observers): the start page's 7 question links and 7 figures
were 14 elements in 5 column blocks, and that drawing, not the server, was most of the time until its
figures showed. A block is one element and looks the same (sizes measured from st.page_link and
st.metric). Pure functions: the HTML only; `explorer.ui` draws them.
"""

from __future__ import annotations

from collections.abc import Sequence
from html import escape

# A plain click on an in-app link navigates inside the running app, as st.page_link does: the address
# changes and Streamlit's own handler of the browser's back and forward buttons (popstate) opens that page
# in this session, without loading the app again. A click with a modifier key (a new tab or window) and a
# browser without scripts follow the link itself.
_IN_APP = """<script>
(() => {
  const box = document.currentScript.parentElement;
  box.addEventListener("click", (e) => {
    const a = e.target.closest("a[data-in-app]");
    if (!a || e.defaultPrevented || e.button !== 0) return;
    if (e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
    e.preventDefault();
    window.history.pushState({}, "", a.href);
    window.dispatchEvent(new PopStateEvent("popstate"));
  });
})();
</script>"""

# Sizes as st.page_link and st.metric draw them (14 px text on 28 px lines 8 px apart, 8 px padding; a 14 px
# label over a 36 px value; 16 px between columns); colours from the page's text. st.html indents lists:
# the rules name the block too, to win over its own.
STYLE = """<style>
.vn-block h3 {font-size: 1.75rem; font-weight: 600; line-height: 1.2; padding: 0.75rem 0 0.75rem; margin: 0;}
.vn-block .vn-links {display: grid; column-gap: 1rem; row-gap: 0.5rem; list-style: none; padding: 0;
  margin: 0;}
.vn-links li {margin: 0; padding: 0;}
.vn-links a {display: flex; align-items: center; gap: 0.5rem; padding: 0 0.5rem; border-radius: 0.5rem;
  font-size: 0.875rem; line-height: 1.75rem; color: inherit; text-decoration: none;}
.vn-links a:hover, .vn-links a:focus-visible {background-color: rgba(151, 166, 195, 0.15);}
.vn-links .vn-arrow {font-size: 1rem; width: 1rem; text-align: center;}
.vn-block .vn-figures {display: grid; column-gap: 1rem; row-gap: 1rem; padding: 0; margin: 0;}
.vn-figures + .vn-figures {margin-top: 1rem;}
.vn-figures div {min-width: 0;}
.vn-figures dt {font-size: 0.875rem; line-height: 1.5rem; font-weight: 400;}
.vn-figures dd {font-size: 2.25rem; line-height: 3rem; margin: 0; padding-bottom: 0.25rem;
  white-space: nowrap; overflow: hidden; text-overflow: ellipsis;}
</style>"""


def links(heading: str, items: Sequence[tuple[str, str]], columns: int = 2, css: str = "") -> str:
    """A heading over links (label, href) in `columns` columns, filled row by row as st.columns were; an
    href inside the app (relative, as `ui.page_href` makes it) opens its page in this session. `css`:
    rules the page wants in place with this block (it is drawn with the first screen)."""
    rows = "".join(
        f'<li><a href="{escape(href)}" data-in-app="1"><span class="vn-arrow" aria-hidden="true">→</span>'
        f"<span>{escape(label)}</span></a></li>"
        for label, href in items
    )
    return (
        f"{STYLE}{f'<style>{css}</style>' if css else ''}"
        f'<nav class="vn-block" aria-label="{escape(heading)}"><h3>{escape(heading)}</h3>'
        f'<ul class="vn-links" style="grid-template-columns: repeat({columns}, minmax(0, 1fr))">{rows}</ul>'
        f"{_IN_APP}</nav>"
    )


def figures(heading: str, rows: Sequence[Sequence[tuple[str, str]]]) -> str:
    """A heading over rows of figures (label, value as shown), each row's figures side by side in equal
    columns, as a row of st.metric in st.columns."""
    body = "".join(
        f'<dl class="vn-figures" style="grid-template-columns: repeat({max(1, len(row))}, minmax(0, 1fr))">'
        + "".join(f"<div><dt>{escape(label)}</dt><dd>{escape(value)}</dd></div>" for label, value in row)
        + "</dl>"
        for row in rows
    )
    return f'{STYLE}<section class="vn-block"><h3>{escape(heading)}</h3>{body}</section>'
