"""Explorer benchmark, in two parts, each in its own process pointed at the benchmark's engine:

- `pages`: the first render time of each page (streamlit.testing AppTest, as the explorer tests drive it):
  `cold` = a new session with Streamlit's data and resource caches cleared (every query goes to the engine),
  `warm` = the same page rendered again (cached); the app's own first run is `app_start`.
- `browser`: what a reader waits for, in Chromium (Playwright, Debian's /usr/bin/chromium) against a real
  `valuenet explore` server: the start page's first visit (its links, its figures), one click on
  谁在为广州汽车制造业赋能？ until the answer's table and chart are drawn (a fresh tab each time: the first
  click asks the engine, the later ones find the answer cached), and the organisation pages of 华为 and
  清华大学 until their "why central" reads and their network is drawn. Goal: ≤ 1 s on a quiet machine, each
  flow's status printed and in the result (`met`), the first visit apart (it may read the engine).
  An organisation's page is timed on the reader's way there: its name typed in the start page's box opens
  it in the same tab (as a partner's link or a table's selected row does: the same browser session, no
  Streamlit start in the browser). The page in a new tab (a pasted or shared URL) is timed too, reported
  beside it (`new_tab`).
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any

from bench.engine import Engine, free_port
from valuenet import queries

if TYPE_CHECKING:
    from playwright.sync_api import BrowserContext, Page

ROOT = Path(__file__).resolve().parent.parent
APP = ROOT / "explorer" / "app.py"
VIEWS = ROOT / "explorer" / "views"
GOAL_S = 1.0
CHROMIUM = Path("/usr/bin/chromium")
# Flags from .library/env/machines/python.md: without the background-networking ones Chromium keeps trying
# to reach Google's hosts through this machine's closed network.
CHROMIUM_FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
HEADLINE = "谁在为广州汽车制造业赋能？"
SEARCH_BOX = "用自己的话提问"  # the start page's box (its label)
ANSWER_CODE = ".st-key-answer_code"  # the start page's hidden answer elements (explorer.ui.load_answer_code)
ORGANISATIONS = {"华为": "ref:华为", "清华大学": "ref:清华大学"}
CLICKS = 5


def pages() -> list[str]:
    """The explorer's pages (files under explorer/views/), in the app's navigation order when known."""
    found = sorted(p.stem for p in VIEWS.glob("*.py") if not p.stem.startswith("_"))
    order = ["ask", "organization", "network", "jobs", "console"]
    return [p for p in order if p in found] + [p for p in found if p not in order]


def run(engine: Engine, *, timeout_s: float = 900.0) -> dict[str, Any]:
    if not APP.exists():
        return {"skipped": "no explorer/app.py"}
    out_path = ROOT / "bench" / ".cache" / f"explorer-{os.getpid()}.json"
    out_path.parent.mkdir(parents=True, exist_ok=True)
    env = engine.env()
    env["NEO4J_URI"] = env.get("NEO4J_URI", "")  # empty = embedded, even if a .env names a Neo4j
    # the reader's flow asks about the reference graph's organisations: on another graph, pages only
    reference = bool(engine.graph.read(queries.text("explorer/org_by_id"), {"id": ORGANISATIONS["华为"]}))
    proc = subprocess.run(
        [
            sys.executable,
            "-m",
            "bench.explorer",
            "--out",
            str(out_path),
            *([] if reference else ["--only", "pages"]),
        ],
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


def _pages(lang: str) -> dict[str, Any]:
    t = time.perf_counter()
    import streamlit as st
    from streamlit.testing.v1 import AppTest

    from explorer import first_screen

    result: dict[str, Any] = {"imports_s": round(time.perf_counter() - t, 2), "pages": {}}
    t = time.perf_counter()
    at = AppTest.from_file(str(APP), default_timeout=300)
    at.session_state["lang"] = lang
    # AppTest runs no fragment timers: the session as once its first screen was drawn (every element)
    at.session_state[first_screen.FIRST_SCREEN] = True
    at.run()
    result["app_start_s"] = round(time.perf_counter() - t, 2)
    for page in pages():
        st.cache_data.clear()
        st.cache_resource.clear()
        at = AppTest.from_file(str(APP), default_timeout=300)
        at.session_state["lang"] = lang
        at.session_state[first_screen.FIRST_SCREEN] = True
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
    return result


# -- a real server and Chromium ------------------------------------------------------------------------------
@contextmanager
def serve(env: dict[str, str], log: Path, port: int | None = None, wait_s: float = 90) -> Iterator[str]:
    """`valuenet explore`'s server on a free localhost port with `env`, its output in `log`: the URL once it
    answers its health check; stopped afterwards."""
    from explorer import cli

    port = port or free_port()
    with log.open("w") as out:
        proc = subprocess.Popen(cli.command(port, "127.0.0.1"), env=env, stdout=out, stderr=subprocess.STDOUT)
        url = f"http://127.0.0.1:{port}"
        try:
            deadline = time.monotonic() + wait_s
            while True:
                try:
                    with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as r:
                        if r.status == 200:
                            break
                except OSError:
                    pass
                if proc.poll() is not None or time.monotonic() > deadline:
                    raise RuntimeError(f"the explorer server did not start; see {log}")
                time.sleep(0.3)
            yield url
        finally:
            proc.terminate()
            try:
                proc.wait(timeout=20)
            except subprocess.TimeoutExpired:
                proc.kill()


def _load() -> float:
    return round(os.getloadavg()[0], 1)


def start_then_click(browser: BrowserContext, url: str) -> dict[str, Any]:
    """A fresh tab on the start page: when its headline links and its figures show; then one click on the
    headline question until the answer's table and chart are drawn."""
    page = browser.new_page()
    try:
        tab = _TabTasks(browser, page)
        t0 = time.perf_counter()
        page.goto(url)
        link = page.get_by_role("link", name=HEADLINE)
        link.wait_for(timeout=300_000)
        links_s = time.perf_counter() - t0
        page.get_by_text("样本企业", exact=True).first.wait_for(timeout=300_000)
        figures_s = time.perf_counter() - t0
        figures_tab_s = tab.since()
        # the reader reads: the start page loads the answer's code once its first screen is drawn
        page.locator(f"{ANSWER_CODE} [data-testid='stDataFrame']").wait_for(state="attached", timeout=300_000)
        page.wait_for_timeout(1000)  # the preloaded grid and chart code settle
        load = _load()
        tab = _TabTasks(browser, page)
        t1 = time.perf_counter()
        link.click()
        page.locator("[data-testid='stDataFrame']:visible canvas").first.wait_for(timeout=300_000)
        page.locator(".echarts-container:visible canvas").first.wait_for(timeout=300_000)
        click_s = time.perf_counter() - t1
        return {
            "start_links_s": round(links_s, 2),
            "start_figures_s": round(figures_s, 2),
            "start_figures_tab_s": figures_tab_s,
            "click_to_answer_s": round(click_s, 2),
            "click_tab_s": tab.since(),
            "load": load,
        }
    finally:
        page.close()


class _TabTasks:
    """The tab's main-thread task time (Chromium's `TaskDuration`, over CDP) since this was made: what the
    browser worked for a flow, steadier than its wall time on a shared machine (all of it is the renderer's
    main thread; the explorer server's CPU for a start page in a new tab was 0.06-0.11 s, load 10)."""

    def __init__(self, browser: BrowserContext, page: Page) -> None:
        self.cdp = browser.new_cdp_session(page)
        self.cdp.send("Performance.enable")
        self.start = self._now()

    def _now(self) -> float:
        metrics = self.cdp.send("Performance.getMetrics")["metrics"]
        return float(next(m["value"] for m in metrics if m["name"] == "TaskDuration"))

    def since(self) -> float:
        return round(self._now() - self.start, 2)


def organisation_from_start(browser: BrowserContext, url: str, name: str) -> dict[str, Any]:
    """The reader's way to an organisation's page: a fresh tab on the start page, the name typed in its box;
    from the click on 提问 until the page's "why central" sentence reads and its network shows (same tab)."""
    page = browser.new_page()
    try:
        page.goto(url)
        box = page.get_by_label(SEARCH_BOX)
        box.wait_for(timeout=300_000)
        page.get_by_text("样本企业", exact=True).first.wait_for(timeout=300_000)
        box.fill(name)
        page.locator(f"{ANSWER_CODE} [data-testid='stDataFrame']").wait_for(state="attached", timeout=300_000)
        page.wait_for_timeout(1000)  # the reader typed; the start page's preloaded code settles
        load = _load()
        t0 = time.perf_counter()
        page.get_by_role("button", name="提问").click()
        return _organisation_drawn(page, name, t0, load)
    finally:
        page.close()


def organisation_page(browser: BrowserContext, url: str, name: str, oid: str) -> dict[str, Any]:
    """A fresh tab on an organisation's page (a pasted or shared URL): when its "why central" sentence reads
    and its network shows."""
    from urllib.parse import urlencode

    page = browser.new_page()
    try:
        load = _load()
        t0 = time.perf_counter()
        page.goto(f"{url}/organization?{urlencode({'org': oid, 'lang': 'zh'})}")
        return _organisation_drawn(page, name, t0, load)
    finally:
        page.close()


def _organisation_drawn(page: Page, name: str, t0: float, load: float) -> dict[str, Any]:
    page.get_by_text(f"{name}共有").first.wait_for(timeout=300_000)
    why_s = time.perf_counter() - t0
    page.locator(".echarts-container:visible canvas").first.wait_for(timeout=300_000)
    network_s = time.perf_counter() - t0
    return {"why_central_s": round(why_s, 2), "network_s": round(network_s, 2), "load": load}


def _summary(times: list[float]) -> dict[str, Any]:
    later = times[1:] or times
    return {
        "first_s": times[0],
        "later_median_s": round(statistics.median(later), 2),
        "goal_s": GOAL_S,
        "met": statistics.median(later) <= GOAL_S,
    }


def _say(flow: str, summary: dict[str, Any], times: list[float]) -> None:
    status = "met" if summary["met"] else "missed"
    print(
        f"  {flow}: {times} s; later median {summary['later_median_s']} s, goal {GOAL_S:g} s: {status}"
        f" (load {_load()})"
    )


def _browser(env: dict[str, str], clicks: int) -> dict[str, Any]:
    if not CHROMIUM.exists():
        return {"skipped": f"no Chromium at {CHROMIUM} (`make browser-deps` installs it)"}
    from playwright.sync_api import sync_playwright

    log = ROOT / "bench" / ".cache" / "explorer-server.log"
    log.parent.mkdir(parents=True, exist_ok=True)
    out: dict[str, Any] = {"load_at_start": _load()}
    with serve(env, log) as url, sync_playwright() as p:
        # one browser profile, as one reader's: tabs share its cache (a new context per tab would download
        # and compile Streamlit's code on every visit)
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_FLAGS).new_context(
            viewport={"width": 1400, "height": 2000}
        )
        try:
            visits = [start_then_click(browser, url) for _ in range(clicks)]
            out["start_page"] = visits
            out["start_figures"] = _summary([v["start_figures_s"] for v in visits])
            _say("start page -> its figures", out["start_figures"], [v["start_figures_s"] for v in visits])
            later = visits[1:] or visits
            for measure, key in (("start_figures", "start_figures_tab_s"), ("one_click", "click_tab_s")):
                out[f"{measure}_tab_median_s"] = round(statistics.median(v[key] for v in later), 2)
            print(
                f"  the tab's main-thread task time (later median): start page -> figures"
                f" {out['start_figures_tab_median_s']} s, one click {out['one_click_tab_median_s']} s"
            )
            out["one_click"] = _summary([v["click_to_answer_s"] for v in visits])
            _say("one click -> answer", out["one_click"], [v["click_to_answer_s"] for v in visits])
            for name, oid in ORGANISATIONS.items():
                seen = [organisation_from_start(browser, url, name) for _ in range(3)]
                fresh = [organisation_page(browser, url, name, oid) for _ in range(3)]
                times, fresh_times = [v["why_central_s"] for v in seen], [v["why_central_s"] for v in fresh]
                flow = out[f"organisation {name}"] = {
                    "path": "typed in the start page's box, the same tab",
                    "visits": seen,
                    **_summary(times),
                    "new_tab": {"visits": fresh, **_summary(fresh_times)},
                }
                _say(f"{name}'s page (typed on the start page) -> why central", flow, times)
                _say(f"{name}'s page in a new tab -> why central", flow["new_tab"], fresh_times)
        finally:
            browser.close()
    out["load_at_end"] = _load()
    return out


def _main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="bench.explorer")
    ap.add_argument("--out", type=Path, required=True)
    ap.add_argument("--lang", default="zh")
    ap.add_argument("--clicks", type=int, default=CLICKS)
    ap.add_argument("--only", choices=["pages", "browser"], default=None)
    args = ap.parse_args(argv)
    result: dict[str, Any] = {}
    if args.only != "browser":
        result.update(_pages(args.lang))
    if args.only != "pages":
        try:
            result["browser"] = _browser(dict(os.environ), args.clicks)
        except Exception as e:  # a browser flow that failed is a result, not the end of the benchmark
            result["browser"] = {"error": f"{type(e).__name__}: {str(e)[:300]}"}
    args.out.write_text(json.dumps(result, ensure_ascii=False), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(_main())
