"""valuenet loader: analysts' tables -> the property graph, as a mapping file describes (see README.md).

from loader import load_mapping
report = load_mapping(graph, "examples/mapping.yaml", allow_rejects=False, rejects_path="rejects.csv",
                      report_path="load.json", progress=None)
"""

from loader.core import LoadError, load_mapping
from loader.report import LoadReport

__all__ = ["LoadError", "LoadReport", "load_mapping"]
