"""Layer 1: the organisations the reports name and the relations they state (synthetic = false).

Reads the shipped copies of the reference extraction (loader/reference/data/entities.csv and relations.csv)
and maps them to the graph model. What is not mapped, and why, is listed in `SKIPPED_RULES` and
DECISIONS.md. Nothing here is random.
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from loader.places import PlaceResolver

DATA = Path(__file__).resolve().parent / "data"
OBSERVED_SOURCE = "cingai-report"  # prefix of line citations: report2021:L1412

KIND_LABEL = {
    "enterprise": "Enterprise",
    "university": "University",
    "research_institute": "ResearchInstitute",
    "new_rd_institution": "NewRDInstitution",
    "investor": "Investor",
    "government": "Government",
    "alliance": "Linker",
    "platform": "Enterprise",  # business platforms (淘宝, 抖音 ...) are firms or business units
}
KIND_OVERRIDE = {  # entities.csv kinds `other` / `foreign_org`
    "中国科协": "Linker",
    "中国互联网络信息中心": "ResearchInstitute",
    "深交所": "Enterprise",
    "昇腾": "Enterprise",
    "IEEE": "Linker",
    "联合国贸发会": "Linker",
}
COUNTRY = {
    "China": "CN", "USA": "US", "UK": "GB", "Germany": "DE", "Singapore": "SG", "Australia": "AU",
    "France": "FR", "Japan": "JP", "Canada": "CA", "Finland": "FI", "South Korea": "KR", "Italy/USA": "IT",
}  # fmt: skip
# Industries the reports state: the vehicle makers of the Guangzhou study (整车企业, L1376/L1412) and of the
# 5G car ecosystem (car makers, L1250) are in GB/T 4754 division C36 (汽车制造业).
CAR_MAKERS = (
    "广汽集团",
    "广汽丰田",
    "广汽本田",
    "广汽乘用车",
    "广汽新能源",
    "广汽菲亚特克莱斯勒",
    "比亚迪",
    "奔驰",
    "宝马",
    "特斯拉",
    "菲亚特克莱斯勒",
    "法国标致",
    "一汽集团",
    "一汽红旗",
    "一汽奔腾",
    "一汽解放",
    "东风集团",
    "东风乘用车",
    "东风小康",
    "上汽集团",
    "上汽乘用车",
    "上海通用五菱",
    "北汽集团",
    "北汽新能源",
    "长安汽车",
    "长城汽车",
    "奇瑞控股",
    "江淮汽车",
    "宇通（客车）",
    "赛力斯",
    "南京依维柯",
)
NATIONAL_PLATFORM = re.compile(r"^国家新一代人工智能开放创新平台（(.+)）$")

# relations.csv `other` rows mapped to PART_OF: (source, target) -> (unit, group).
PART_OF_RULES: dict[tuple[str, str], tuple[str, str]] = {
    ("阿里云", "阿里巴巴"): ("阿里云", "阿里巴巴"),
    ("腾讯云", "腾讯"): ("腾讯云", "腾讯"),
    ("京东云", "京东"): ("京东云", "京东"),
    ("淘宝", "阿里巴巴"): ("淘宝", "阿里巴巴"),
    ("天猫", "阿里巴巴"): ("天猫", "阿里巴巴"),
    ("1688", "阿里巴巴"): ("1688", "阿里巴巴"),
    ("淘宝特价版", "阿里巴巴"): ("淘宝特价版", "阿里巴巴"),
    ("阿里巴巴", "Alios"): ("Alios", "阿里巴巴"),
    ("字节跳动", "抖音"): ("抖音", "字节跳动"),
    ("字节跳动", "字节跳动人工智能实验室"): ("字节跳动人工智能实验室", "字节跳动"),
    ("微信", "腾讯"): ("微信", "腾讯"),
    ("华为", "鲲鹏"): ("鲲鹏", "华为"),
}
# Group -> subsidiary rows of the 5G car ecosystem list (L1250) are PART_OF too (subsidiary -> group).
GROUPS = ("一汽集团", "东风集团", "上汽集团", "广汽集团", "北汽集团")
# Why the remaining `other` rows are not relationships of the graph model (documented in DECISIONS.md).
SKIPPED_RULES = {
    "platform": "hosting a national platform is the host's :Platform label and platform_domain",
    "announced": "MOST announcing a platform: a property of the platform, not a relation",
    "member": "membership of the 5G car ecosystem: no MEMBER_OF type in the graph model",
    "founded": "co-founding / creating / laying out an institution: no FOUNDED type in the graph model",
    "other": "agreements, incubation, co-authorship, versions, resource integration: no type in the model",
}


@dataclass
class Org:
    id: str
    name_zh: str
    name_en: str | None
    kinds: list[str]
    roles: list[str] = field(default_factory=list)
    country: str | None = None
    province: str | None = None
    city: str | None = None
    aliases: list[str] = field(default_factory=list)
    sources: list[str] = field(default_factory=list)
    props: dict[str, object] = field(default_factory=dict)
    synthetic_props: list[str] = field(default_factory=list)
    sample: bool = False
    synthetic: bool = False


@dataclass
class Rel:
    source: str
    target: str
    type: str
    experience: str | None
    editions: list[int]
    sources: list[str]
    synthetic: bool = False


@dataclass
class Observed:
    orgs: dict[str, Org]  # by name_zh
    rels: list[Rel]
    skipped: list[tuple[str, str, str, str]]  # (source, target, line, reason)


def org_id(name_zh: str) -> str:
    return f"ref:{name_zh}"


def cite(lines: str) -> tuple[list[str], list[int]]:
    """'2021:1412;2020:81;...(+2)' -> (['report2021:L1412', 'report2020:L81'], [2020, 2021])."""
    sources, editions = [], set()
    for part in lines.split(";"):
        m = re.match(r"\s*(20\d\d):(\d+)", part)
        if m:
            sources.append(f"report{m.group(1)}:L{m.group(2)}")
            editions.add(int(m.group(1)))
    return sorted(set(sources)), sorted(editions)


def _read(name: str) -> list[dict[str, str]]:
    with (DATA / name).open(encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def _place(row: dict[str, str], resolver: PlaceResolver) -> tuple[str | None, str | None, str | None]:
    country = COUNTRY.get(row["country"])
    if country != "CN":
        return country, None, None
    prov = resolver.resolve(row["province"]) if row["province"] else None
    city = resolver.resolve(row["city"], province_hint=row["province"] or None) if row["city"] else None
    if city is not None and city.level == "city":
        return city.country, city.province, city.code
    if prov is not None:
        return prov.country, prov.province or prov.code, None
    return "CN", None, None


@cache
def load() -> Observed:
    resolver = PlaceResolver.default()
    orgs: dict[str, Org] = {}
    platforms: dict[str, tuple[str, list[str]]] = {}  # platform name -> (domain, sources)
    for row in _read("entities.csv"):
        name = row["name_zh"]
        if name.startswith("[AGG]"):
            continue
        sources, _ = cite(row["line"])
        m = NATIONAL_PLATFORM.match(name)
        if m:
            platforms[name] = (m.group(1), sources)
            continue
        kind = KIND_OVERRIDE.get(name) or KIND_LABEL.get(row["kind"], "Enterprise")
        country, province, city = _place(row, resolver)
        aliases = []
        am = re.search(r"aliases in text: ([^;,)]+)", row["roles"])
        if am:
            aliases = [a.strip() for a in am.group(1).split("/") if a.strip()]
        orgs[name] = Org(
            id=org_id(name),
            name_zh=name,
            name_en=row["name_en"] or None,
            kinds=[kind],
            country=country,
            province=province,
            city=city,
            aliases=aliases,
            sources=sources,
        )
    for name in CAR_MAKERS:
        orgs[name].props["industry"] = "C36"
    rels: list[Rel] = []
    skipped: list[tuple[str, str, str, str]] = []
    for row in _read("relations.csv"):
        src, dst, typ, detail, line = row["source"], row["target"], row["type"], row["detail"], row["line"]
        sources, editions = cite(line)
        if src.startswith("[AGG]") or dst.startswith("[AGG]"):
            skipped.append((src, dst, line, "aggregate end: realised by layer 2's synthetic relations"))
            continue
        if typ == "technology_empowerment":
            rels.append(Rel(org_id(src), org_id(dst), "EMPOWERS", None, editions, sources))
            continue
        if typ != "other":  # every non-aggregate non-`other` row is a technology empowerment in this file
            skipped.append((src, dst, line, f"unexpected type {typ}"))
            continue
        if dst in platforms:
            if src == "科技部":
                domain, _ = platforms[dst]
                skipped.append((src, dst, line, SKIPPED_RULES["announced"]))
                continue
            host = orgs[src]
            domain, psources = platforms[dst]
            if "Platform" not in host.roles:
                host.roles.append("Platform")
            host.props["platform_domain"] = domain
            batch = re.search(r"(batch \d|announced \w+ \d{4})", detail)
            host.props["platform_batch"] = batch.group(1) if batch else None
            host.aliases.append(dst)
            host.sources = sorted(set(host.sources) | set(psources) | set(sources))
            continue
        if (src, dst) in PART_OF_RULES or (src in GROUPS and detail.startswith("group/subsidiary")):
            unit, group = PART_OF_RULES.get((src, dst), (dst, src))
            rels.append(Rel(org_id(unit), org_id(group), "PART_OF", None, editions, sources))
            continue
        if dst == "5G汽车生态圈":
            reason = SKIPPED_RULES["member"]
        elif "found" in detail or "created" in detail or "laid out" in detail or "construction" in detail:
            reason = SKIPPED_RULES["founded"]
        else:
            reason = SKIPPED_RULES["other"]
        skipped.append((src, dst, line, reason))
    return Observed(orgs=orgs, rels=rels, skipped=skipped)
