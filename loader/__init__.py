"""valuenet loader: analysts' tables -> the property graph, as a mapping file describes (see README.md).

    from loader import load_mapping
    report = load_mapping(graph, "examples/mapping.yaml", allow_rejects=False, rejects_path="rejects.csv",
                          report_path="load.json", progress=None)

The load runs in stages, one module each (loader/pipeline.py): read -> validate -> resolve -> write.
The names below are imported on first use, so that `import loader.cli` stays cheap.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from loader.load_report import LoadReport
    from loader.pipeline import LoadError, load_mapping

__all__ = ["LoadError", "LoadReport", "load_mapping"]
_HOME = {
    "LoadError": "loader.pipeline",
    "load_mapping": "loader.pipeline",
    "LoadReport": "loader.load_report",
}


def __getattr__(name: str) -> Any:
    if name in _HOME:
        return getattr(importlib.import_module(_HOME[name]), name)
    raise AttributeError(f"module 'loader' has no attribute {name!r}")
