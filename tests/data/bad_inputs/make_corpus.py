"""Writes the bad-input corpus next to this file (run: .venv/bin/python tests/data/bad_inputs/make_corpus.py).

Each file is one case of tests/data/bad_inputs/cases.yaml, which states the exact outcome. Files are
written from Python because several are deliberately not clean UTF-8 text (GBK, UTF-16, binary, broken
zip, a 10 MB cell).
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

HERE = Path(__file__).resolve().parent

S_HEAD = [
    "企业名称",
    "成立时间",
    "省份",
    "城市",
    "行业",
    "应用领域",
    "技术层次",
    "核心技术",
    "融资总额",
    "员工人数",
    "是否上市",
    "研发强度",
]
GOOD = [
    ["甲科技", "2015", "广东", "深圳", "I65", "智能制造", "技术层", "视觉识别", "1.2亿", "120", "否", "12%"],
    [
        "乙智能",
        "2016年",
        "北京",
        "北京",
        "C39",
        "智慧医疗、智能安防",
        "应用层",
        "智能芯片",
        "3000万元",
        "1,234",
        "是",
        "0.3",
    ],
    ["丙数据", "2018-05-01", "浙江省", "杭州市", "I64", "", "基础层", "大数据和云计算", "", "", "", ""],
]
R_HEAD = ["样本节点", "关系节点", "关系类型", "国家", "省份", "城市", "行业", "金额"]
BASE_SAMPLES = [["企业名称", "省份"], ["基准甲", "广东"], ["基准乙", "北京"], ["基准丙", "上海"]]


def csv_text(rows: list[list[str]], lineterminator: str = "\n") -> str:
    buf = io.StringIO()
    csv.writer(buf, lineterminator=lineterminator).writerows(rows)
    return buf.getvalue()


def w(name: str, rows: list[list[str]], encoding: str = "utf-8", lineterminator: str = "\n") -> None:
    (HERE / name).write_bytes(csv_text(rows, lineterminator).encode(encoding))


def raw(name: str, data: bytes) -> None:
    (HERE / name).write_bytes(data)


def xlsx(name: str, sheets: dict[str, list[list[object]]]) -> None:
    import openpyxl

    wb = openpyxl.Workbook()
    first = True
    for title, rows in sheets.items():
        ws = wb.active if first else wb.create_sheet()
        first = False
        ws.title = title
        for r in rows:
            ws.append(r)
    wb.save(HERE / name)


def row(name: str, **kw: str) -> list[str]:
    base = dict(
        zip(
            S_HEAD,
            ["", "2015", "广东", "深圳", "I65", "智能制造", "技术层", "视觉识别", "", "", "", ""],
            strict=True,
        )
    )
    base["企业名称"] = name
    base.update(kw)
    return [base[h] for h in S_HEAD]


def main() -> None:
    # -- readable, all rows good ------------------------------------------------------------------------
    w("ok_utf8.csv", [S_HEAD, *GOOD])
    w("ok_utf8_bom.csv", [S_HEAD, *GOOD], encoding="utf-8-sig")
    w("ok_gbk.csv", [S_HEAD, *GOOD], encoding="gbk")
    # 䶮 (U+4DAE) is in GB18030 but not in GBK: the auto detection must use gb18030.
    w("ok_gb18030.csv", [S_HEAD, row("刘䶮科技")], encoding="gb18030")
    w("ok_utf16.csv", [S_HEAD, *GOOD], encoding="utf-16")
    xlsx("ok_excel.xlsx", {"Sheet1": [S_HEAD, *GOOD, [None] * 3]})
    w("ok_extra_columns.csv", [[*S_HEAD, "备注", "网址"], *[[*g, "x", "http://a"] for g in GOOD]])
    # CRLF and a quoted cell with a line break: row numbers follow the record's first line.
    w(
        "crlf_multiline.csv",
        [S_HEAD, row("丁\n多行名称"), row("戊科技", 融资总额="很多")],
        lineterminator="\r\n",
    )
    w("ok_fullwidth_spaces.csv", [S_HEAD, row("　己科技　"), row("ＡＢＣ Robotics")])
    # Cypher-looking strings are just text.
    w(
        "cypher_injection.csv",
        [
            S_HEAD,
            row('"}) DETACH DELETE n //'),
            row("x'}) MATCH (m) DETACH DELETE m //"),
            row("$rows `Organization` {id: 1}"),
        ],
    )
    # -- rows rejected -------------------------------------------------------------------------------------
    w(
        "money_units.csv",
        [
            S_HEAD,
            row("金额一", 融资总额="1.2亿"),
            row("金额二", 融资总额="3000万元"),
            row("金额三", 融资总额="1,234"),
            row("金额四", 融资总额="¥5万"),
            row("金额五", 融资总额="1.2.3"),
            row("金额六", 融资总额="五百万"),
            row("金额七", 融资总额="100万美元"),
            row("金额八", 融资总额="-5万"),
        ],
    )
    w(
        "bad_years.csv",
        [
            S_HEAD,
            row("年一", 成立时间="二〇一五"),
            row("年二", 成立时间="1700"),
            row("年三", 成立时间="20150"),
            row("年四", 成立时间="2015.0"),
        ],
    )
    w(
        "bad_numbers.csv",
        [
            S_HEAD,
            row("数一", 员工人数="12人"),
            row("数二", 是否上市="也许"),
            row("数三", 研发强度="150%"),
            row("数四", 员工人数="1.5"),
            row("数五", 员工人数="-3"),
        ],
    )
    w(
        "unknown_province.csv",
        [S_HEAD, row("省一", 省份="火星省", 城市=""), row("省二", 省份="广东省", 城市="")],
    )
    w("unknown_city.csv", [S_HEAD, row("市一", 城市="不存在市"), row("市二", 城市="深圳市南山区")])
    w(
        "city_province_conflict.csv",
        [S_HEAD, row("冲突一", 省份="江苏", 城市="广州"), row("冲突二", 省份="江苏", 城市="苏州")],
    )
    w(
        "unknown_industry.csv",
        [S_HEAD, row("行一", 行业="Z99"), row("行二", 行业="A36"), row("行三", 行业="汽车制造业")],
    )
    w(
        "unknown_vocabularies.csv",
        [
            S_HEAD,
            row("词一", 应用领域="智能制造、量子占卜"),
            row("词二", 技术层次="顶层"),
            row("词三", 核心技术="读心术"),
        ],
    )
    w("empty_name.csv", [S_HEAD, row(""), row("有名")])
    w("duplicate_names.csv", [S_HEAD, row("重名"), row("另一个"), row("重 名"), row("重名")])
    w(
        "duplicate_ids.csv",
        [["企业编号", *S_HEAD], ["X1", *row("编号一")], ["X2", *row("编号二")], ["X1", *row("编号三")]],
    )
    w(
        "long_field_10mb.csv",
        [S_HEAD, row("长一", 应用领域="智能制造" + "、" + "x" * 10_000_000), row("长二")],
    )
    w("short_rows.csv", [S_HEAD, ["短行一", "2015", "广东"], ["短行二"]])
    raw(
        "blank_rows.csv",
        (csv_text([S_HEAD, GOOD[0]]) + ",,,,,,,,,,,\n\n" + csv_text([GOOD[1], row("")]) + ",,,\n").encode(),
    )
    # -- files that cannot be read --------------------------------------------------------------------------
    raw("empty.csv", b"")
    raw("blank_lines_only.csv", b"\n\n  \n")
    w("header_only.csv", [S_HEAD])
    w(
        "missing_column.csv",
        [
            [h for h in S_HEAD if h != "成立时间"],
            *[[c for h, c in zip(S_HEAD, g, strict=True) if h != "成立时间"] for g in GOOD],
        ],
    )
    w("duplicate_header.csv", [[*S_HEAD, "省份"], *[[*g, "x"] for g in GOOD]])
    w("ragged_row.csv", [S_HEAD, GOOD[0], [*GOOD[1], "多余", "字段"], GOOD[2]])
    raw(
        "unclosed_quote.csv",
        (csv_text([S_HEAD, GOOD[0]]) + '"}) DETACH DELETE n //,2015\n' + csv_text([GOOD[1]])).encode(),
    )
    raw("binary.csv", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x10")
    raw("undecodable.csv", csv_text([S_HEAD, GOOD[0]]).encode("utf-8") + b"\xff\xfe\xff,\x80\n")
    w("gbk_declared_utf8.csv", [S_HEAD, *GOOD], encoding="gbk")
    w("semicolon_delimited.csv", [[";".join(S_HEAD)], *[[";".join(g)] for g in GOOD]])
    xlsx("xlsx_named_csv.csv", {"Sheet1": [S_HEAD, *GOOD]})
    xlsx("excel_missing_sheet.xlsx", {"数据": [S_HEAD, *GOOD]})
    xlsx("excel_header_only.xlsx", {"Sheet1": [S_HEAD]})
    xlsx("excel_empty.xlsx", {"Sheet1": []})
    raw("excel_corrupt.xlsx", (HERE / "ok_excel.xlsx").read_bytes()[:700])
    raw("csv_named_xlsx.xlsx", csv_text([S_HEAD, *GOOD]).encode())
    # -- issue 15's loader cases, and more of the same kind ---------------------------------------------
    w(
        "money_overflow.csv",
        [S_HEAD, row("溢出一", 融资总额="1e400"), row("溢出二", 融资总额="99999999999999999999"),
         row("溢出三", 员工人数="1e30"), row("溢出四", 融资总额="1.2亿")],
    )  # fmt: skip
    raw(
        "nul_in_cell.csv",
        csv_text([S_HEAD, row("空字节一"), row("空字节二", 城市="深\x00圳"), row("空字节三")]).encode(),
    )
    xlsx(
        "excel_formula_no_cache.xlsx",
        {"Sheet1": [S_HEAD, row("公式一", 员工人数="=1+1"), row("公式二"), [*row("公式三")[:1], "=2000+15"]]},
    )
    w(
        "impossible_dates.csv",
        [S_HEAD, row("日期一", 成立时间="2021-02-30"), row("日期二", 成立时间="2015-13"),
         row("日期三", 成立时间="2020-02-29"), row("日期四", 成立时间="2019年2月29日")],
    )  # fmt: skip
    w("ids_first.csv", [["企业编号", *S_HEAD], ["D1", *row("同号甲")], ["D2", *row("同号乙")]])
    w("ids_again.csv", [["企业编号", *S_HEAD], ["D1", *row("同号丙")], ["D2", *row("同号乙")]])
    w(
        "invisible_names.csv",
        [
            S_HEAD,
            row("\u200b\u200b"),
            row("\u200b\ufeff\u2060"),
            row("——"),
            row("可见\u200b名称"),
            row("360"),
        ],
    )
    w(
        "formula_cells.csv",
        [S_HEAD, row("公式注入一", 员工人数="=cmd|' /C calc'!A0"), row("公式注入二", 融资总额="+1+1"),
         row("公式注入三", 是否上市="@SUM(A1)"), row("=HYPERLINK(\"http://x\")", 研发强度="-0.5"),
         row("公式注入五", 员工人数="＝1+1")],
    )  # fmt: skip
    raw("bom_gbk.csv", b"\xef\xbb\xbf" + csv_text([S_HEAD, *GOOD]).encode("gbk"))
    # -- relation tables (loaded after base_samples.csv) ---------------------------------------------
    w("base_samples.csv", BASE_SAMPLES)
    w(
        "rel_ok.csv",
        [
            R_HEAD,
            ["基准甲", "英特尔", "技术输入", "美国", "", "", "C39", ""],
            ["基准甲", "长安汽车", "技术赋能", "中国", "重庆", "重庆", "C36", ""],
            ["基准乙", "清华大学", "前期学习经验", "中国", "北京", "北京", "", ""],
            ["基准乙", "清华大学", "前期工作经验", "中国", "北京", "北京", "", ""],
            ["基准丙", "红杉资本中国", "获投", "中国", "北京", "", "", "1.2亿"],
            ["基准丙", "某某视觉", "投资", "", "广东", "深圳", "I65", "3000万元"],
            ["基准甲", "某某芯片", "收购", "中国", "上海", "上海", "C39", ""],
            ["基准甲", "英特尔", "技术输入", "美国", "", "", "", ""],
        ],
    )
    w(
        "rel_gbk.csv",
        [
            R_HEAD,
            ["基准甲", "华为", "技术输入", "中国", "广东", "深圳", "C39", ""],
            ["基准乙", "华为技术有限公司", "技术输入", "中国", "广东", "深圳", "", ""],
        ],
        encoding="gbk",
    )
    w(
        "rel_dangling.csv",
        [
            R_HEAD,
            ["不存在的样本", "英特尔", "技术输入", "美国", "", "", "", ""],
            ["基准甲", "英特尔", "技术输入", "美国", "", "", "", ""],
            ["", "英特尔", "技术输入", "美国", "", "", "", ""],
        ],
    )
    w(
        "rel_unknown_type.csv",
        [
            R_HEAD,
            ["基准甲", "某甲", "合作", "中国", "", "", "", ""],
            ["基准甲", "某乙", "", "中国", "", "", "", ""],
            ["基准甲", "某丙", "技术赋能", "中国", "", "", "", ""],
        ],
    )
    w(
        "rel_unknown_country.csv",
        [
            R_HEAD,
            ["基准甲", "瓦坎达公司", "技术输入", "瓦坎达", "", "", "", ""],
            ["基准甲", "日本公司", "技术输入", "日本", "", "", "", ""],
            ["基准甲", "美国公司", "技术输入", "USA", "", "Silicon Valley", "", ""],
            ["基准甲", "矛盾公司", "技术输入", "美国", "", "深圳", "", ""],
        ],
    )
    w("rel_self.csv", [R_HEAD, ["基准甲", "基准甲", "技术赋能", "中国", "", "", "", ""]])
    w(
        "rel_amounts.csv",
        [
            R_HEAD,
            ["基准乙", "某基金", "获投", "中国", "", "", "", "2.5亿元"],
            ["基准乙", "某资本", "获投", "中国", "", "", "", "若干"],
        ],
    )
    w(
        "rel_aliases.csv",
        [
            R_HEAD,
            ["基准甲", "晨兴资本", "获投", "中国", "北京", "", "", ""],
            ["基准乙", "五源资本", "获投", "中国", "北京", "", "", ""],
            ["基准丙", "Alibaba Cloud", "技术输入", "中国", "浙江", "杭州", "", ""],
        ],
    )
    w("rel_empty_partner.csv", [R_HEAD, ["基准甲", "", "技术输入", "中国", "", "", "", ""]])
    w(
        "rel_missing_column.csv",
        [[h for h in R_HEAD if h != "关系类型"], ["基准甲", "某甲", "中国", "", "", "", ""]],
    )
    xlsx(
        "rel_excel.xlsx",
        {
            "关系": [
                R_HEAD,
                ["基准甲", "英伟达", "技术输入", "美国", None, None, "C39", None],
                ["幽灵企业", "英伟达", "技术输入", "美国", None, None, None, None],
                ["基准乙", "某银行", "技术赋能", "中国", "上海", "上海", "J66", 12000000],
            ]
        },
    )


if __name__ == "__main__":
    main()
