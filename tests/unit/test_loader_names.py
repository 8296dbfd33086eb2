"""The loader's entity-resolution names (loader/names.py): the name key two spellings share, and the alias
table's groups looked up by a canonical name or by its key."""

from __future__ import annotations

import unicodedata

import pytest

from loader.names import AliasTable, name_key


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("华为技术有限公司（深圳）", "华为技术有限公司 (深圳)"),  # full-width brackets, a space
        ("华为\u200b技术", "华为技术"),  # a zero-width space from copy-paste
        ("\ufeff腾讯\u2060", "腾讯"),  # a byte-order mark, a word joiner
        ("ＩＢＭ Corp", "ibmcorp"),  # full-width latin, case
        ("【商汤】科技", "(商汤)科技"),
    ],
)
def test_two_spellings_of_one_name_share_a_key(a: str, b: str) -> None:
    assert name_key(a) == name_key(b)


def test_a_key_keeps_no_format_character_and_nothing_else_is_dropped() -> None:
    text = "甲\u200d乙\u00ad丙\tＡ"
    assert name_key(text) == "甲乙丙a"
    assert not any(unicodedata.category(ch) == "Cf" for ch in name_key(text))


def test_the_group_of_a_canonical_name_is_found_by_its_key() -> None:
    table = AliasTable.default()
    table.add_rows(
        [
            ("甲公司北京分部", "甲公司", "part_of"),
            ("甲公司旧名", "甲公司新名", "same"),
            ("甲公司新名", "甲公司", "same"),  # a chain: 旧名 -> 新名 -> 甲公司
            ("乙单元", "甲公司新名", "part_of"),
        ]
    )
    names = {*table.same.values(), *table.part_of.values(), "甲公司北京分部", "乙单元", "无关公司"}
    canonical = {table.canonical(n) for n in names}
    assert "甲公司" in canonical and "甲公司新名" not in canonical
    assert any(table.group_of(n) for n in canonical)  # the shipped table and these rows have groups
    for name in canonical:
        assert table.canonical(name) == name  # a canonical name is its own canonical
        assert table.group_of_key(name_key(name)) == table.group_of(name), name
