"""The mapping file: which tables to read and how their columns become organisations and relationships.

A mapping is YAML validated by the pydantic models below (`Mapping` is the root). The JSON Schema for
editors is `loader/mapping.schema.json` (regenerate with `valuenet load --print-schema > ...`).
`loader/README.md` documents every field with the example in `examples/mapping.yaml`.

Vocabulary: a *node table* has one row per organisation (e.g. the sample enterprises' attribute table);
a *relation table* has one row per relation between a *sample* end (样本节点) and a *partner* end (关系节点).
Which end is the provider and which the receiver comes from the relation type's value map.
"""

from __future__ import annotations

import json
import re
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any, Literal

import yaml
from pydantic import (
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    PrivateAttr,
    ValidationError,
    field_validator,
    model_validator,
)

from valuenet.model import MODEL

SCHEMA_PATH = Path(__file__).resolve().parent / "mapping.schema.json"


class MappingError(ValueError):
    """The mapping file is missing, not YAML, or does not validate."""


# The labels and types a mapping may name, from the graph model (valuenet/data/graph_model.yaml). Built
# with the functional API so that the model is their one declaration; mypy cannot see their members.
Kind = StrEnum("Kind", {label: label for label in MODEL.kind_labels})  # type: ignore[misc]
Kind.__doc__ = "Kind labels of an organisation (the graph model's organization.kinds)."
Role = StrEnum("Role", {label: label for label in MODEL.role_labels})  # type: ignore[misc]
Role.__doc__ = (
    "Role labels (the graph model's organization.roles). `Sample` also adds the edition to `sample_editions`."
)
RelType = StrEnum("RelType", {t: t for t in MODEL.org_relationship_types})  # type: ignore[misc]
RelType.__doc__ = (
    "Relationship types between organisations (the graph model); direction = provider -> receiver."
)


class ValueType(StrEnum):
    """How a cell is parsed. Empty cells are always 'no value' (the property is not set)."""

    str = "str"  # text, stripped
    int = "int"  # "1,234", "1234.0" -> 1234
    float = "float"
    bool = "bool"  # 是/否, true/false, yes/no, y/n, 1/0
    year = "year"  # "2015", "2015年", "2015-03-01", "2015.0" -> 2015
    date = "date"  # ISO date text "2015-03-01" (also 2015/3/1, 2015年3月1日)
    money = "money"  # amount in yuan: "1.2亿" -> 120000000, "3000万元" -> 30000000, "1,234" -> 1234
    share = "share"  # fraction 0..1: "12.5%" -> 0.125, "0.125" -> 0.125
    list = "list"  # text split on `separator`, each item stripped, empty items dropped


class OnError(StrEnum):
    """What a bad value in a column does (an empty required cell always rejects its row)."""

    reject_row = "reject_row"  # the row is rejected: nothing of it is loaded
    drop_value = "drop_value"  # the value is left out, as if the cell were empty; the rest of the row loads
    drop_link = "drop_link"  # relation tables: the relationship is left out, its organisations load


# Format versions this valuenet reads. 1: the first format (files without `version`); 2 adds taxonomies,
# crosswalks, chains, long tables, error policies, transforms and places from names. Every version-1 file
# is a valid version-2 file.
FORMAT_VERSIONS = (1, 2)


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", populate_by_name=True)


def _text_keys(value: Any) -> Any:
    """A `values:` map's keys are cell texts, whatever YAML made of them (`1:`, `true:`)."""
    return {str(k): v for k, v in value.items()} if isinstance(value, dict) else value


def _identity_map(value: Any) -> Any:
    """`values:` as a list means each item maps to itself (`[Enterprise, University]`)."""
    return {str(v): v for v in value} if isinstance(value, list) else _text_keys(value)


class ReplaceStep(_Model):
    pattern: str = Field(description="regular expression")
    with_: str = Field(default="", alias="with", description="replacement (\\1 for a group)")


class LookupStep(_Model):
    """Replace the text by the value a table gives it: inline `values`, or two columns of a CSV file."""

    values: dict[str, str] | None = Field(default=None, description="text -> replacement")
    path: str | None = Field(default=None, description="CSV file (relative to the mapping) with the table")
    key: str | None = Field(default=None, description="the file's column holding the text")
    value: str | None = Field(default=None, description="the file's column holding the replacement")
    missing: Literal["keep", "error"] = Field(
        default="keep", description="text not in the table: keep it as it is, or count it as a bad value"
    )

    @model_validator(mode="after")
    def _one_source(self) -> LookupStep:
        if (self.values is None) == (self.path is None):
            raise ValueError("lookup: give either `values` or `path` (with `key` and `value`)")
        if self.path is not None and not (self.key and self.value):
            raise ValueError("lookup: a lookup file needs `key` and `value` (its two columns)")
        return self


class TransformStep(_Model):
    """One step of a value transform (exactly one key). Steps run in order on the cell text, before it is
    parsed; a step that fails (no regex match, a lookup miss with `missing: error`) makes a bad value."""

    strip_suffix: list[str] | None = Field(
        default=None, description="remove the first ending found, e.g. .SH"
    )
    strip_prefix: list[str] | None = Field(default=None, description="remove the first beginning found")
    regex: str | None = Field(
        default=None, description="keep what the pattern matches (its first group, if it has one)"
    )
    replace: ReplaceStep | None = None
    lookup: LookupStep | None = None

    @model_validator(mode="after")
    def _one(self) -> TransformStep:
        given = [
            k for k in ("strip_suffix", "strip_prefix", "regex", "replace", "lookup") if getattr(self, k)
        ]
        if len(given) != 1:
            raise ValueError(
                "a transform step has exactly one of strip_suffix, strip_prefix, regex, replace, lookup"
            )
        for pattern in (self.regex, self.replace.pattern if self.replace else None):
            if pattern is not None:
                try:
                    re.compile(pattern)
                except re.error as e:
                    raise ValueError(f"not a valid regular expression {pattern!r}: {e}") from None
        return self


class Cell(_Model):
    """A column, and the transforms its text goes through."""

    column: str = Field(description="column header in the table, exactly as written")
    transform: list[TransformStep] = Field(default_factory=list, description="applied to the text, in order")


class Column(Cell):
    """A column with an error policy."""

    required: bool = Field(default=False, description="reject the row when the cell is empty")
    on_error: OnError | None = Field(
        default=None,
        description="what a bad value does (default: the mapping's on_error, else reject_row when required, "
        "drop_value otherwise)",
    )


def _as_column(value: Any) -> Any:
    return {"column": value} if isinstance(value, str) else value


# A column given by its header alone (`industry: 行业`) or as an object (`industry: {column: 行业, ...}`).
CellRef = Annotated[Cell, BeforeValidator(_as_column, json_schema_input_type=str | Cell)]
ColumnRef = Annotated[Column, BeforeValidator(_as_column, json_schema_input_type=str | Column)]


class PropertySpec(Column):
    """One column that becomes one property."""

    type: ValueType = Field(default=ValueType.str, description="how the cell is parsed")
    separator: str = Field(default="、", description="for type list: the item separator")
    values: Annotated[
        list[Any] | dict[str, Any] | None,
        BeforeValidator(_text_keys),
    ] = Field(
        default=None,
        description="allowed values: a list (the parsed value must be one of them), or a map from cell text "
        "to the value stored (other cells are bad values)",
    )
    min: float | None = Field(default=None, description="smallest allowed number")
    max: float | None = Field(default=None, description="largest allowed number")
    collect: bool = Field(
        default=False,
        description="long tables: the values of all the organisation's rows, gathered into one sorted list",
    )


class KindMap(_Model):
    """A column whose values map to kind labels, e.g. 机构类型 大学 -> University."""

    column: str | None = Field(default=None, description="column holding the value; omit to use `default`")
    values: Annotated[
        dict[str, Kind], BeforeValidator(_identity_map, json_schema_input_type=list[Kind] | dict[str, Kind])
    ] = Field(default_factory=dict, description="cell value -> kind (a list: the kinds themselves)")
    default: Kind | None = Field(
        default=None, description="used when the column is absent, the cell empty or its value dropped"
    )
    on_error: OnError | None = Field(default=None, description="what an unknown cell value does")


class ListColumn(Column):
    """A column holding one or several codes or names, e.g. 应用领域 "智能制造、智慧医疗"."""

    separator: str = Field(default="、", description="separator between items (also ; ， , ／ are accepted)")


class TaxonomyColumn(ListColumn):
    """A column naming members of a taxonomy (codes or names), one or several per cell."""

    taxonomy: str = Field(
        description="the taxonomy's id (a `taxonomy:` entry of this mapping or one in the graph)"
    )


def _as_list(value: Any) -> Any:
    return [value] if isinstance(value, dict) else value


TaxonomyColumns = Annotated[
    list[TaxonomyColumn],
    BeforeValidator(_as_list, json_schema_input_type=TaxonomyColumn | list[TaxonomyColumn]),
]


class LocationSpec(_Model):
    """Columns describing where an organisation is. Any subset; resolved by loader.places."""

    country: CellRef | None = Field(
        default=None, description="column with the country (中国, 美国, USA, US ...)"
    )
    province: CellRef | None = Field(default=None, description="column with the province (广东, 广东省 ...)")
    city: CellRef | None = Field(
        default=None, description="column with the city or an address (深圳市南山区 ...)"
    )
    from_name: bool = Field(
        default=False,
        description="when the cells give no place, take it from the legal name: a place in brackets "
        "(纽威数控装备（苏州）) or at the start (深圳市…, 北京…有限公司)",
    )
    required: bool = Field(default=False, description="reject the row when no place resolves")
    on_error: OnError | None = Field(default=None, description="what an unknown or contradicting place does")

    def columns(self) -> dict[str, Cell]:
        """country/province/city -> its column, for the cells given."""
        cells = {"country": self.country, "province": self.province, "city": self.city}
        return {which: c for which, c in cells.items() if c is not None}


class OrgSpec(_Model):
    """How a row (or one end of a relation row) describes an organisation."""

    name: CellRef = Field(description="column with the organisation's name (name_zh)")
    id: ColumnRef | None = Field(
        default=None, description="column with an explicit id; else an id from the name"
    )
    name_en: ColumnRef | None = Field(default=None, description="column with the English name")
    kind: KindMap | Kind | None = Field(
        default=None, description="kind label: a fixed kind, or a column with a value map"
    )
    roles: list[Role] = Field(
        default_factory=list, description="role labels given to every row: Sample, Platform"
    )
    parent: ColumnRef | None = Field(
        default=None, description="column naming the group this unit belongs to: (unit)-[:PART_OF]->(group)"
    )
    aliases: ListColumn | None = Field(
        default=None,
        description="column with other spellings of the name (split on `separator` only); they go to "
        "`aliases`, and rows of this load that use them resolve to this organisation",
    )
    location: LocationSpec | None = None
    industry: ColumnRef | None = Field(
        default=None, description="column with a GB/T 4754 code or name (C36, 汽车制造业)"
    )
    application_fields: ListColumn | None = Field(
        default=None, description="-> (:ApplicationField) codes/names"
    )
    tech_layer: ColumnRef | None = Field(
        default=None, description="column with the tech layer (基础层/技术层/应用层)"
    )
    core_technologies: ListColumn | None = Field(default=None, description="-> (:CoreTechnology) codes/names")
    categories: TaxonomyColumns = Field(
        default_factory=list, description="-> (:Category) of an industry or region taxonomy: IN_CATEGORY"
    )
    products: TaxonomyColumns = Field(
        default_factory=list, description="-> (:Product) of a product taxonomy: MAKES"
    )
    properties: dict[str, PropertySpec] = Field(
        default_factory=dict,
        description="property name -> column spec, e.g. founded_year: {column: 成立时间, type: year}",
    )

    @field_validator("properties")
    @classmethod
    def _reserved(cls, v: dict[str, PropertySpec]) -> dict[str, PropertySpec]:
        bad = sorted(set(v) & RESERVED_PROPERTIES)
        if bad:
            raise ValueError(f"properties {bad} are set by the loader itself; use the dedicated fields")
        return v


# Organisation properties the loader sets itself (never mapped as properties).
RESERVED_PROPERTIES = frozenset(
    {"id", "name_zh", "name_en", "aliases", "sources", "synthetic", "sample_editions", "name_key"}
)


class NodeTable(OrgSpec):
    """A node table: one organisation per row, or several rows per organisation (`long: true`)."""

    long: bool = Field(
        default=False,
        description="a long table: several rows per organisation (same id or name), merged into one; "
        "`collect` properties and links gather every row's values, other values the first row's",
    )


class EndSpec(OrgSpec):
    """One end of a relation row."""

    create: bool = Field(
        default=True,
        description="create the organisation from this row if unknown; false = it must exist (in a node "
        "table of this mapping, the alias table or the graph), else the row is rejected as dangling",
    )


class RelationSpec(_Model):
    """What one relation-type value means."""

    type: RelType
    direction: Literal["sample_to_partner", "partner_to_sample"] = Field(
        description="which way the relationship points: provider -> receiver"
    )
    properties: dict[str, str | int | float | bool] = Field(
        default_factory=dict, description="fixed properties, e.g. {experience: study}"
    )

    @model_validator(mode="after")
    def _key(self) -> RelationSpec:
        """A type whose identity includes a property (SUPPLIES_TALENT: experience) needs its value."""
        decl = MODEL.relationships[self.type]
        if decl.key is None:
            return self
        allowed = decl.properties[decl.key].values
        value = self.properties.get(decl.key)
        if value is None or (allowed is not None and value not in allowed):
            choices = " or ".join(f"{{{decl.key}: {v}}}" for v in allowed or ("...",))
            raise ValueError(f"{self.type} needs properties: {choices}")
        return self


def _relation_values(value: Any) -> Any:
    if isinstance(value, list):
        raise ValueError(
            "relation types need a direction: write `values` as a map, "
            "{cell text: {type: EMPOWERS, direction: partner_to_sample}}"
        )
    return _text_keys(value)


class RelationTypeMap(_Model):
    """The relation type: from a column through a value map, or one fixed `value` for the whole table."""

    column: str | None = None
    values: Annotated[dict[str, RelationSpec], BeforeValidator(_relation_values)] = Field(
        default_factory=dict
    )
    value: RelationSpec | None = Field(default=None, description="the type of every row (no column)")
    on_error: Literal[OnError.reject_row, OnError.drop_link] | None = Field(
        default=None,
        description="an unknown or empty type: reject the row (default), or load its organisations only",
    )

    @model_validator(mode="after")
    def _one(self) -> RelationTypeMap:
        if (self.column is None) == (self.value is None):
            raise ValueError("give either `column` with `values`, or a fixed `value`")
        if self.column is not None and not self.values:
            raise ValueError("`values` must map the column's values to relation types")
        return self


class RelationTable(_Model):
    sample: EndSpec = Field(description="the sample end (样本节点); usually create: false")
    partner: EndSpec = Field(description="the partner end (关系节点); its columns describe the partner")
    type: RelationTypeMap
    properties: dict[str, PropertySpec] = Field(
        default_factory=dict,
        description="relationship properties, e.g. amount_cny: {column: 金额, type: money}",
    )


TaxonomyOf = Literal["industry", "product", "region"]
_PLURAL = {"industry": "industries", "product": "products", "region": "regions"}


class TaxonomyTable(_Model):
    """An analyst's own classification: one member per row, with a code, a name and a parent code."""

    id: Annotated[str, Field(pattern=r"^[A-Za-z][A-Za-z0-9_\-]*$")] = Field(
        description="the taxonomy's id: members are keyed `<id>:<code>`; columns name it in `taxonomy:`"
    )
    of: TaxonomyOf = Field(
        description="what it classifies: industry or region -> (:Category), product -> (:Product)"
    )
    title_zh: str | None = Field(default=None, description="the taxonomy's Chinese name")
    title_en: str | None = Field(default=None, description="the taxonomy's English name")
    code: ColumnRef = Field(description="column with the member's code (unique in the table)")
    name: CellRef = Field(description="column with the member's Chinese name")
    name_en: ColumnRef | None = Field(default=None, description="column with the member's English name")
    parent: ColumnRef | None = Field(
        default=None, description="column with the parent member's code: (member)-[:SUBCLASS_OF]->(parent)"
    )


class CrosswalkTable(_Model):
    """Members of an industry taxonomy onto GB/T 4754-2017 (many-to-one, with weights)."""

    taxonomy: str = Field(description="the industry taxonomy's id")
    code: ColumnRef = Field(description="column with the member's code (or name)")
    industry: ColumnRef = Field(
        description="column with the GB/T 4754-2017 code or name (C34, 通用设备制造业)"
    )
    weight: ColumnRef | None = Field(
        default=None, description="column with the share of the member that falls in that industry (0..1]"
    )


class ChainEnd(Column):
    """One end of a chain row: a member of a taxonomy, or a GB/T 4754 industry."""

    taxonomy: str | None = Field(default=None, description="the taxonomy's id; omit for GB/T 4754 industries")
    required: bool = True


class ChainTable(_Model):
    """Upstream -> downstream pairs of products or industries (产业链): (a)-[:UPSTREAM_OF]->(b)."""

    upstream: ChainEnd
    downstream: ChainEnd

    @model_validator(mode="after")
    def _same_kind(self) -> ChainTable:
        if (self.upstream.taxonomy is None) != (self.downstream.taxonomy is None):
            raise ValueError(
                "a chain links members of taxonomies, or GB/T industries, not one with the other"
            )
        return self


FILE_KINDS = ("taxonomy", "crosswalk", "chain", "nodes", "relations")  # also the order they are processed


class FileMapping(_Model):
    path: str = Field(description="the table, relative to the mapping file")
    format: Literal["csv", "excel"] | None = Field(default=None, description="default: from the suffix")
    sheet: str | int | None = Field(
        default=None, description="Excel sheet name or index (default: the first)"
    )
    encoding: str = Field(
        default="auto", description="auto (utf-8, utf-8-sig, utf-16, gb18030) or a codec name"
    )
    delimiter: str = Field(default=",", description="CSV field separator")
    edition: int | None = Field(default=None, description="overrides the mapping's edition for this file")
    inferred: str | None = Field(
        default=None,
        description="relation and chain tables: the relationships were inferred by a method, not observed; "
        "name the method (stored in `methods`, with `inferred: true`)",
    )
    taxonomy: TaxonomyTable | None = Field(default=None, description="a taxonomy: one member per row")
    crosswalk: CrosswalkTable | None = Field(default=None, description="a taxonomy onto GB/T 4754")
    chain: ChainTable | None = Field(default=None, description="upstream -> downstream pairs")
    nodes: NodeTable | None = Field(default=None, description="a node table: one organisation per row")
    relations: RelationTable | None = Field(
        default=None, description="a relation table: one relation per row"
    )

    @model_validator(mode="after")
    def _one(self) -> FileMapping:
        given = [k for k in FILE_KINDS if getattr(self, k) is not None]
        if len(given) != 1:
            raise ValueError(f"{self.path}: give exactly one of {', '.join(f'`{k}`' for k in FILE_KINDS)}")
        if self.inferred is not None and given[0] not in ("relations", "chain"):
            raise ValueError(f"{self.path}: `inferred` applies to relation and chain tables")
        return self

    @property
    def kind(self) -> str:
        """nodes, relations, taxonomy, crosswalk or chain."""
        return next(k for k in FILE_KINDS if getattr(self, k) is not None)

    @property
    def table_format(self) -> str:
        if self.format:
            return self.format
        return "excel" if Path(self.path).suffix.lower() in (".xlsx", ".xlsm", ".xls") else "csv"


class Mapping(_Model):
    """The root of a mapping file."""

    version: int = Field(
        default=1, description=f"mapping format version ({', '.join(map(str, FORMAT_VERSIONS))})"
    )
    dataset: Annotated[str, Field(pattern=r"^[A-Za-z0-9][A-Za-z0-9_.:\-]*$")] = Field(
        description="dataset id, stored in every node's and relationship's `sources`"
    )
    edition: int = Field(ge=1900, le=2100, description="report edition year, stored in `editions`")
    licence: str = Field(description="licence of the data, e.g. CC-BY-4.0")
    synthetic: bool = Field(default=False, description="true when the data was generated, not observed")
    description: str | None = None
    id_prefix: str = Field(default="", description="prepended to explicit ids of this mapping")
    aliases: list[str] = Field(
        default_factory=list, description="extra alias CSVs (alias,canonical,relation), relative to this file"
    )
    max_field_length: int = Field(default=10_000, ge=1, description="longer cells are bad values")
    on_error: OnError | None = Field(
        default=None,
        description="what a bad value does in every column that does not say (default: reject_row in "
        "required columns, drop_value in the others)",
    )
    focal: str | None = Field(
        default=None,
        description="the focal set of the graph this mapping loads into, from now on: an organisation "
        "label (Sample, Enterprise, Investor, ...) or `all`; jobs, questions and the report count relations "
        "with it (VALUENET_FOCAL overrides it). Default: the graph keeps its own (else the model's, :Sample)",
    )
    files: list[FileMapping] = Field(min_length=1)

    # Set by `load()`: the folder relative paths are resolved against.
    _base_dir: Path = PrivateAttr(default=Path("."))

    @field_validator("version")
    @classmethod
    def _known_version(cls, v: int) -> int:
        if v not in FORMAT_VERSIONS:
            known = " and ".join(map(str, FORMAT_VERSIONS))
            raise ValueError(f"mapping format version {v} is not one this valuenet reads ({known})")
        return v

    @field_validator("focal")
    @classmethod
    def _focal_set(cls, v: str | None) -> str | None:
        if v is not None:
            from valuenet.focal import configured_label

            configured_label(v)  # ValueError naming the organisation labels
        return v

    @model_validator(mode="after")
    def _taxonomies(self) -> Mapping:
        """Taxonomies are declared once; a product column names a product taxonomy (when declared here)."""
        declared: dict[str, str] = {}
        for fm in self.files:
            if fm.taxonomy is not None:
                if fm.taxonomy.id in declared:
                    raise ValueError(f"{fm.path}: taxonomy {fm.taxonomy.id!r} is declared twice")
                declared[fm.taxonomy.id] = fm.taxonomy.of
        for fm in self.files:
            specs: list[OrgSpec] = [fm.nodes] if fm.nodes else []
            if fm.relations:
                specs += [fm.relations.sample, fm.relations.partner]
            for spec in specs:
                for field, want in (("products", True), ("categories", False)):
                    for tc in getattr(spec, field):
                        of = declared.get(tc.taxonomy)
                        if of is not None and (of == "product") != want:
                            raise ValueError(
                                f"{fm.path}: {field} column {tc.column!r} names taxonomy {tc.taxonomy!r}, "
                                f"which classifies {_PLURAL[of]}"
                                + (" (products go under `products`)" if of == "product" else "")
                            )
            if fm.crosswalk is not None and declared.get(fm.crosswalk.taxonomy, "industry") != "industry":
                raise ValueError(f"{fm.path}: a crosswalk onto GB/T 4754 needs an industry taxonomy")
        return self

    @property
    def base_dir(self) -> Path:
        return self._base_dir

    def resolve(self, rel: str) -> Path:
        p = Path(rel)
        return p if p.is_absolute() else (self._base_dir / p)


def load(path: str | Path) -> Mapping:
    """Read and validate a mapping file; `MappingError` with a readable message otherwise."""
    p = Path(path)
    if not p.is_file():
        raise MappingError(f"mapping file {p} does not exist")
    try:
        data = yaml.safe_load(p.read_text(encoding="utf-8"))
    except (yaml.YAMLError, UnicodeDecodeError) as e:
        raise MappingError(f"{p}: not valid YAML: {e}") from e
    return from_dict(data, base_dir=p.resolve().parent, name=str(p))


def from_dict(data: Any, *, base_dir: Path, name: str = "mapping") -> Mapping:
    if not isinstance(data, dict):
        raise MappingError(
            f"{name}: the mapping must be a YAML mapping (key: value), not {type(data).__name__}"
        )
    try:
        m = Mapping.model_validate(data)
    except ValidationError as e:
        lines = []
        for err in e.errors():
            loc = ".".join(str(x) for x in err["loc"])
            lines.append(f"  {loc}: {err['msg']}")
        raise MappingError(f"{name}: the mapping is not valid:\n" + "\n".join(lines)) from None
    m._base_dir = base_dir
    return m


def json_schema() -> dict[str, Any]:
    schema = Mapping.model_json_schema()
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = "valuenet loader mapping"
    return schema


def json_schema_text() -> str:
    return json.dumps(json_schema(), ensure_ascii=False, indent=2) + "\n"
