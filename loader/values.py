"""Cell parsers: text from a table -> typed value, or `ValueError` with a reason an analyst can act on.

Every parser takes the stripped, non-empty cell text (empty cells never reach a parser: they mean "no
value"). Parsers are cached: tables repeat the same values (years, provinces, amounts) many times.
"""

from __future__ import annotations

import functools
import math
import re
import unicodedata
from collections.abc import Callable
from decimal import Decimal, InvalidOperation
from typing import Any

from loader.mapping import PropertySpec, ValueType

# Multipliers of Chinese amount units, longest first so that 千万 wins over 万.
_UNITS: list[tuple[str, int]] = [
    ("万亿", 10**12),
    ("千亿", 10**11),
    ("百亿", 10**10),
    ("十亿", 10**9),
    ("亿", 10**8),
    ("千万", 10**7),
    ("百万", 10**6),
    ("十万", 10**5),
    ("万", 10**4),
    ("千", 10**3),
    ("百", 10**2),
]
_CURRENCY_WORDS = ("人民币", "rmb", "cny", "元", "¥", "￥")
_NUMBER = re.compile(r"^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$")
# Whole numbers travel to the engine as 64-bit integers (Bolt, and both engines' storage); floats must be
# finite. Anything larger is a bad value with a reason, never an overflow in the driver.
INT64_MAX = 2**63 - 1
_SEPARATORS = re.compile(r"[、;；,，/／|]")


def _clean_number_text(text: str) -> str:
    t = unicodedata.normalize("NFKC", text).strip().replace(" ", "")
    # Thousands separators: "1,234,567" (only when every group after the first has three digits).
    if re.fullmatch(r"[+-]?\d{1,3}(,\d{3})+(\.\d+)?", t):
        t = t.replace(",", "")
    return t


def _decimal(t: str) -> Decimal:
    if not _NUMBER.match(t):
        raise ValueError
    try:
        return Decimal(t)
    except InvalidOperation:
        raise ValueError from None


def _int_or_float(d: Decimal, text: str, what: str) -> int | float:
    """The number as an int (whole) or a float, or ValueError when the engine cannot store it."""
    if d == d.to_integral_value():
        if abs(d) > INT64_MAX:
            raise ValueError(f"{what} out of range: {text!r} (the graph stores whole numbers up to 9.2e18)")
        return int(d)
    f = float(d)
    if not math.isfinite(f):
        raise ValueError(f"{what} out of range: {text!r}")
    return f


@functools.lru_cache(maxsize=65536)
def parse_money(text: str) -> int | float:
    """Amount in yuan. '1.2亿' -> 120000000, '3000万元' -> 30000000, '1,234' -> 1234, '¥5万' -> 50000."""
    t = _clean_number_text(text).lower()
    for word in _CURRENCY_WORDS:
        if t.startswith(word):
            t = t[len(word) :]
        if t.endswith(word):
            t = t[: -len(word)]
    mult = 1
    for unit, m in _UNITS:
        if t.endswith(unit):
            t, mult = t[: -len(unit)], m
            break
    t = _clean_number_text(t)
    try:
        d = _decimal(t)
    except ValueError:
        raise ValueError(
            f"not an amount: {text!r} (write yuan, optionally with 万/亿/元, e.g. 1.2亿 or 3000万元)"
        ) from None
    if d < 0:
        raise ValueError(f"negative amount: {text!r}")
    return _int_or_float(d * mult, text, "amount")


@functools.lru_cache(maxsize=65536)
def parse_int(text: str) -> int:
    t = _clean_number_text(text)
    try:
        d = _decimal(t)
    except ValueError:
        raise ValueError(f"not a whole number: {text!r}") from None
    if d != d.to_integral_value():
        raise ValueError(f"not a whole number: {text!r}")
    return int(_int_or_float(d, text, "number"))


@functools.lru_cache(maxsize=65536)
def parse_float(text: str) -> float:
    t = _clean_number_text(text)
    try:
        d = _decimal(t)
    except ValueError:
        raise ValueError(f"not a number: {text!r}") from None
    f = float(d)
    if not math.isfinite(f):
        raise ValueError(f"number out of range: {text!r}")
    return f


_TRUE = {"是", "有", "true", "yes", "y", "1", "t", "已上市", "上市", "√"}
_FALSE = {"否", "无", "false", "no", "n", "0", "f", "未上市", "×"}


@functools.lru_cache(maxsize=1024)
def parse_bool(text: str) -> bool:
    t = unicodedata.normalize("NFKC", text).strip().lower()
    if t.endswith(".0"):
        t = t[:-2]
    if t in _TRUE:
        return True
    if t in _FALSE:
        return False
    raise ValueError(f"not a yes/no value: {text!r} (write 是/否, true/false, yes/no or 1/0)")


_YEAR = re.compile(
    r"^(\d{4})(?:\.0+|年(?:(\d{1,2})月(?:(\d{1,2})日)?)?.*|[-/.](\d{1,2})(?:[-/.](\d{1,2}))?(?:[ T].*)?)?$"
)


@functools.lru_cache(maxsize=4096)
def parse_year(text: str) -> int:
    """The year of '2015', '2015年', '2015年3月', '2015-03-01'; a month or day that does not exist
    (2021-02-30, 2015-13) makes the text a bad value, not its year."""
    t = unicodedata.normalize("NFKC", text).strip()
    m = _YEAR.match(t)
    if not m:
        raise ValueError(f"not a year: {text!r} (write e.g. 2015, 2015年 or 2015-03-01)")
    y = int(m.group(1))
    if not 1800 <= y <= 2100:
        raise ValueError(f"year out of range 1800..2100: {text!r}")
    month, day = m.group(2) or m.group(4), m.group(3) or m.group(5)
    if month is not None:
        import datetime as dt

        try:
            dt.date(y, int(month), int(day or 1))
        except ValueError:
            raise ValueError(f"not a valid date: {text!r}") from None
    return y


_DATE = re.compile(r"^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?(?:[ T].*)?$")


@functools.lru_cache(maxsize=65536)
def parse_date(text: str) -> str:
    t = unicodedata.normalize("NFKC", text).strip()
    m = _DATE.match(t)
    if not m:
        raise ValueError(f"not a date: {text!r} (write e.g. 2015-03-01)")
    y, mo, d = (int(x) for x in m.groups())
    import datetime as dt

    try:
        return dt.date(y, mo, d).isoformat()
    except ValueError:
        raise ValueError(f"not a valid date: {text!r}") from None


@functools.lru_cache(maxsize=65536)
def parse_share(text: str) -> float:
    t = _clean_number_text(text)
    pct = t.endswith("%") or t.endswith("％")
    if pct:
        t = t[:-1]
    try:
        d = _decimal(t)
    except ValueError:
        raise ValueError(f"not a share: {text!r} (write 0.125 or 12.5%)") from None
    v = float(d / 100 if pct else d)
    if not 0.0 <= v <= 1.0:
        raise ValueError(f"share out of range 0..1: {text!r} (write 0.125 or 12.5%)")
    return v


def split_list(text: str, separator: str) -> list[str]:
    """Items of a list cell, split on the separator and on the usual Chinese/latin separators."""
    parts = text.split(separator) if separator else [text]
    out: list[str] = []
    for p in parts:
        for q in _SEPARATORS.split(p):
            q = q.strip()
            if q and q not in out:
                out.append(q)
    return out


_PARSERS: dict[ValueType, Callable[[str], Any]] = {
    ValueType.str: lambda t: t,
    ValueType.int: parse_int,
    ValueType.float: parse_float,
    ValueType.bool: parse_bool,
    ValueType.year: parse_year,
    ValueType.date: parse_date,
    ValueType.money: parse_money,
    ValueType.share: parse_share,
}


def parse(spec: PropertySpec, text: str) -> Any:
    """The typed value of a non-empty cell under `spec`; ValueError with the reason otherwise."""
    if isinstance(spec.values, dict):  # a value map: the cell text names the value stored
        if text not in spec.values:
            allowed = "/".join(spec.values)
            raise ValueError(f"{text!r} is not one of the values the mapping maps ({allowed})")
        return spec.values[text]
    if spec.type is ValueType.list:
        parts = text.split(spec.separator) if spec.separator else [text]
        value: Any = [p.strip() for p in parts if p.strip()]
        items = value
    else:
        value = _PARSERS[spec.type](text)
        items = [value]
    if spec.values is not None:
        for item in items:
            if item not in spec.values:
                raise ValueError(f"{item!r} is not one of the allowed values {spec.values}")
    if spec.min is not None or spec.max is not None:
        for item in items:
            if isinstance(item, (int, float)) and not isinstance(item, bool):
                if spec.min is not None and item < spec.min:
                    raise ValueError(f"{text!r} is below the minimum {spec.min:g}")
                if spec.max is not None and item > spec.max:
                    raise ValueError(f"{text!r} is above the maximum {spec.max:g}")
    return value
