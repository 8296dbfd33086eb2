"""Explorer benchmark: first render time of each page (streamlit.testing AppTest, as the explorer tests drive
it), in a separate process pointed at the benchmark's engine. Per page: `cold` = a new session with
Streamlit's data and resource caches cleared (every query goes to the engine), `warm` = the same page
rendered again (cached). The app's own first run (default page, imports) is reported as `app_start`."""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

from bench.engine import Engine

ROOT = Path(__file__).resolve().parent.parent
APP = ROOT / "explorer" / "app.py"
VIEWS = ROOT / "explorer" / "views"


def pages() -> list[str]:
    """The explorer's pages (files under explorer/views/), in the app's navigation order when known."""
    found = sorted(p.stem for p in VIEWS.glob("*.py") if not p.stem.startswith("_"))
    order = ["ask", "organization", "network", "jobs", "console"]
    return [p for p in order if p in found] + [p for p in found if p not in order]


def run(engine: Engine, *, timeout_s: float = 600.0) -> dict[str, Any]:
    if not APP.exists():
        return {"skipped": "no explorer/app.py"}
    out_path = ROOT / "bench" / ".cache" / f"explorer-{os.getpid()}.json"
    out_path.parent.mkdir(parents=True, exist_ok=True)
    env = engine.env()
    env["NEO4J_URI"] = env.get("NEO4J_URI", "")  # empty = embedded, even if a .env names a Neo4j
    proc = subprocess.run(
        [sys.executable, "-m", "bench.explorer", "--out", str(out_path)],
        cwd=ROOT,
        env=env,
        timeout=timeout_s,
        check=False,
    )
    if proc.returncode != 0 or not out_path.exists():
        return {"error": f"explorer benchmark process exited with {proc.returncode}"}
    data: dict[str, Any] = json.loads(out_path.read_text(encoding="utf-8"))
    out_path.unlink(missing_ok=True)
    return data


def _errors(at: Any) -> list[str]:
    return [str(e.value)[:200] for e in at.error] + [str(e.value)[:200] for e in at.exception]


def _main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="bench.explorer")
    ap.add_argument("--out", type=Path, required=True)
    ap.add_argument("--lang", default="zh")
    args = ap.parse_args(argv)
    t = time.perf_counter()
    import streamlit as st
    from streamlit.testing.v1 import AppTest

    result: dict[str, Any] = {"imports_s": round(time.perf_counter() - t, 2), "pages": {}}
    t = time.perf_counter()
    at = AppTest.from_file(str(APP), default_timeout=300)
    at.session_state["lang"] = args.lang
    at.run()
    result["app_start_s"] = round(time.perf_counter() - t, 2)
    for page in pages():
        st.cache_data.clear()
        st.cache_resource.clear()
        at = AppTest.from_file(str(APP), default_timeout=300)
        at.session_state["lang"] = args.lang
        at.switch_page(f"views/{page}.py")
        t = time.perf_counter()
        at.run()
        cold = time.perf_counter() - t
        errs = _errors(at)
        t = time.perf_counter()
        at.run()
        warm = time.perf_counter() - t
        result["pages"][page] = {"cold_s": round(cold, 3), "warm_s": round(warm, 3), "errors": errs}
        print(
            f"  page {page:<14} cold {cold:6.2f} s  warm {warm:6.2f} s" + (f"  ERRORS {errs}" if errs else "")
        )
    args.out.write_text(json.dumps(result, ensure_ascii=False), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(_main())
