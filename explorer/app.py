"""The valuenet explorer: `valuenet explore` (or `streamlit run explorer/app.py`).

Pages: Start (what valuenet is, this graph's figures, headline questions, a plain-words search box), Ask
(the question library), Organisation, Network overview, Jobs, Cypher console. The engine is the
one valuenet is configured for (NEO4J_URI, else the embedded server of VALUENET_HOME; NEO4J_DATABASE picks
the database). Nothing here queries the graph at import time; pages read through `explorer.data` caches.
"""

from __future__ import annotations

from pathlib import Path

import streamlit as st

from explorer import ui
from explorer.i18n import t

HERE = Path(__file__).resolve().parent

st.set_page_config(page_title="valuenet", page_icon=str(HERE / "static" / "favicon.png"), layout="wide")
ui.language_switch()
page = st.navigation(
    [
        st.Page(HERE / "views" / "start.py", title=t("page_start"), icon=":material/home:", default=True),
        st.Page(HERE / "views" / "ask.py", title=t("page_ask"), icon=":material/help:", url_path="ask"),
        st.Page(
            HERE / "views" / "organization.py",
            title=t("page_org"),
            icon=":material/apartment:",
            url_path="organization",
        ),
        st.Page(
            HERE / "views" / "network.py", title=t("page_network"), icon=":material/hub:", url_path="network"
        ),
        st.Page(
            HERE / "views" / "jobs.py", title=t("page_jobs"), icon=":material/settings:", url_path="jobs"
        ),
        st.Page(
            HERE / "views" / "console.py",
            title=t("page_console"),
            icon=":material/terminal:",
            url_path="console",
        ),
    ]
)
ui.open_selected_org()
conn = ui.connect()
st.sidebar.caption(f"{t('engine')}: {conn.key.split('|')[0]} · {conn.key.split('|')[1] or '-'}")
ui.synthetic_banner(conn)
page.run()
