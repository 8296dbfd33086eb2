"""Explorer pages, run by st.navigation as scripts (not imported)."""
