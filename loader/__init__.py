"""valuenet loader: analysts' tables -> the property graph, as a mapping file describes (see README.md).

from loader import load_mapping
report = load_mapping(graph, "examples/mapping.yaml", allow_rejects=False, rejects_path="rejects.csv",
                      report_path="load.json", progress=None)
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from loader.core import LoadError, load_mapping
    from loader.report import LoadReport

__all__ = ["LoadError", "LoadReport", "load_mapping"]


def __getattr__(name: str) -> Any:
    # Imported on first use, so that `valuenet --help` (which imports loader.cli) does not load the loader.
    if name in ("LoadError", "load_mapping"):
        from loader import core

        return getattr(core, name)
    if name == "LoadReport":
        from loader import report

        return report.LoadReport
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
