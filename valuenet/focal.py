"""The focal set a graph's jobs, questions and report count relations with.

The graph model declares the default (`focal_set: {label: Sample}`: the report's relation data only holds
relations with a sample firm at one end). A mapping's `focal:` names another for the graph it loads into
(kept in the graph as `(:GraphSetting {key: 'focal_set'})`), and `VALUENET_FOCAL` (environment or `.env`)
for every graph, overriding that: an organisation label, or `all` for every organisation. A graph with no
node of the chosen label (an analyst's graph that declares no Sample role) gets every organisation as its
focal set, and says so: otherwise every projection would keep no relation at all.

    focal = focal.for_graph(graph)           # VALUENET_FOCAL, else the graph's setting, else the model's
    focal.model                              # the graph model with that focal set, to render queries with
    focal.note                               # why it is not what was asked for ('' when it is)
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from valuenet import queries
from valuenet.model import MODEL, GraphModel

if TYPE_CHECKING:
    from valuenet.db import Graph

ALL = "all"  # the VALUENET_FOCAL value for every organisation


@dataclass(frozen=True)
class Focal:
    model: GraphModel
    note: str = ""  # set when the graph holds no node of the configured label

    @property
    def label(self) -> str | None:
        return self.model.focal_set.label

    def describe(self) -> str:
        """`:Sample organisations` / `all organisations`, for messages and run records."""
        return f":{self.label} organisations" if self.label else "all organisations"


def configured_label(setting: str | None) -> str | None:
    """The focal label `setting` names (None: every organisation); the model's default when unset.
    ValueError naming the organisation labels when it names none of them."""
    if setting is None or not setting.strip():
        return MODEL.focal_set.label
    if setting.strip().lower() == ALL:
        return None
    label = setting.strip()
    MODEL.with_focal(label)  # ValueError listing the organisation labels
    return label


def declared(graph: Graph) -> tuple[str, str] | None:
    """(setting, dataset) of the focal set a mapping declared for `graph`; None when none did."""
    rows = graph.read(queries.text("engine/focal_setting"))
    return (str(rows[0]["value"]), str(rows[0]["dataset"])) if rows else None


def declare(graph: Graph, setting: str, dataset: str) -> bool:
    """Keep `setting` (a label or `all`, checked) as `graph`'s focal set; whether it changed."""
    configured_label(setting)
    if declared(graph) == (setting, dataset):
        return False
    graph.write(queries.text("loader/set_focal"), {"value": setting, "dataset": dataset})
    return True


def for_graph(graph: Graph, setting: str | None = None) -> Focal:
    """The focal set for `graph`: `setting` (default: VALUENET_FOCAL), else the one a mapping declared for
    the graph, else the model's; every organisation when the graph has no node of that label."""
    if setting is None:
        from valuenet.config import Settings

        setting = Settings().valuenet_focal
    where = f"VALUENET_FOCAL={setting!r}"
    if setting is None or not setting.strip():
        stored = declared(graph)
        if stored is not None:
            setting = stored[0]
            where = f"this graph's focal set {setting!r} (declared by mapping {stored[1]})"
    try:
        label = configured_label(setting)
    except ValueError as e:
        raise ValueError(f"{where}: {e}") from None
    model = MODEL.with_focal(label)
    if label is None:
        return Focal(model)
    count = int(graph.read(queries.load("engine/focal_count").render(model=model))[0]["n"])
    if count:
        return Focal(model)
    return Focal(
        MODEL.with_focal(None),
        f"no :{label} organisations in this graph: every organisation counts as focal "
        f"(VALUENET_FOCAL names another label, or `{ALL}`)",
    )
