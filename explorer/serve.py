"""`python -m explorer.serve run explorer/app.py [flags]`: Streamlit's own command line (as `python -m
streamlit`), with the explorer's heavy libraries imported in a background thread while the server starts.

Streamlit imports the app's modules only when the first browser session runs the script, so without this
the first visitor waits for pandas, pyarrow, the driver and the question library to load (about 3 s on a
busy 2-core machine). Then it reads what the start page shows and links to (`explorer.data.warm_now`: the
figures, the headline questions' answers, the plain-words lexicon), so the first visitor finds them cached.
"""

from __future__ import annotations

import sys
import threading


def _preload() -> None:
    import neo4j  # noqa: F401
    import pandas  # noqa: F401
    import pyarrow  # noqa: F401

    from explorer import geo, jobs_info
    from valuenet import questions

    questions.library()
    geo.provinces_geojson()
    geo.centroids()
    jobs_info.catalogue()
    from explorer import data

    data.warm_now()


def main() -> None:
    threading.Thread(target=_preload, name="explorer-preload", daemon=True).start()
    from streamlit.web.cli import main as streamlit_main

    sys.argv = ["streamlit", *sys.argv[1:]]
    streamlit_main()


if __name__ == "__main__":
    main()
