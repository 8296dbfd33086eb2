"""The graph model, read once from `valuenet/data/graph_model.yaml` into typed objects.

Everything that names a label, a relationship type or the value network reads it from here:

    from valuenet.model import MODEL
    MODEL.projection("value_network").types      # ('EMPOWERS', 'SUPPLIES_TALENT', 'INVESTS_IN', 'ACQUIRES')
    MODEL.focal_predicate("n")                   # 'n:Sample'
    MODEL.kind_labels                            # ('Enterprise', 'University', ...)

Queries use the same facts through the template names `valuenet.queries` gives every `.cypher` file
(`{{ projection_types('value_network') }}`, `{{ focal('n') }}`, ...), so no query restates them.
"""

from __future__ import annotations

import functools
import re
from importlib import resources
from typing import Annotated, Any, Literal

import yaml
from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, model_validator

_IDENTIFIER = re.compile(r"^[A-Za-z][A-Za-z0-9_]*$")


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)


class Names(_Strict):
    zh: str
    en: str
    doc: str = ""


class PropertyDecl(_Strict):
    type: str = "str"
    doc: str = ""
    values: tuple[str, ...] | None = None


class OrganizationDecl(_Strict):
    label: str
    key: str
    doc: str = ""
    kinds: dict[str, Names]
    roles: dict[str, Names]
    properties: dict[str, PropertyDecl]


class RelationshipDecl(_Strict):
    dimension: str | None
    zh: str
    en: str
    doc: str = ""
    key: str | None = None  # a property that is part of the identity: one relationship per pair and value
    properties: dict[str, PropertyDecl] = Field(default_factory=dict)
    terms: dict[str, Names] = Field(default_factory=dict)


# Where the nodes of a dimension (and the links of a type) come from: valuenet's shipped reference tables
# (`valuenet load --dimensions`), or an analyst's mapping (taxonomies, crosswalks, chains).
Origin = Literal["reference", "mapping"]


class DimensionDecl(_Strict):
    key: str
    doc: str = ""
    properties: tuple[str, ...]
    zh: str = ""  # what one node of the dimension is called, for messages (行业 / industry)
    en: str = ""
    within: str | None = None  # the link to the node that contains this one (a city's province)
    origin: Origin = "reference"


def _labels(value: Any) -> Any:
    return (value,) if isinstance(value, str) else value


class LinkDecl(_Strict):
    from_: Annotated[tuple[str, ...], BeforeValidator(_labels)] = Field(alias="from")
    to: tuple[str, ...]
    finest_only: bool = False  # one link per node, to the finest target known (`to` is finest first)
    same_label: bool = False  # both ends carry the same label (Product -> Product, Industry -> Industry)
    origin: Origin = "reference"
    properties: dict[str, PropertyDecl] = Field(default_factory=dict)
    doc: str = ""

    @property
    def pairs(self) -> tuple[tuple[str, str], ...]:
        """Every (from label, to label) the link connects."""
        return tuple((a, b) for a in self.from_ for b in self.to if not self.same_label or a == b)


class FocalSet(_Strict):
    """Which organisations a relation must touch to count. `label: null` = every organisation. `editions`:
    the node property that lists the editions a member of a focal label is in (`Sample: sample_editions`);
    other focal sets have no editions."""

    label: str | None = "Sample"
    editions: dict[str, str] = {}


class ProjectionDecl(_Strict):
    types: tuple[str, ...]
    focal: Literal["either", "target", "source", "none"] = "either"
    nodes: Literal["all", "touched"] = "all"
    distinct_pairs: bool = False
    where: dict[str, str] = Field(default_factory=dict)
    doc: str = ""


class FocalRelationDecl(_Strict):
    """A kind of relation seen from a focal organisation (the report's technology input, financing, ...)."""

    types: tuple[str, ...]
    direction: Literal["in", "out", "both"]
    where: dict[str, str] = Field(default_factory=dict)
    counterpart_outside: tuple[str, ...] = ()
    doc: str = ""


class BookkeepingDecl(_Strict):
    key: str | None = None
    doc: str = ""


class AggregateDecl(_Strict):
    """A maintained aggregate (valuenet/aggregates.py): the focal relations it computes, one part per kind
    and per value of the `split` relationship properties."""

    kinds: tuple[str, ...]
    split: tuple[str, ...] = ()
    links: tuple[
        str, ...
    ] = ()  # the links to dimension nodes it counts by (a load writing one makes it stale)
    doc: str = ""


class GraphModel(_Strict):
    version: int
    organization: OrganizationDecl
    provenance: dict[str, PropertyDecl]
    relation_dimensions: dict[str, Names]
    relationships: dict[str, RelationshipDecl]
    dimensions: dict[str, DimensionDecl]
    links: dict[str, LinkDecl]
    focal_set: FocalSet
    projections: dict[str, ProjectionDecl]
    focal_relations: dict[str, FocalRelationDecl]
    bookkeeping: dict[str, BookkeepingDecl]
    aggregates: dict[str, AggregateDecl] = Field(default_factory=dict)

    @model_validator(mode="after")
    def _consistent(self) -> GraphModel:
        names = [
            self.organization.label,
            *self.organization.kinds,
            *self.organization.roles,
            *self.relationships,
            *self.dimensions,
            *self.links,
            *self.bookkeeping,
        ]
        bad = [n for n in names if not _IDENTIFIER.match(n)]
        if bad:
            raise ValueError(f"not valid label or type names: {bad}")
        dupes = sorted({n for n in names if names.count(n) > 1})
        if dupes:
            raise ValueError(f"names declared twice: {dupes}")
        for name, rel in self.relationships.items():
            if rel.dimension is not None and rel.dimension not in self.relation_dimensions:
                raise ValueError(f"relationship {name}: unknown dimension {rel.dimension!r}")
            if rel.key is not None and rel.key not in rel.properties:
                raise ValueError(f"relationship {name}: its key {rel.key!r} is not one of its properties")
        node_labels = {self.organization.label, *self.dimensions}
        for name, link in self.links.items():
            for end in (*link.from_, *link.to):
                if end not in node_labels:
                    raise ValueError(f"link {name}: unknown node label {end!r}")
            if not link.pairs:
                raise ValueError(f"link {name}: connects no pair of labels")
        for name, d in self.dimensions.items():
            if d.within is not None:
                within = self.links.get(d.within)
                if within is None or name not in within.from_ or not set(within.to) <= set(self.dimensions):
                    raise ValueError(
                        f"dimension {name}: within {d.within!r} is not a link to another dimension"
                    )
        for name, p in self.projections.items():
            unknown = [t for t in p.types if t not in self.relationships]
            if unknown:
                raise ValueError(f"projection {name}: unknown relationship types {unknown}")
        for name, fr in self.focal_relations.items():
            unknown = [t for t in fr.types if t not in self.relationships]
            if unknown or not set(fr.counterpart_outside) <= set(fr.types):
                raise ValueError(
                    f"focal relation {name}: unknown relationship types {unknown or fr.counterpart_outside}"
                )
        for name, agg in self.aggregates.items():
            unknown = [k for k in agg.kinds if k not in self.focal_relations]
            if unknown:
                raise ValueError(f"aggregate {name}: unknown focal relations {unknown}")
            if not _IDENTIFIER.match(name):  # its freshness stamp is a property named after it
                raise ValueError(f"aggregate {name!r}: not a valid property name")
            if not set(agg.links) <= set(self.links):
                raise ValueError(
                    f"aggregate {name}: unknown links {sorted(set(agg.links) - set(self.links))}"
                )
        if self.focal_set.label is not None and self.focal_set.label not in self.organization_labels:
            raise ValueError(f"focal_set: {self.focal_set.label!r} is not an organisation label")
        return self

    # -- names ------------------------------------------------------------------------------------------
    @property
    def org_label(self) -> str:
        return self.organization.label

    @property
    def kind_labels(self) -> tuple[str, ...]:
        return tuple(self.organization.kinds)

    @property
    def role_labels(self) -> tuple[str, ...]:
        return tuple(self.organization.roles)

    @property
    def organization_labels(self) -> tuple[str, ...]:
        """Every label an organisation node can carry: the supertype, kinds and roles."""
        return (self.organization.label, *self.kind_labels, *self.role_labels)

    @property
    def org_relationship_types(self) -> tuple[str, ...]:
        """Every relationship type between two organisations (value relations and structure)."""
        return tuple(self.relationships)

    @property
    def value_types(self) -> tuple[str, ...]:
        """The value relations: the types of the value network."""
        return self.projection("value_network").types

    @property
    def key_labels(self) -> tuple[tuple[str, str], ...]:
        """(label, key property) of every node group with its own key: organisations, then dimensions."""
        return (
            (self.organization.label, self.organization.key),
            *((name, d.key) for name, d in self.dimensions.items()),
        )

    def links_from(self, label: str) -> dict[str, str]:
        """Target label -> link type, for every link that starts at `label` nodes (in declaration order)."""
        return {to: name for name, link in self.links.items() for a, to in link.pairs if a == label}

    @property
    def reference_dimensions(self) -> tuple[str, ...]:
        """The dimensions valuenet ships (`valuenet load --dimensions`), in declaration order."""
        return tuple(name for name, d in self.dimensions.items() if d.origin == "reference")

    def reference_link_pairs(self) -> tuple[tuple[str, str, str], ...]:
        """(type, from, to) of every link between shipped dimensions that the shipped tables define."""
        ref = set(self.reference_dimensions)
        return tuple(
            (name, a, b)
            for name, link in self.links.items()
            if link.origin == "reference"
            for a, b in link.pairs
            if a in ref and b in ref
        )

    def dimension_noun(self, label: str, lang: str) -> str:
        """What one node of dimension `label` is called in `lang` (zh or en), e.g. 行业 / industry."""
        d = self.dimensions[label]
        return (d.zh if lang == "zh" else d.en) or label

    def types_of_dimension(self, dimension: str) -> tuple[str, ...]:
        if dimension not in self.relation_dimensions:
            known = ", ".join(self.relation_dimensions)
            raise KeyError(f"no relation dimension {dimension!r}; known: {known}")
        return tuple(t for t, r in self.relationships.items() if r.dimension == dimension)

    def projection(self, name: str) -> ProjectionDecl:
        try:
            return self.projections[name]
        except KeyError:
            raise KeyError(f"no projection {name!r}; known: {', '.join(self.projections)}") from None

    def with_focal(self, label: str | None) -> GraphModel:
        """The same model with another focal set (`None` = every organisation)."""
        if label is not None and label not in self.organization_labels:
            known = ", ".join(self.organization_labels)
            raise ValueError(f"focal set {label!r} is not an organisation label ({known})")
        return self.model_copy(update={"focal_set": FocalSet(label=label, editions=self.focal_set.editions)})

    # -- Cypher fragments (identifiers from this file only, never user text) ------------------------------
    def focal_predicate(self, var: str) -> str:
        """A Cypher predicate true when the node bound to `var` is in the focal set."""
        _check_var(var)
        label = self.focal_set.label
        return "true" if label is None else f"{var}:{label}"

    def focal_node(self, var: str = "") -> str:
        """A node pattern (without the parentheses) matching a focal organisation: `s:Sample`, or `:Sample`
        for an anonymous node; `s:Organization` when every organisation is focal."""
        if var:
            _check_var(var)
        return f"{var}:{self.focal_set.label or self.organization.label}"

    def focal_edition(self, var: str) -> str:
        """A Cypher predicate: the focal organisation bound to `var` is in the focal set of edition `$edition`
        (`$edition IN s.sample_editions`); `true` for a focal set without editions (every organisation, or a
        label no edition is recorded for), whose members are all counted whatever the edition."""
        _check_var(var)
        prop = self.focal_set.editions.get(self.focal_set.label or "")
        return f"$edition IN {var}.{prop}" if prop else "true"

    def rel_types(self, name: str) -> str:
        """`A|B|C` for a relationship pattern `[:A|B|C]` of the projection `name`."""
        return "|".join(self.projection(name).types)

    def counted_predicate(self, name: str, source: str, target: str) -> str:
        """A Cypher predicate: the relationship between `source` and `target` counts for projection `name`
        (its focal rule only; the types and `where` go into the pattern)."""
        p = self.projection(name)
        if p.focal == "none" or self.focal_set.label is None:
            return "true"
        if p.focal == "target":
            return self.focal_predicate(target)
        if p.focal == "source":
            return self.focal_predicate(source)
        return f"({self.focal_predicate(source)} OR {self.focal_predicate(target)})"

    def nodes_predicate(self, name: str, var: str) -> str:
        """A Cypher predicate: the node bound to `var` is a node of projection `name` (`true` when the
        projection keeps every organisation). `touched` = in the focal set, or at the end of a relationship
        the projection counts."""
        _check_var(var)
        p = self.projection(name)
        label = self.focal_set.label
        if p.nodes == "all" or label is None:
            return "true"
        rel = f"[{var}_rel:{self.rel_types(name)}]" if p.where else f"[:{self.rel_types(name)}]"
        pattern = {
            "either": f"({var})-{rel}-(:{label})",
            "target": f"({var})-{rel}->(:{label})",
            "source": f"({var})<-{rel}-(:{label})",
            "none": f"({var})-{rel}-(:{self.org_label})",
        }[p.focal]
        where = f" WHERE {self.rel_where(name, f'{var}_rel')}" if p.where else ""
        return f"{self.focal_predicate(var)} OR EXISTS {{ {pattern}{where} }}"

    def counts(self, name: str, source_focal: Any, target_focal: Any) -> Any:
        """In memory, the focal rule of projection `name`: whether relations count, given whether their
        source and target are in the focal set (booleans, or numpy boolean arrays of equal length)."""
        p = self.projection(name)
        if p.focal == "none" or self.focal_set.label is None:
            return source_focal | True
        if p.focal == "target":
            return target_focal
        if p.focal == "source":
            return source_focal
        return source_focal | target_focal

    def focal_match(self, kind: str, focal: str, rel: str, other: str) -> str:
        """The pattern of focal relation `kind`: `(s:Sample)<-[r:EMPOWERS]-(x)` (the focal end labelled)."""
        for var in (focal, rel, other):
            _check_var(var)
        fr = self._focal_relation(kind)
        left, right = {"in": ("<-", "-"), "out": ("-", "->"), "both": ("-", "-")}[fr.direction]
        return f"({self.focal_node(focal)}){left}[{rel}:{'|'.join(fr.types)}]{right}({other})"

    def focal_where(self, kind: str, rel: str, other: str) -> str:
        """A predicate for the matched focal relation `kind`: its fixed properties and counterpart rule."""
        _check_var(rel)
        _check_var(other)
        fr = self._focal_relation(kind)
        parts = [f"{rel}.{k} = {_literal(v)}" for k, v in sorted(fr.where.items())]
        if fr.counterpart_outside and self.focal_set.label is not None:
            kept = [t for t in fr.types if t not in fr.counterpart_outside]
            outside = f"NOT {self.focal_predicate(other)}"
            parts.append(
                outside if not kept else f"(type({rel}) IN [{', '.join(map(_literal, kept))}] OR {outside})"
            )
        return " AND ".join(parts) or "true"

    def _focal_relation(self, kind: str) -> FocalRelationDecl:
        if kind not in self.focal_relations:
            raise ValueError(f"no focal relation {kind!r}; known: {', '.join(self.focal_relations)}")
        return self.focal_relations[kind]

    def aggregate_part(self, aggregate: str, kind: str, part: str) -> str:
        """A Cypher predicate selecting the (:Aggregate) parts bound to `part` that make up focal relation
        `kind`: its own part, the `in` and `out` parts of a `both` kind, or a computed kind's parts whose
        split properties have the values its `where` fixes (`study`: the talent parts of experience study)."""
        _check_var(part)
        decl = self.aggregates[aggregate]
        fr = self._focal_relation(kind)
        if kind in decl.kinds:
            return f"{part}.kind = {_literal(kind)}"

        def same(other: FocalRelationDecl, direction: str) -> bool:
            return (other.types, other.direction, other.counterpart_outside) == (
                fr.types,
                direction,
                fr.counterpart_outside,
            )

        if fr.direction == "both" and not fr.where:
            sides = [k for d in ("in", "out") for k in decl.kinds if same(self.focal_relations[k], d)]
            if len(sides) == 2 and not any(self.focal_relations[k].where for k in sides):
                return f"{part}.kind IN [{', '.join(map(_literal, sides))}]"
        if set(fr.where) <= set(decl.split):
            bases = [k for k in decl.kinds if same(self.focal_relations[k], fr.direction)]
            if len(bases) == 1 and not self.focal_relations[bases[0]].where:
                fixed = [f"{part}.{k} = {_literal(v)}" for k, v in sorted(fr.where.items())]
                return " AND ".join([f"{part}.kind = {_literal(bases[0])}", *fixed])
        raise ValueError(f"aggregate {aggregate}: focal relation {kind!r} is not made of its parts")

    def rel_where(self, name: str, rel: str) -> str:
        """A Cypher predicate for the projection's fixed relationship properties (`true` when none)."""
        _check_var(rel)
        where = self.projection(name).where
        if not where:
            return "true"
        return " AND ".join(f"{rel}.{k} = {_literal(v)}" for k, v in sorted(where.items()))

    def published_key(self, param: str, key: str) -> str:
        """Clauses that open a query reading job scores: `key` is bound to the property holding the
        published scores of the property named by `$param`, the run-keyed property of its newest succeeded
        JobRun (complete before that run was published and never written after, so a scan reads one run's
        scores whatever runs are in progress), else `$param` itself (scores written without a run record).
        The public property is itself published in one commit, but engines read at read-committed level: a
        scan overlapping that commit could see part of each run (gds_jobs/runner.py)."""
        _check_var(param)
        _check_var(key)
        run = "published_run"
        return (
            f"OPTIONAL MATCH ({run}:JobRun {{property: ${param}, status: 'succeeded'}})\n"
            f"WHERE {run}.versioned_property IS NOT NULL AND {run}.versions_cleared IS NULL\n"
            f"WITH {run} ORDER BY {run}.finished DESC, {run}.id DESC LIMIT 1\n"
            f"WITH coalesce({run}.versioned_property, ${param}) AS {key}"
        )

    def template_names(self) -> dict[str, Any]:
        """What every `.cypher` template may use (see valuenet.queries)."""
        return {
            "model": self,
            "org": self.organization.label,
            "focal_label": self.focal_set.label,
            "focal": self.focal_predicate,
            "focal_node": self.focal_node,
            "focal_edition": self.focal_edition,
            "value_types": "|".join(self.value_types),
            "projection_types": self.rel_types,
            "counted": self.counted_predicate,
            "projection_nodes": self.nodes_predicate,
            "rel_where": self.rel_where,
            "org_rel_types": "|".join(self.org_relationship_types),
            "kinds": self.kind_labels,
            "focal_match": self.focal_match,
            "focal_where": self.focal_where,
            "aggregate_part": self.aggregate_part,
            "published_key": self.published_key,
        }


def _check_var(var: str) -> None:
    if not _IDENTIFIER.match(var):
        raise ValueError(f"{var!r} is not a Cypher variable name")


def _literal(value: str) -> str:
    if not re.match(r"^[A-Za-z0-9_ .\-]*$", value):
        raise ValueError(f"{value!r}: projection filters take plain words only")
    return f"'{value}'"


# libyaml's parser when PyYAML has it: ~10x faster on this file than the pure-Python one, same objects
_YAML_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


@functools.cache
def load() -> GraphModel:
    text = resources.files("valuenet").joinpath("data/graph_model.yaml").read_text(encoding="utf-8")
    return GraphModel.model_validate(yaml.load(text, Loader=_YAML_LOADER))


MODEL = load()
