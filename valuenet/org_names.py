"""An organisation's English name as readers use it.

The reference data writes an English name with its other names or a note in brackets at the end:
"Huawei (Huawei Technologies Co., Ltd., 华为技术有限公司)",
"Ping An Insurance (Group) Company of China (aka 平安集团)".
Readers say and type what is before those brackets; other brackets are part of the name ("Guangdong
Laboratory of Artificial Intelligence and Digital Economy (Shenzhen)", "... (CINGAI)").
"""

from __future__ import annotations

import re

_CHINESE = re.compile(r"[\u3400-\u9fff]")
# What a closing bracket holds when it lists other names or notes rather than being part of the name (the 15
# platforms differ only by theirs: "National New Generation AI Open Innovation Platform (city brain)").
_OTHER_NAMES = re.compile(r", |Co\.|Ltd|\baka |\bformerly |:|[\u3400-\u9fff]")


def _split(name: str) -> tuple[str, str]:
    """(the name before its closing bracket group, what the group holds) or (name, "") when the group is
    part of the name or there is none."""
    if not name.endswith(")"):
        return name, ""
    depth = 0
    for i in range(len(name) - 1, -1, -1):
        depth += {")": 1, "(": -1}.get(name[i], 0)
        if depth == 0:
            inside, before = name[i + 1 : -1], name[:i].rstrip()
            if before and _OTHER_NAMES.search(inside):
                return before, inside
            return name, ""
    return name, ""


def short_english(name: str) -> str:
    """The English name without the other names in its closing brackets."""
    return _split(name)[0]


def other_english(name: str) -> str:
    """The other English names in the closing brackets ("Huawei Technologies Co., Ltd."), Chinese ones and
    notes ("English text: ...") left out."""
    inside = _split(name)[1]
    return ", ".join(p for p in inside.split(", ") if p and ":" not in p and not _CHINESE.search(p))


def is_chinese(name: str) -> bool:
    """Whether a name is written in Chinese characters (an alias English pages leave out)."""
    return bool(_CHINESE.search(name))
