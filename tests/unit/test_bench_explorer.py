"""The explorer benchmark's summary of each browser flow against its goal, as results and as the report's
table (built from a results dict, no browser)."""

from __future__ import annotations

from bench import explorer, report


def test_a_flow_is_met_by_its_later_visits_median() -> None:
    summary = explorer._summary([3.2, 0.9, 1.1, 0.8])  # the first visit may read the engine: apart
    assert summary == {"first_s": 3.2, "later_median_s": 0.9, "goal_s": 1.0, "met": True}
    assert not explorer._summary([0.5, 1.2, 1.3])["met"]


def test_the_report_shows_every_flow_with_its_status() -> None:
    met, missed = explorer._summary([2.0, 0.7, 0.8]), explorer._summary([4.3, 2.6, 2.7])
    browser = {"one_click": met, "organisation 华为": missed, "start_figures": missed, "load_at_start": 1.5}
    lines = report.explorer_browser_lines(browser)
    rows = {line.split(" | ")[0].strip("| "): line for line in lines if line.startswith("| ")}
    assert rows["one click on 谁在为广州汽车制造业赋能？ → answer drawn"].endswith("| met |")
    assert rows["organisation 华为 page → why central reads"].endswith("| missed |")
    assert rows["start page (a new tab) → its figures show"].endswith("| missed |")
    targets = {t["target"]: t for t in report.targets({"scales": {"1": {"explorer": {"browser": browser}}}})}
    assert targets["explorer: start page → its figures ≤ 1 s (Chromium, median)"]["met"] is False


def test_the_report_shows_the_tabs_task_time_when_measured() -> None:
    met = explorer._summary([2.0, 0.7, 0.8])
    browser = {"one_click": met, "start_figures": met}
    assert not any("main-thread task time" in line for line in report.explorer_browser_lines(browser))
    browser |= {"start_figures_tab_median_s": 2.02, "one_click_tab_median_s": 1.17}
    line = next(x for x in report.explorer_browser_lines(browser) if "main-thread task time" in x)
    assert "its figures 2.02 s" in line and "one click → answer 1.17 s" in line
