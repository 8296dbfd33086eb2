"""Writes the tables of the listed-companies example (run: .venv/bin/python examples/listed/make_data.py).

SYNTHETIC data, shaped like what an analyst assembles from public sources about A-share listed companies:
an own industry taxonomy (申万-style, three levels) with a crosswalk onto GB/T 4754-2017, a product
taxonomy with its industry chain (产业链), the companies (stock codes with exchange suffixes, legal names
with places in brackets, dates and amounts as exchanges print them, a few bad cells), a long table of what
each company makes, observed supplier -> customer pairs, and pairs inferred from the product chain. Every
company, code and relation is made up (fixed seed); only the industry names and GB/T codes are real
vocabularies. The files are committed; tests/engine/test_loader_listed_example.py checks that this script
reproduces them byte for byte.
"""

from __future__ import annotations

import csv
import io
import random
from pathlib import Path

DATA = Path(__file__).resolve().parent / "data"
SEED = 13
COMPANIES = 240

# The analyst's industry taxonomy: code, name, parent code, GB/T 4754 divisions with weights (level 3 only).
INDUSTRIES: list[tuple[str, str, str, list[tuple[str, float]]]] = [
    ("270000", "电子", "", []),
    ("270100", "半导体", "270000", []),
    ("270101", "数字芯片设计", "270100", [("C39", 1.0)]),
    ("270102", "半导体材料", "270100", [("C39", 0.6), ("C26", 0.4)]),
    ("270200", "元件", "270000", []),
    ("270201", "传感器", "270200", [("C39", 0.7), ("C40", 0.3)]),
    ("710000", "计算机", "", []),
    ("710100", "计算机设备", "710000", []),
    ("710101", "服务器及存储", "710100", [("C39", 1.0)]),
    ("710200", "IT服务Ⅱ", "710000", []),
    ("710201", "IT服务Ⅲ", "710200", [("I65", 1.0)]),
    ("710202", "云服务", "710200", [("I64", 0.5), ("I65", 0.5)]),
    ("710300", "软件开发", "710000", []),
    ("710301", "垂直应用软件", "710300", [("I65", 1.0)]),
    ("640000", "机械设备", "", []),
    ("640100", "通用设备", "640000", []),
    ("640101", "机床工具", "640100", [("C34", 1.0)]),
    ("640102", "工控设备", "640100", [("C34", 0.5), ("C38", 0.5)]),
    ("640200", "自动化设备", "640000", []),
    ("640201", "机器人", "640200", [("C34", 0.8), ("C35", 0.2)]),
    ("280000", "汽车", "", []),
    ("280100", "汽车零部件", "280000", []),
    ("280101", "车身附件及饰件", "280100", [("C36", 1.0)]),
    ("280102", "底盘与发动机系统", "280100", [("C36", 1.0)]),
    ("280200", "乘用车", "280000", []),
    ("280201", "电动乘用车", "280200", [("C36", 1.0)]),
    ("630000", "电力设备", "", []),
    ("630100", "电池", "630000", []),
    ("630101", "锂电池", "630100", [("C38", 1.0)]),
    ("630102", "电池化学品", "630100", [("C26", 1.0)]),
    ("720000", "传媒", "", []),
    ("720100", "出版", "720000", []),
    ("720101", "大众出版", "720100", [("R86", 1.0)]),
]

# The product taxonomy: code, name, parent code, the industry (level 3 above) that makes it.
PRODUCTS: list[tuple[str, str, str, str]] = [
    ("P1", "半导体", "", ""),
    ("P11", "硅片", "P1", "270102"),
    ("P12", "AI芯片", "P1", "270101"),
    ("P13", "传感器", "P1", "270201"),
    ("P2", "计算设备", "", ""),
    ("P21", "AI服务器", "P2", "710101"),
    ("P3", "软件与服务", "", ""),
    ("P31", "云计算服务", "P3", "710202"),
    ("P32", "大模型", "P3", "710201"),
    ("P33", "行业解决方案", "P3", "710301"),
    ("P34", "数字出版平台", "P3", "720101"),
    ("P4", "智能装备", "", ""),
    ("P41", "伺服电机", "P4", "640102"),
    ("P42", "数控机床", "P4", "640101"),
    ("P43", "工业机器人", "P4", "640201"),
    ("P5", "新能源", "", ""),
    ("P51", "正极材料", "P5", "630102"),
    ("P52", "动力电池", "P5", "630101"),
    ("P6", "智能汽车", "", ""),
    ("P61", "激光雷达", "P6", "280102"),
    ("P62", "智能座舱", "P6", "280101"),
    ("P63", "电动汽车", "P6", "280201"),
]

# The industry chain between products: upstream -> downstream.
CHAIN = [
    ("P11", "P12"),
    ("P12", "P21"),
    ("P21", "P31"),
    ("P31", "P32"),
    ("P32", "P33"),
    ("P32", "P34"),
    ("P12", "P61"),
    ("P13", "P61"),
    ("P13", "P43"),
    ("P41", "P43"),
    ("P41", "P42"),
    ("P42", "P43"),
    ("P43", "P63"),
    ("P51", "P52"),
    ("P52", "P63"),
    ("P61", "P63"),
    ("P62", "P63"),
    ("P12", "P62"),
]

CITIES = [
    "苏州",
    "深圳",
    "上海",
    "杭州",
    "合肥",
    "北京",
    "广州",
    "无锡",
    "宁波",
    "成都",
    "武汉",
    "西安",
    "南京",
]
WORDS = list("汇芯华智创联科微新达信泰明晟睿航拓源瑞恒精博远普")  # one-character name parts
TRADES = {
    "270101": "微电子",
    "270102": "半导体材料",
    "270201": "传感技术",
    "710101": "信息设备",
    "710201": "信息技术",
    "710202": "云计算",
    "710301": "软件",
    "640101": "数控装备",
    "640102": "自动化",
    "640201": "机器人",
    "280101": "汽车电子",
    "280102": "汽车部件",
    "280201": "新能源汽车",
    "630101": "电池",
    "630102": "新材料",
    "720101": "出版传媒",
}
BOARDS = [
    ("600", ".SH", "上交所"),
    ("688", ".SH", "上交所"),
    ("000", ".SZ", "深交所"),
    ("300", ".SZ", "深交所"),
]
BOARDS_BJ = ("83", ".BJ", "北交所")


def companies(rng: random.Random) -> list[dict[str, str]]:
    """The listed companies, with the cells exchanges and data vendors print (and a few bad ones)."""
    leaves = [code for code, *_ in INDUSTRIES if code in TRADES]
    used_codes: set[str] = set()
    used_names: set[str] = set()
    out = []
    for i in range(COMPANIES):
        prefix, suffix, exchange = BOARDS_BJ if i % 25 == 24 else BOARDS[i % len(BOARDS)]
        while True:
            code = prefix + f"{rng.randrange(10 ** (6 - len(prefix))):0{6 - len(prefix)}d}"
            if code not in used_codes:
                used_codes.add(code)
                break
        industry = leaves[i % len(leaves)]
        city = rng.choice(CITIES)
        while True:
            short = rng.choice(WORDS) + rng.choice(WORDS)
            if short not in used_names and short[0] != short[1]:
                used_names.add(short)
                break
        form = "股份有限公司"
        if i % 6 == 0:  # the place only in brackets inside the name, as in 纽威数控装备（苏州）股份有限公司
            name, registered = f"{short}{TRADES[industry]}（{city}）{form}", ""
        elif i % 6 == 1:  # the place at the start of the name, no place column
            name, registered = f"{city}{short}{TRADES[industry]}{form}", ""
        else:
            name, registered = f"{short}{TRADES[industry]}{form}", f"{city}市"
        year = 2000 + rng.randrange(24)
        listed = f"{year}-{rng.randrange(1, 13):02d}-{rng.randrange(1, 29):02d}"
        revenue = f"{rng.randrange(5, 9000) / 10:.1f}亿"
        staff = f"{rng.randrange(120, 40000):,}"
        category = industry if i % 3 else next(n for c, n, *_ in INDUSTRIES if c == industry)  # code or name
        out.append(
            {
                "证券代码": code + suffix,
                "证券简称": short + TRADES[industry][:2],
                "公司名称": name,
                "注册地": registered,
                "交易所": exchange,
                "申万行业": category,
                "上市日期": listed,
                "营业收入": revenue,
                "员工人数": staff,
            }
        )
    # What real tables hold too: a date that does not exist, an amount as text, an unknown category, a
    # delisted company's name with a note, a row without a name. Only the last one rejects its row.
    out[7]["上市日期"] = "2019-02-30"
    out[31]["营业收入"] = "未披露"
    out[58]["申万行业"] = "元宇宙Ⅲ"
    out[90]["上市日期"] = "2015-13-01"
    out[121]["公司名称"] = out[121]["公司名称"] + "（已退市）"
    out[150]["公司名称"] = ""
    return out


def makes(rng: random.Random, firms: list[dict[str, str]]) -> list[dict[str, str]]:
    """The long table: one row per company and product (a company makes one to three products)."""
    by_industry: dict[str, list[str]] = {}
    for code, _, _, industry in PRODUCTS:
        if industry:
            by_industry.setdefault(industry, []).append(code)
    names = {code: name for code, name, *_ in PRODUCTS}
    rows = []
    for i, firm in enumerate(firms):
        if not firm["公司名称"]:
            continue
        industry = next(c for c, n, *_ in INDUSTRIES if firm["申万行业"] in (c, n)) if i != 58 else "710201"
        own = by_industry[industry]
        chosen = own + rng.sample([p for p in names if p not in own and len(p) == 3], rng.randrange(0, 3))
        for product in chosen:
            rows.append({"证券代码": firm["证券代码"], "公司名称": firm["公司名称"], "产品": names[product]})
    return rows


def supply(rng: random.Random, firms: list[dict[str, str]], made: list[dict[str, str]]) -> tuple[list, list]:
    """Observed supplier -> customer pairs (as disclosed in annual reports), and pairs inferred from the
    chain: a company making an upstream product supplies one making its downstream product."""
    names = {name: code for code, name, *_ in PRODUCTS}
    makers: dict[str, list[str]] = {}
    for r in made:
        makers.setdefault(names[r["产品"]], []).append(r["证券代码"])
    short = {f["证券代码"]: f["证券简称"] for f in firms}
    inferred = []
    pairs: set[tuple[str, str]] = set()
    for up, down in CHAIN:
        ups, downs = sorted(set(makers.get(up, []))), sorted(set(makers.get(down, [])))
        for supplier in rng.sample(ups, min(4, len(ups))):
            for customer in rng.sample(downs, min(3, len(downs))):
                if supplier != customer and (supplier, customer) not in pairs:
                    pairs.add((supplier, customer))
                    inferred.append(
                        {
                            "供应商代码": supplier,
                            "供应商简称": short[supplier],
                            "客户代码": customer,
                            "客户简称": short[customer],
                            "依据": f"{up}->{down}",
                        }
                    )
    observed = []
    for supplier, customer in rng.sample(sorted(pairs), 60):
        amount = f"{rng.randrange(1, 500) * 100}万元"
        observed.append(
            {
                "客户代码": customer,
                "客户简称": short[customer],
                "供应商代码": supplier,
                "供应商简称": short[supplier],
                "采购金额": amount,
            }
        )
    return observed, inferred


def tables() -> dict[str, str]:
    """File name -> its text, as written."""
    rng = random.Random(SEED)
    firms = companies(rng)
    made = makes(rng, firms)
    observed, inferred = supply(rng, firms, made)
    out: dict[str, list[list[str]]] = {
        "industries.csv": [["行业代码", "行业名称", "上级行业代码"]]
        + [[c, n, p] for c, n, p, _ in INDUSTRIES],
        "industries_to_gbt.csv": [["行业代码", "国民经济行业代码", "权重"]]
        + [[c, gbt, f"{w:g}"] for c, _, _, walk in INDUSTRIES for gbt, w in walk],
        "products.csv": [["产品代码", "产品名称", "上级产品代码"]] + [[c, n, p] for c, n, p, _ in PRODUCTS],
        "product_chain.csv": [["上游产品", "下游产品"]] + [[a, b] for a, b in CHAIN],
    }
    for name, rows in (
        ("companies.csv", firms),
        ("company_products.csv", made),
        ("supply_disclosed.csv", observed),
        ("supply_inferred.csv", inferred),
    ):
        out[name] = [list(rows[0]), *([str(v) for v in r.values()] for r in rows)]
    text = {}
    for name, table in out.items():
        buf = io.StringIO(newline="")
        csv.writer(buf, lineterminator="\n").writerows(table)
        text[name] = buf.getvalue()
    return text


def main() -> None:
    DATA.mkdir(exist_ok=True)
    for name, text in tables().items():
        (DATA / name).write_text(text, encoding="utf-8")
        print(f"wrote {DATA / name} ({text.count(chr(10)) - 1} rows)")


if __name__ == "__main__":
    main()
