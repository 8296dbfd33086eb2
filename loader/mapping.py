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
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any, Literal

import yaml
from pydantic import (
    BaseModel,
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


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", populate_by_name=True)


class PropertySpec(_Model):
    """One column that becomes one property."""

    column: str = Field(description="column header in the table, exactly as written")
    type: ValueType = Field(default=ValueType.str, description="how the cell is parsed")
    required: bool = Field(default=False, description="reject the row when the cell is empty")
    separator: str = Field(default="、", description="for type list: the item separator")
    values: list[str] | None = Field(
        default=None, description="allowed values (an enum); others are rejected"
    )
    min: float | None = Field(default=None, description="smallest allowed number")
    max: float | None = Field(default=None, description="largest allowed number")


class ValueMap(_Model):
    """A column whose values map to a fixed vocabulary, e.g. 机构类型 大学 -> University."""

    column: str | None = Field(default=None, description="column holding the value; omit to use `default`")
    values: dict[str, str] = Field(default_factory=dict, description="cell value -> vocabulary value")
    default: str | None = Field(default=None, description="used when the column is absent or the cell empty")


class KindMap(ValueMap):
    values: dict[str, Kind] = Field(default_factory=dict)  # type: ignore[assignment]
    default: Kind | None = None


class ListColumn(_Model):
    """A column holding one or several codes or names, e.g. 应用领域 "智能制造、智慧医疗"."""

    column: str
    separator: str = Field(default="、", description="separator between items (also ; ， , ／ are accepted)")
    required: bool = False


class LocationSpec(_Model):
    """Columns describing where an organisation is. Any subset; resolved by loader.places."""

    country: str | None = Field(default=None, description="column with the country (中国, 美国, USA, US ...)")
    province: str | None = Field(default=None, description="column with the province (广东, 广东省 ...)")
    city: str | None = Field(
        default=None, description="column with the city or an address (深圳市南山区 ...)"
    )
    required: bool = Field(default=False, description="reject the row when no place resolves")


class OrgSpec(_Model):
    """How a row (or one end of a relation row) describes an organisation."""

    name: str = Field(description="column with the organisation's name (name_zh)")
    id: str | None = Field(default=None, description="column with an explicit id; else an id from the name")
    name_en: str | None = Field(default=None, description="column with the English name")
    kind: KindMap | Kind | None = Field(
        default=None, description="kind label: a fixed kind, or a column with a value map"
    )
    roles: list[Role] = Field(
        default_factory=list, description="role labels given to every row: Sample, Platform"
    )
    parent: str | None = Field(
        default=None, description="column naming the group this unit belongs to: (unit)-[:PART_OF]->(group)"
    )
    aliases: ListColumn | None = Field(
        default=None,
        description="column with other spellings of the name (split on `separator` only); they go to "
        "`aliases`, and rows of this load that use them resolve to this organisation",
    )
    location: LocationSpec | None = None
    industry: str | None = Field(
        default=None, description="column with a GB/T 4754 code or name (C36, 汽车制造业)"
    )
    application_fields: ListColumn | None = Field(
        default=None, description="-> (:ApplicationField) codes/names"
    )
    tech_layer: str | None = Field(
        default=None, description="column with the tech layer (基础层/技术层/应用层)"
    )
    core_technologies: ListColumn | None = Field(default=None, description="-> (:CoreTechnology) codes/names")
    properties: dict[str, PropertySpec] = Field(
        default_factory=dict,
        description="property name -> column spec, e.g. founded_year: {column: 成立时间, type: year}",
    )

    @field_validator("properties")
    @classmethod
    def _reserved(cls, v: dict[str, PropertySpec]) -> dict[str, PropertySpec]:
        reserved = {
            "id",
            "name_zh",
            "name_en",
            "aliases",
            "sources",
            "synthetic",
            "sample_editions",
            "name_key",
        }
        bad = sorted(set(v) & reserved)
        if bad:
            raise ValueError(f"properties {bad} are set by the loader itself; use the dedicated fields")
        return v


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


class RelationTypeMap(_Model):
    """The relation type: from a column through a value map, or one fixed `value` for the whole table."""

    column: str | None = None
    values: dict[str, RelationSpec] = Field(default_factory=dict)
    value: RelationSpec | None = Field(default=None, description="the type of every row (no column)")

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
    nodes: OrgSpec | None = Field(default=None, description="a node table: one organisation per row")
    relations: RelationTable | None = Field(
        default=None, description="a relation table: one relation per row"
    )

    @model_validator(mode="after")
    def _one(self) -> FileMapping:
        if (self.nodes is None) == (self.relations is None):
            raise ValueError(f"{self.path}: give exactly one of `nodes` or `relations`")
        return self

    @property
    def table_format(self) -> str:
        if self.format:
            return self.format
        return "excel" if Path(self.path).suffix.lower() in (".xlsx", ".xlsm", ".xls") else "csv"


class Mapping(_Model):
    """The root of a mapping file."""

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
    max_field_length: int = Field(default=10_000, ge=1, description="longer cells are rejected")
    files: list[FileMapping] = Field(min_length=1)

    # Set by `load()`: the folder relative paths are resolved against.
    _base_dir: Path = PrivateAttr(default=Path("."))

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
