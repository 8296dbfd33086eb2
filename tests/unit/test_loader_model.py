"""The loader's labels, types and write queries come from the graph model (valuenet/data/graph_model.yaml):
the mapping's vocabularies are the model's, and the templates of cypher/loader/ render one concrete query per
label, link and relationship type, with graph-model identifiers only."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from loader import write
from loader.mapping import Kind, MappingError, RelType, Role, from_dict
from loader.validate import LINKS
from valuenet.model import MODEL


def test_the_mapping_vocabularies_are_the_models() -> None:
    assert tuple(k.value for k in Kind) == MODEL.kind_labels
    assert tuple(r.value for r in Role) == MODEL.role_labels
    assert tuple(t.value for t in RelType) == MODEL.org_relationship_types


def test_create_org_gets_every_label_at_once() -> None:
    q = write.render("create_org", labels=("Enterprise", "Sample", "Platform"))
    assert "CREATE (n:Organization:Enterprise:Sample:Platform {id: row.id})" in q
    assert "CREATE (n:Organization {id: row.id})" in write.render("create_org", labels=())


@pytest.mark.parametrize("label", [*MODEL.kind_labels, *MODEL.role_labels])
def test_a_label_query_per_kind_and_role(label: str) -> None:
    q = write.render("label", label=label)
    assert f"WHERE NOT n:{label}\nSET n:{label}" in q


@pytest.mark.parametrize("target", list(LINKS))
def test_a_link_query_per_dimension(target: str) -> None:
    link = LINKS[target]
    for template, verb in (("link", "MERGE"), ("create_link", "CREATE")):
        q = write.render(template, link=link, label=target)
        key = MODEL.dimensions[target].key  # code, or id for the members of analysts' taxonomies
        assert f"MATCH (d:{target} {{{key}: row.code}})\n{verb} (o)-[r:{link}]->(d)" in q


def test_an_organisation_keeps_its_finest_place_only() -> None:
    city = write.render("link", link="LOCATED_IN", label="City")
    assert "NOT EXISTS" not in city and "WHERE x:Province OR x:Country\nDELETE coarse" in city
    province = write.render("link", link="LOCATED_IN", label="Province")
    assert "WHERE NOT EXISTS { (o)-[:LOCATED_IN]->(:City) }\n" in province
    assert "WHERE x:Country\nDELETE coarse" in province
    country = write.render("link", link="LOCATED_IN", label="Country")
    assert (
        "NOT EXISTS { (o)-[:LOCATED_IN]->(:City) } AND NOT EXISTS { (o)-[:LOCATED_IN]->(:Province) }"
        in country
    )
    assert "DELETE" not in country
    assert "DELETE" not in write.render("link", link="IN_INDUSTRY", label="Industry")


@pytest.mark.parametrize("rtype", MODEL.org_relationship_types)
def test_a_relationship_query_per_type(rtype: str) -> None:
    key = MODEL.relationships[rtype].key
    pattern = f"[r:{rtype} {{{key}: row.{key}}}]" if key else f"[r:{rtype}]"
    assert f"MERGE (a)-{pattern}->(b)" in write.render("rel", type=rtype)
    assert f"CREATE (a)-{pattern}->(b)" in write.render("create_rel", type=rtype)


def test_only_graph_model_names_are_rendered() -> None:
    with pytest.raises(ValueError, match="not a label or type of the graph model"):
        write.render("label", label="Sample SET n.x = 1 //")
    with pytest.raises(ValueError, match="not a label or type of the graph model"):
        write.render("create_org", labels=("Enterprise", "Hacker"))


def test_a_type_with_a_key_needs_its_value_in_the_mapping() -> None:
    def mapping(value: dict[str, Any]) -> dict[str, Any]:
        relations = {"sample": {"name": "s"}, "partner": {"name": "p"}, "type": {"value": value}}
        files = [{"path": "r.csv", "relations": relations}]
        return {"dataset": "t", "edition": 2021, "licence": "test", "files": files}

    talent = {"type": "SUPPLIES_TALENT", "direction": "partner_to_sample"}
    with pytest.raises(MappingError, match=r"SUPPLIES_TALENT needs properties: \{experience: study\} or"):
        from_dict(mapping(talent), base_dir=Path("."))
    with pytest.raises(MappingError, match="SUPPLIES_TALENT needs properties"):
        from_dict(mapping({**talent, "properties": {"experience": "lunch"}}), base_dir=Path("."))
    m = from_dict(mapping({**talent, "properties": {"experience": "work"}}), base_dir=Path("."))
    assert m.files[0].relations is not None
