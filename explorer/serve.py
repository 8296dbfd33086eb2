"""`python -m explorer.serve run explorer/app.py [flags]`: Streamlit's own command line (as `python -m
streamlit`), with the explorer's heavy libraries imported in a background thread while the server starts.

Streamlit imports the app's modules only when the first browser session runs the script, so without this
the first visitor waits for pandas, pyarrow, the driver and the question library to load (about 3 s on a
busy 2-core machine). Then it reads what the start page shows and links to (`explorer.data.warm_now`: the
figures, the headline questions' answers, the plain-words lexicon), so the first visitor finds them cached.

It also tells Streamlit's browser code where the server is (`_static_dir`), so a page's URL opened in a new
tab connects at once.
"""

from __future__ import annotations

import atexit
import json
import shutil
import sys
import tempfile
import threading
from pathlib import Path

# The pages' `url_path`s in app.py: the last part of a page's URL, not of the server's base path.
PAGE_PATHS = ("ask", "organization", "network", "jobs", "console")


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


# Run before Streamlit's code: a URL ending in a page's path has the server's base path before it.
_BASE_URL_JS = """<script>
(function () {
  var parts = location.pathname.replace(/\\/+$/, "").split("/");
  if (%s.indexOf(parts[parts.length - 1]) >= 0) parts.pop();
  window.__streamlit = {BACKEND_BASE_URL: location.origin + parts.join("/") + "/"};
})();
</script>"""


def _static_dir(streamlit_static: Path, into: Path) -> Path:
    """Streamlit's browser files in `into` (links), its index.html with the server's address set first.

    Opened at a page's URL (/organization?org=…, a shared link) Streamlit's browser code does not know
    which part of the path is the server's: it asks /organization/_stcore/health first, gets a 404, waits
    its 100 ms retry delay and asks /_stcore/health. Told the address (`window.__streamlit`, the setting
    Streamlit reads for apps embedded elsewhere), it connects at once: the same choice, 0.1 s sooner."""
    for entry in streamlit_static.iterdir():
        if entry.name != "index.html":
            (into / entry.name).symlink_to(entry)
    index = (streamlit_static / "index.html").read_text(encoding="utf-8")
    script = _BASE_URL_JS % json.dumps(list(PAGE_PATHS))
    (into / "index.html").write_text(index.replace("<head>", "<head>\n" + script, 1), encoding="utf-8")
    return into


def _serve_static_dir() -> None:
    from streamlit import file_util

    own = _static_dir(Path(file_util.get_static_dir()), Path(tempfile.mkdtemp(prefix="valuenet-explorer-")))
    atexit.register(shutil.rmtree, own, ignore_errors=True)
    file_util.get_static_dir = lambda: str(own)


def main() -> None:
    threading.Thread(target=_preload, name="explorer-preload", daemon=True).start()
    _serve_static_dir()
    from streamlit.web.cli import main as streamlit_main

    sys.argv = ["streamlit", *sys.argv[1:]]
    streamlit_main()


if __name__ == "__main__":
    main()
