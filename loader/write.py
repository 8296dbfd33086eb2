"""Stage 4 of a load, write: the resolved taxonomies, organisations and relationships in batched, idempotent
transactions (`UNWIND $rows AS row ...`, one transaction per batch), nodes before everything that needs them.

Order: taxonomies and their members, the links between dimension nodes (SUBCLASS_OF, MAPS_TO, UPSTREAM_OF),
organisations, their labels, their dimension links, the relationships between them. New organisations are
created with all their labels in one statement (adding a label to an existing node is as slow as creating it
on the embedded engine); organisations already in the graph are merged and get any missing label after.
Dimension links and relationships with an end that is new in this load cannot exist yet and are written with
a plain CREATE; the others are MERGEd, merging their provenance lists. Before anything is written, the rows
the graph already holds (loader.diff) are left out: an identical repeated load writes nothing and says so.
The queries are the templates of cypher/loader/, rendered once per label set, label, link and relationship
type of the graph model, so the engine always sees concrete labels.

Every write is idempotent and the steps run in a fixed order, so a rerun after a crash converges to the graph
a clean run yields (ends created by the crashed run count as existing then: MERGE).

On the embedded engine the new organisations and the relationships from them (the CREATE steps) go to its
bulk endpoint instead (`Graph.create_new`, about a third of the engine CPU of those steps); the graph and
the report are the same (tests/engine/test_loader_bulk.py loads the examples both ways).
"""

from __future__ import annotations

import functools
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from loader.load_report import LoadReport
from loader.mapping import Mapping
from loader.names import is_latin
from loader.resolve import Provenance, Resolved, existing_ids
from loader.validate import LINKS, member_id
from valuenet import queries
from valuenet.model import MODEL

if TYPE_CHECKING:
    from valuenet.db import Graph, NewNode, NewRelationship, WriteSummary

Progress = Callable[[str, int, int], None]  # (phase, done, total)
Name = str | bool | tuple[str, ...]

_MODEL_NAMES = frozenset({*MODEL.organization_labels, *MODEL.dimensions, *MODEL.relationships, *MODEL.links})


@functools.cache
def render(template: str, **names: Name) -> str:
    """`cypher/loader/<template>.cypher` for the given labels and types, which must be the graph model's
    (only its identifiers are ever rendered into a query; values travel as $parameters), and flags."""
    for value in names.values():
        if isinstance(value, bool):
            continue
        for name in (value,) if isinstance(value, str) else value:
            if name not in _MODEL_NAMES:
                raise ValueError(f"{name!r} is not a label or type of the graph model")
    return queries.load(f"loader/{template}").render(None, **names)


@dataclass(frozen=True, order=True)
class Step:
    """One write step: a template of cypher/loader/ and the graph-model names (and flags) it is rendered
    with."""

    template: str
    names: tuple[tuple[str, Name], ...] = ()

    @property
    def query(self) -> str:
        return render(self.template, **dict(self.names))

    @property
    def title(self) -> str:
        """The step in the report's timings, e.g. `link LOCATED_IN City`, `create_org Enterprise:Sample`."""
        words = [self.template]
        for key, v in self.names:
            if isinstance(v, bool):
                words += [key] if v else []
            elif v:
                words.append(v if isinstance(v, str) else ":".join(v))
        return " ".join(words)

    def name(self, key: str) -> Name | None:
        return dict(self.names).get(key)


Steps = dict[Step, list[dict[str, Any]]]  # the rows of each step


def _provenance(m: Mapping, p: Provenance | Iterable[int]) -> dict[str, Any]:
    """The provenance fields of a row; `methods` only for inferred ones (their steps render `inferred`)."""
    if not isinstance(p, Provenance):
        return {"editions": sorted(p), "dataset": m.dataset, "synthetic": m.synthetic}
    row: dict[str, Any] = {"editions": sorted(p.editions), "dataset": m.dataset, "synthetic": m.synthetic}
    if p.inferred:
        row["methods"] = sorted(p.methods)
    return row


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


def link_step(template: str, link: str, label: str, *, start: str | None = None, **flags: bool) -> Step:
    names: list[tuple[str, Name]] = [("link", link), ("label", label)]
    if start is not None:  # the label the link starts at, when not the organisation's
        names.insert(1, ("start", start))
    names += [(k, v) for k, v in sorted(flags.items()) if v]
    return Step(template, tuple(names))


def _create_step(labels: frozenset[str]) -> Step:
    """create_org's step for a new organisation with these kind and role labels (in the model's order)."""
    ordered = tuple(x for x in (*MODEL.kind_labels, *MODEL.role_labels) if x in labels)
    return Step("create_org", (("labels", ordered),))


def _rel_step(old: bool, rel_type: str, inferred: bool) -> Step:
    """The step of a relationship between organisations: rel (both ends in the graph) or create_rel."""
    names: tuple[tuple[str, Name], ...] = (("type", rel_type),)
    if inferred:
        names += (("inferred", True),)
    return Step("rel" if old else "create_rel", names)


class Plan:
    """The rows of every write step, by template and graph-model names, in the order they run."""

    def __init__(self, resolved: Resolved, m: Mapping, existing: set[str]) -> None:
        self.taxonomies: list[dict[str, Any]] = []
        self.members: Steps = {}  # by member label
        self.dim_links: Steps = {}  # between dimension nodes
        self.creates: Steps = {}  # new organisations, by label set
        self.merges: list[dict[str, Any]] = []  # organisations already in the graph
        self.labels: Steps = {}  # labels those may lack
        self.links: Steps = {}  # to dimension nodes
        self.rels: Steps = {}  # between organisations
        row: dict[str, Any]
        for tax in resolved.taxonomies.values():
            row = {
                "id": tax.id,
                "of": tax.of,
                "name_zh": tax.name_zh,
                "name_en": tax.name_en,
                "dataset": m.dataset,
            }
            self.taxonomies.append(row)
            for mo in tax.members.values():
                self.members.setdefault(Step("merge_members", (("label", mo.label),)), []).append(
                    {
                        "id": member_id(tax.id, mo.code),
                        "taxonomy": tax.id,
                        "code": mo.code,
                        "name_zh": mo.name,
                        "name_en": mo.name_en,
                        "level": mo.level,
                        "dataset": m.dataset,
                    }
                )
        for d in resolved.dim_links.values():
            step = link_step(
                "link",
                d.type,
                d.to_label,
                start=d.from_label,
                inferred=d.provenance.inferred,
                with_props=bool(d.props),
            )
            row = {"id": d.from_key, "code": d.to_key, **_provenance(m, d.provenance)}
            if d.props:
                row["props"] = d.props
            self.dim_links.setdefault(step, []).append(row)
        # each step's rows found by a plain key once the step is made (a Step made and hashed per row was a
        # third of the plan's time)
        known: dict[Any, list[dict[str, Any]]] = {}

        def rows_of(steps: Steps, key: Any, step: Callable[[], Step]) -> list[dict[str, Any]]:
            found = known.get(key)
            if found is None:
                found = known[key] = steps.setdefault(step(), [])
            return found

        for row, acc in zip(node_rows(resolved, m), resolved.nodes.values(), strict=True):
            labels = acc.kinds | acc.roles
            if row["id"] in existing:
                self.merges.append(row)
                for label in sorted(labels):
                    self.labels.setdefault(Step("label", (("label", label),)), []).append({"id": acc.id})
            else:
                labelled = frozenset(labels)
                rows_of(
                    self.creates, ("create_org", labelled), functools.partial(_create_step, labelled)
                ).append(row)
        for acc in resolved.nodes.values():
            old = acc.id in existing
            template = "link" if old else "create_link"
            if acc.place is not None:
                label, code = acc.place
                eds = acc.place_editions or {m.edition}
                row = {"id": acc.id, "code": code, "existed": old, **_provenance(m, eds)}
                make = functools.partial(link_step, template, LINKS[label], label)
                rows_of(self.links, ("place", template, label), make).append(row)
            for (label, code), p in sorted(acc.links.items()):
                row = {"id": acc.id, "code": code, **_provenance(m, p)}
                make = functools.partial(link_step, template, LINKS[label], label, inferred=p.inferred)
                rows_of(self.links, ("link", template, label, p.inferred), make).append(row)
        for r in resolved.rels.values():
            row = {"source": r.source, "target": r.target, "props": r.props, **_provenance(m, r.provenance)}
            key_prop = MODEL.relationships[r.type].key
            if key_prop:
                row[key_prop] = r.key_value
            old = r.source in existing and r.target in existing
            inferred = r.provenance.inferred
            make = functools.partial(_rel_step, old, r.type, inferred)
            rows_of(self.rels, ("rel", old, r.type, inferred), make).append(row)

    @property
    def rows(self) -> int:
        """Rows over all steps (for a progress bar)."""
        steps = (self.members, self.dim_links, self.creates, self.labels, self.links, self.rels)
        return (
            len(self.taxonomies)
            + len(self.merges)
            + sum(len(rows) for step in steps for rows in step.values())
        )


def _created_nodes(
    step: Step, rows: list[dict[str, Any]], degrees: dict[str, dict[str, Any]]
) -> Iterator[NewNode]:
    """create_org's rows as the nodes the template makes (its SETs in order: props, then the named ones),
    each with its `degrees`."""
    from valuenet.db import NewNode

    kinds_and_roles = step.name("labels") or ()
    assert isinstance(kinds_and_roles, tuple)
    labels = (MODEL.org_label, *kinds_and_roles)
    key = MODEL.organization.key
    for row in rows:
        props = {key: row["id"], **row["props"]}
        props.update(
            name_zh=row["name_zh"],
            name_en=row["name_en"],
            name_key=row["name_key"],
            sources=[row["dataset"]],
            synthetic=row["synthetic"],
            sample_editions=row["sample_editions"] or None,
            aliases=row["aliases"] or None,
        )
        props.update(degrees[row["id"]])
        yield NewNode(labels, key, props)


def _provenance_props(inferred: bool, row: dict[str, Any]) -> dict[str, Any]:
    """What create_link and create_rel SET on a new relationship before `+= row.props`."""
    props = {"editions": row["editions"], "sources": [row["dataset"]], "synthetic": row["synthetic"]}
    if inferred:
        props.update(inferred=True, methods=row["methods"])
    return props


def _created_links(step: Step, rows: list[dict[str, Any]]) -> Iterator[NewRelationship]:
    """create_link's rows as the relationships the template makes."""
    from valuenet.db import NewRelationship

    link, label = str(step.name("link")), str(step.name("label"))
    start = str(step.name("start") or MODEL.org_label)
    start_key = MODEL.organization.key if start == MODEL.org_label else MODEL.dimensions[start].key
    end_key = MODEL.dimensions[label].key
    inferred, with_props = bool(step.name("inferred")), bool(step.name("with_props"))
    for row in rows:
        props = _provenance_props(inferred, row)
        if with_props:
            props.update(row["props"])
        yield NewRelationship(link, (start, start_key, row["id"]), (label, end_key, row["code"]), props)


def _created_rels(step: Step, rows: list[dict[str, Any]]) -> Iterator[NewRelationship]:
    """create_rel's rows as the relationships the template makes (the type's key property first)."""
    from valuenet.db import NewRelationship

    rel_type = str(step.name("type"))
    key_prop = MODEL.relationships[rel_type].key
    inferred = bool(step.name("inferred"))
    org, key = MODEL.org_label, MODEL.organization.key
    for row in rows:
        props = {key_prop: row[key_prop]} if key_prop else {}
        props.update(_provenance_props(inferred, row))
        props.update(row["props"])
        yield NewRelationship(rel_type, (org, key, row["source"]), (org, key, row["target"]), props)


def _new_org_degrees(creates: Steps, rels: Steps) -> dict[str, dict[str, Any]]:
    """The org_degrees counts (`links_*`) of each new organisation, from the relationships from it in this
    load (all it has), as the aggregate's refresh counts them. Written with the node: the refresh after the
    load then finds them right and writes next to nothing, where growing 44k records by these properties
    cost ~5x an UPDATE that rewrites them at their size (ArcadeDB). Reachable-only-through counts leave out
    the ends already in the graph (their other relations are not in the load): the refresh corrects any."""
    from valuenet import aggregates

    names = {row["id"]: row["name_zh"] for rows in creates.values() for row in rows}
    relations = [
        (row["source"], row["target"], str(step.name("type"))) for step, rows in rels.items() for row in rows
    ]
    partial = {key for start, end, _ in relations for key in (start, end) if key not in names}
    values = aggregates.degree_values(MODEL, {**names, **dict.fromkeys(partial)}, relations, partial=partial)
    props = aggregates.links_properties(MODEL)
    return {key: dict(zip(props, values[key], strict=True)) for key in names}


def _create_new_in_bulk(
    graph: Graph, plan: Plan, report: LoadReport, batch_size: int, on_batch: Callable[[int], None]
) -> None:
    """New organisations and the relationships from them (the CREATE steps) in one bulk write where the
    engine has one (Graph.create_new: the same graph, fewer engine seconds); those steps then leave the
    plan. Elsewhere the plan keeps them."""
    links = {k: v for k, v in plan.links.items() if k.template == "create_link"}
    rels = {k: v for k, v in plan.rels.items() if k.template == "create_rel"}
    if not (plan.creates or links or rels) or not graph.creates_in_bulk():
        return  # elsewhere (Neo4j) the CREATE steps write them: nothing to build
    t0 = time.perf_counter()
    degrees = _new_org_degrees(plan.creates, rels)
    nodes = [n for step, rows in sorted(plan.creates.items()) for n in _created_nodes(step, rows, degrees)]
    edges = [r for step, rows in sorted(links.items()) for r in _created_links(step, rows)]
    edges += [r for step, rows in sorted(rels.items()) for r in _created_rels(step, rows)]
    s = graph.create_new(nodes, edges, batch_size=batch_size, on_batch=on_batch)
    if s is None:
        return
    report.timings["create_new (bulk)"] = round(time.perf_counter() - t0, 3)
    report.transactions += s.transactions
    report.nodes_created += s.nodes_created
    report.nodes_written += len(nodes)
    report.relationships_created += s.relationships_created
    report.relationships_updated += len(edges) - s.relationships_created  # as run_all counts a CREATE step
    report.relationships_written += len(edges)
    plan.creates = {}
    plan.links = {k: v for k, v in plan.links.items() if k not in links}
    plan.rels = {k: v for k, v in plan.rels.items() if k not in rels}


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
    from loader.diff import leave_out_unchanged

    started = time.perf_counter()
    plan = Plan(resolved, m, existing_ids(graph, set(resolved.nodes)))
    unchanged = leave_out_unchanged(graph, plan)
    report.nodes_unchanged += unchanged.nodes
    report.relationships_unchanged += unchanged.relationships
    report.timings["compare with the graph"] = round(unchanged.seconds, 3)
    total = plan.rows
    if total:
        from valuenet import aggregates

        # before anything is written: no aggregate outlives what it counted
        organizations = plan.taxonomies or plan.members or plan.dim_links or plan.creates or plan.merges
        changed = aggregates.changed_by(
            MODEL,
            organizations=bool(organizations or plan.labels),
            relationship_types={str(step.name("type")) for step in plan.rels},
            links={str(step.name("link")) for step in plan.links},
        )
        aggregates.mark_stale(graph, changed)
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
        return [
            (run(step.title, step.query, steps[step]), len(steps[step]))
            for step in sorted(steps)
            if steps[step]
        ]

    def nodes(results: list[tuple[WriteSummary, int]]) -> None:
        for s, n in results:
            report.nodes_created += s.nodes_created
            report.relationships_created += s.relationships_created  # a member's IN_TAXONOMY
            report.nodes_updated += n - s.nodes_created
            report.nodes_written += n

    def relationships(results: list[tuple[WriteSummary, int]]) -> None:
        for s, n in results:
            report.relationships_created += s.relationships_created
            report.relationships_updated += max(0, n - s.relationships_created)
            report.relationships_written += n

    if plan.taxonomies:
        s = run("merge_taxonomies", queries.text("loader/merge_taxonomies"), plan.taxonomies)
        nodes([(s, len(plan.taxonomies))])
    nodes(run_all(plan.members))
    relationships(run_all(plan.dim_links))
    _create_new_in_bulk(graph, plan, report, batch_size, tick)
    nodes(run_all(plan.creates))
    if plan.merges:
        s = run("merge_organizations", queries.text("loader/merge_organizations"), plan.merges)
        nodes([(s, len(plan.merges))])
    run_all(plan.labels)
    relationships(run_all(plan.links) + run_all(plan.rels))
    report.write_s = time.perf_counter() - started
    report.duration_s += report.write_s
