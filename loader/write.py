"""Stage 4 of a load, write: the resolved organisations and relationships in batched, idempotent
transactions (`UNWIND $rows AS row ...`, one transaction per batch), nodes before everything that needs them.

New organisations are created with all their labels in one statement (adding a label to an existing node is
as slow as creating it on the embedded engine); organisations already in the graph are merged and get any
missing label after. Dimension links and relationships with an end that is new in this load cannot exist
yet and are written with a plain CREATE; the others are MERGEd, merging their provenance lists. The queries
are the templates of cypher/loader/, rendered once per label set, label, link and relationship type of the
graph model, so the engine always sees concrete labels.

Every write is idempotent and the steps run in a fixed order, so a rerun after a crash converges to the graph
a clean run yields (ends created by the crashed run count as existing then: MERGE).
"""

from __future__ import annotations

import functools
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from loader.load_report import LoadReport
from loader.mapping import Mapping
from loader.names import is_latin
from loader.resolve import Resolved, existing_ids
from loader.validate import LINKS
from valuenet import queries
from valuenet.model import MODEL

if TYPE_CHECKING:
    from valuenet.db import Graph, WriteSummary

Progress = Callable[[str, int, int], None]  # (phase, done, total)
Name = str | tuple[str, ...]

_MODEL_NAMES = frozenset({*MODEL.organization_labels, *MODEL.dimensions, *MODEL.relationships, *MODEL.links})


@functools.cache
def render(template: str, **names: Name) -> str:
    """`cypher/loader/<template>.cypher` for the given labels and types, which must be the graph model's
    (only its identifiers are ever rendered into a query; values travel as $parameters)."""
    for value in names.values():
        for name in (value,) if isinstance(value, str) else value:
            if name not in _MODEL_NAMES:
                raise ValueError(f"{name!r} is not a label or type of the graph model")
    return queries.load(f"loader/{template}").render(None, **names)


@dataclass(frozen=True, order=True)
class Step:
    """One write step: a template of cypher/loader/ and the graph-model names it is rendered with."""

    template: str
    names: tuple[tuple[str, Name], ...] = ()

    @property
    def query(self) -> str:
        return render(self.template, **dict(self.names))

    @property
    def title(self) -> str:
        """The step in the report's timings, e.g. `link LOCATED_IN City`, `create_org Enterprise:Sample`."""
        values = (v if isinstance(v, str) else ":".join(v) for _, v in self.names)
        return " ".join([self.template, *(v for v in values if v)])


Steps = dict[Step, list[dict[str, Any]]]  # the rows of each step


def _provenance(m: Mapping, editions: Iterable[int]) -> dict[str, Any]:
    return {"editions": sorted(editions), "dataset": m.dataset, "synthetic": m.synthetic}


def node_rows(resolved: Resolved, m: Mapping) -> list[dict[str, Any]]:
    """One row per organisation, in the shape create_org and merge_organizations take."""
    rows = []
    for acc in resolved.nodes.values():
        name_en = acc.name_en
        if name_en is None:
            latin = sorted(s for s in acc.spellings if is_latin(s))
            name_en = latin[0] if latin else None
        rows.append(
            {
                "id": acc.id,
                "name_key": acc.key,
                "name_zh": acc.name,
                "name_en": name_en,
                "aliases": sorted(s for s in acc.spellings if s not in (acc.name, name_en)),
                "props": acc.props,
                "dataset": m.dataset,
                "sample_editions": sorted(acc.sample_editions),
                "synthetic": m.synthetic,
            }
        )
    return rows


def _link_step(template: str, label: str) -> Step:
    return Step(template, (("link", LINKS[label]), ("label", label)))


class Plan:
    """The rows of every write step, by template and graph-model names, in the order they run."""

    def __init__(self, resolved: Resolved, m: Mapping, existing: set[str]) -> None:
        self.creates: Steps = {}  # new organisations, by label set
        self.merges: list[dict[str, Any]] = []  # organisations already in the graph
        self.labels: Steps = {}  # labels those may lack
        self.links: Steps = {}  # to dimension nodes
        self.rels: Steps = {}  # between organisations
        for row, acc in zip(node_rows(resolved, m), resolved.nodes.values(), strict=True):
            labels = acc.kinds | acc.roles
            if row["id"] in existing:
                self.merges.append(row)
                for label in sorted(labels):
                    self.labels.setdefault(Step("label", (("label", label),)), []).append({"id": acc.id})
            else:
                ordered = tuple(x for x in (*MODEL.kind_labels, *MODEL.role_labels) if x in labels)
                self.creates.setdefault(Step("create_org", (("labels", ordered),)), []).append(row)
        for acc in resolved.nodes.values():
            old = acc.id in existing
            template = "link" if old else "create_link"
            if acc.place is not None:
                label, code = acc.place
                eds = acc.place_editions or {m.edition}
                row = {"id": acc.id, "code": code, "existed": old, **_provenance(m, eds)}
                self.links.setdefault(_link_step(template, label), []).append(row)
            for (label, code), eds in sorted(acc.links.items()):
                row = {"id": acc.id, "code": code, **_provenance(m, eds)}
                self.links.setdefault(_link_step(template, label), []).append(row)
        for r in resolved.rels.values():
            row = {"source": r.source, "target": r.target, "props": r.props, **_provenance(m, r.editions)}
            key_prop = MODEL.relationships[r.type].key
            if key_prop:
                row[key_prop] = r.key_value
            old = r.source in existing and r.target in existing
            step = Step("rel" if old else "create_rel", (("type", r.type),))
            self.rels.setdefault(step, []).append(row)

    @property
    def rows(self) -> int:
        """Rows over all steps (for a progress bar)."""
        steps = (self.creates, self.labels, self.links, self.rels)
        return len(self.merges) + sum(len(rows) for step in steps for rows in step.values())


def write(
    graph: Graph,
    m: Mapping,
    resolved: Resolved,
    report: LoadReport,
    *,
    batch_size: int = 5000,
    progress: Progress | None = None,
) -> None:
    """Write the resolved load; counts, transactions and seconds per step go to `report`."""
    started = time.perf_counter()
    plan = Plan(resolved, m, existing_ids(graph, set(resolved.nodes)))
    total = plan.rows
    done = 0

    def tick(n: int) -> None:
        nonlocal done
        done += n
        if progress:
            progress("write", done, total)

    if progress:
        progress("write", 0, total)

    def run(step: str, query: str, rows: list[dict[str, Any]]) -> WriteSummary:
        t0 = time.perf_counter()
        s = graph.write_batches(query, rows, batch_size=batch_size, on_batch=tick)
        report.timings[step] = round(time.perf_counter() - t0, 3)
        report.transactions += s.transactions
        return s

    def run_all(steps: Steps) -> list[tuple[WriteSummary, int]]:
        """Each step, sorted (CREATE steps before MERGE ones); (summary, rows) of each."""
        return [(run(step.title, step.query, steps[step]), len(steps[step])) for step in sorted(steps)]

    for s, _ in run_all(plan.creates):
        report.nodes_created += s.nodes_created
    s = run("merge_organizations", queries.text("loader/merge_organizations"), plan.merges)
    report.nodes_created += s.nodes_created
    report.nodes_updated += len(plan.merges) - s.nodes_created
    report.nodes_written += len(plan.merges) + sum(map(len, plan.creates.values()))
    run_all(plan.labels)
    for s, n in run_all(plan.links) + run_all(plan.rels):
        report.relationships_created += s.relationships_created
        report.relationships_updated += n - s.relationships_created
        report.relationships_written += n
    report.write_s = time.perf_counter() - started
    report.duration_s += report.write_s
