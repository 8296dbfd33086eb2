"""PlaceResolver: free text -> City / Province / Country, from the shipped tables (no database needed)."""

from __future__ import annotations

import time

import pytest

from loader.places import Place, PlaceResolver


@pytest.fixture(scope="module")
def r() -> PlaceResolver:
    return PlaceResolver.default()


CITY = "city"
PROV = "province"
CTRY = "country"

# text, province_hint, country_hint -> (level, code, country, province) or None
CASES: list[tuple[str | None, str | None, str | None, tuple[str, str, str, str | None] | None]] = [
    # cities, zh
    ("深圳市南山区", None, None, (CITY, "440300", "CN", "440000")),
    ("深圳", None, None, (CITY, "440300", "CN", "440000")),
    ("广州", None, None, (CITY, "440100", "CN", "440000")),
    ("广州市", None, None, (CITY, "440100", "CN", "440000")),
    ("广东省深圳市", None, None, (CITY, "440300", "CN", "440000")),
    ("广东深圳", None, None, (CITY, "440300", "CN", "440000")),
    ("中国广东省广州市天河区", None, None, (CITY, "440100", "CN", "440000")),
    ("苏州", None, None, (CITY, "320500", "CN", "320000")),
    ("宿州", None, None, (CITY, "341300", "CN", "340000")),
    ("杭州市余杭区", None, None, (CITY, "330100", "CN", "330000")),
    ("吉林市", None, None, (CITY, "220200", "CN", "220000")),
    ("延边朝鲜族自治州", None, None, (CITY, "222400", "CN", "220000")),
    ("延边", None, None, (CITY, "222400", "CN", "220000")),
    ("东莞", None, None, (CITY, "441900", "CN", "440000")),
    ("三沙市", None, None, (CITY, "460300", "CN", "460000")),
    ("那曲", None, None, (CITY, "540600", "CN", "540000")),
    ("莱芜", None, None, (CITY, "370100", "CN", "370000")),  # merged into Jinan in 2019
    # municipalities are cities
    ("北京", None, None, (CITY, "110100", "CN", "110000")),
    ("北京市", None, None, (CITY, "110100", "CN", "110000")),
    ("北京市海淀区", None, None, (CITY, "110100", "CN", "110000")),
    ("海淀区", None, None, (CITY, "110100", "CN", "110000")),
    ("上海市浦东新区", None, None, (CITY, "310100", "CN", "310000")),
    ("重庆", None, None, (CITY, "500100", "CN", "500000")),
    ("Tianjin", None, None, (CITY, "120100", "CN", "120000")),
    # county-level text
    ("浦东新区", None, None, (CITY, "310100", "CN", "310000")),
    ("南山区", None, None, None),  # Shenzhen and Hegang
    ("南山区", "广东", None, (CITY, "440300", "CN", "440000")),
    ("南山区", "黑龙江省", None, (CITY, "230400", "CN", "230000")),
    ("朝阳区", None, None, None),  # Beijing and Changchun
    ("朝阳区", "北京", None, (CITY, "110100", "CN", "110000")),
    ("朝阳", None, None, (CITY, "211300", "CN", "210000")),  # the prefecture in Liaoning
    ("济源市", None, None, (PROV, "410000", "CN", "410000")),  # county-level, directly under Henan
    ("公主岭市", None, None, (CITY, "220100", "CN", "220000")),  # moved from Siping to Changchun (2020)
    ("辛集市", None, None, (CITY, "130100", "CN", "130000")),
    ("鼓楼区", None, None, None),  # in Nanjing, Xuzhou, Fuzhou, Kaifeng
    ("鼓楼区", "福建", None, (CITY, "350100", "CN", "350000")),
    ("Shenzhen 深圳", None, None, (CITY, "440300", "CN", "440000")),
    # cities, English
    ("Shenzhen", None, None, (CITY, "440300", "CN", "440000")),
    ("Shenzhen City", None, None, (CITY, "440300", "CN", "440000")),
    ("shenzhen, guangdong, china", None, None, (CITY, "440300", "CN", "440000")),
    ("Nanshan District, Shenzhen", None, None, (CITY, "440300", "CN", "440000")),
    ("Xi'an", None, None, (CITY, "610100", "CN", "610000")),
    ("Xian", None, None, (CITY, "610100", "CN", "610000")),
    ("Harbin", None, None, (CITY, "230100", "CN", "230000")),
    ("Suzhou", None, None, None),  # 苏州 or 宿州
    ("Suzhou", "江苏", None, (CITY, "320500", "CN", "320000")),
    ("Suzhou", "Anhui", None, (CITY, "341300", "CN", "340000")),
    ("Suzhou, Jiangsu", None, None, (CITY, "320500", "CN", "320000")),
    ("Taizhou", "Zhejiang", None, (CITY, "331000", "CN", "330000")),
    ("Taizhou", None, None, None),
    ("Fuzhou", "福建", None, (CITY, "350100", "CN", "350000")),
    ("Yichun", None, None, None),
    ("Peking", None, None, (CITY, "110100", "CN", "110000")),
    ("440300", None, None, (CITY, "440300", "CN", "440000")),
    # provinces
    ("广东", None, None, (PROV, "440000", "CN", "440000")),
    ("广东省", None, None, (PROV, "440000", "CN", "440000")),
    ("Guangdong Province", None, None, (PROV, "440000", "CN", "440000")),
    ("吉林", None, None, (PROV, "220000", "CN", "220000")),  # the province, not the prefecture
    ("海南", None, None, (PROV, "460000", "CN", "460000")),
    ("内蒙古自治区", None, None, (PROV, "150000", "CN", "150000")),
    ("Inner Mongolia", None, None, (PROV, "150000", "CN", "150000")),
    ("Xizang", None, None, (PROV, "540000", "CN", "540000")),
    ("Shaanxi", None, None, (PROV, "610000", "CN", "610000")),
    ("Shanxi", None, None, (PROV, "140000", "CN", "140000")),
    ("Guangxi Zhuang Autonomous Region", None, None, (PROV, "450000", "CN", "450000")),
    ("Xinjiang Uygur Autonomous Region", None, None, (PROV, "650000", "CN", "650000")),
    ("Yanbian Korean Autonomous Prefecture", None, None, (CITY, "222400", "CN", "220000")),
    ("内蒙古包头市", None, None, (CITY, "150200", "CN", "150000")),
    # HK / MO / TW: domestic, with their own ISO code
    ("香港", None, None, (CITY, "810100", "HK", "810000")),
    ("香港特别行政区", None, None, (CITY, "810100", "HK", "810000")),
    ("Hong Kong", None, None, (CITY, "810100", "HK", "810000")),
    ("Macau", None, None, (CITY, "820100", "MO", "820000")),
    ("台湾", None, None, (PROV, "710000", "TW", "710000")),
    ("台北", None, None, (PROV, "710000", "TW", "710000")),
    ("Taiwan", None, None, (PROV, "710000", "TW", "710000")),
    # countries
    ("中国", None, None, (CTRY, "CN", "CN", None)),
    ("USA", None, None, (CTRY, "US", "US", None)),
    ("美国", None, None, (CTRY, "US", "US", None)),
    ("United States", None, None, (CTRY, "US", "US", None)),
    ("美国加州", None, None, (CTRY, "US", "US", None)),
    ("韩国", None, None, (CTRY, "KR", "KR", None)),
    ("大韩民国", None, None, (CTRY, "KR", "KR", None)),
    ("UK", None, None, (CTRY, "GB", "GB", None)),
    ("阿布扎比", None, None, (CTRY, "AE", "AE", None)),
    ("Palo Alto", None, "美国", (CTRY, "US", "US", None)),  # no foreign cities: the country
    ("Palo Alto, CA", None, "USA", (CTRY, "US", "US", None)),  # CA is California, not Canada
    ("Palo Alto, CA", None, None, None),
    ("San Francisco, CA, USA", None, None, (CTRY, "US", "US", None)),
    ("440305", None, None, (CITY, "440300", "CN", "440000")),  # a county code
    ("440305000000", None, None, (CITY, "440300", "CN", "440000")),  # a 12-digit adcode
    ("中国香港", None, None, (CITY, "810100", "HK", "810000")),
    ("Hong Kong, China", None, None, (CITY, "810100", "HK", "810000")),
    # contradictions and unknowns
    ("广州", "江苏", None, None),
    ("广东省深圳市", "浙江", None, None),
    ("深圳", None, "USA", None),
    ("Shenzhen, USA", None, None, None),
    ("美国", None, "中国", None),
    ("Atlantis", None, None, None),
    ("火星", None, None, None),
    ("", None, None, None),
    ("   ", None, None, None),
    (None, "广东", None, None),
    ("-", None, "美国", None),
]


@pytest.mark.parametrize(("text", "province_hint", "country_hint", "expected"), CASES)
def test_resolve(
    r: PlaceResolver,
    text: str | None,
    province_hint: str | None,
    country_hint: str | None,
    expected: tuple[str, str, str, str | None] | None,
) -> None:
    place = r.resolve(text, province_hint=province_hint, country_hint=country_hint)
    if expected is None:
        assert place is None
    else:
        level, code, country, province = expected
        domestic = country in {"CN", "HK", "MO", "TW"}
        assert place == Place(level, code, country, province, domestic)  # type: ignore[arg-type]


def test_enough_cases() -> None:
    assert len(CASES) >= 40
    assert sum(1 for c in CASES if c[3] is None) >= 10


@pytest.mark.parametrize(
    ("text", "iso"),
    [
        ("USA", "US"),
        ("美国", "US"),
        ("United States", "US"),
        ("US", "US"),
        ("U.S.A.", "US"),
        ("中国", "CN"),
        ("中华人民共和国", "CN"),
        ("香港", "HK"),
        ("澳门", "MO"),
        ("台湾", "TW"),
        ("韩国", "KR"),
        ("South Korea", "KR"),
        ("英国", "GB"),
        ("Germany", "DE"),
        ("德国", "DE"),
        ("日本", "JP"),
        ("JPN", "JP"),
        ("深圳", "CN"),
        ("Atlantis", None),
        (None, None),
        ("", None),
    ],
)
def test_country(r: PlaceResolver, text: str | None, iso: str | None) -> None:
    assert r.country(text) == iso


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("广东", "440000"),
        ("广东省", "440000"),
        ("Guangdong", "440000"),
        ("440000", "440000"),
        ("北京", "110000"),
        ("北京市", "110000"),
        ("Tibet", "540000"),
        ("新疆维吾尔自治区", "650000"),
        ("香港", "810000"),
        ("深圳", None),  # a city is not a province
        ("Atlantis", None),
        (None, None),
    ],
)
def test_province(r: PlaceResolver, text: str | None, code: str | None) -> None:
    assert r.province(text) == code


@pytest.mark.parametrize(
    ("text", "hint", "code"),
    [
        ("深圳市南山区", None, "440300"),
        ("Shenzhen", None, "440300"),
        ("深圳", None, "440300"),
        ("北京", None, "110100"),
        ("Suzhou", "江苏", "320500"),
        ("Suzhou", None, None),
        ("广东", None, None),  # a province is not a city
        ("美国", None, None),
    ],
)
def test_city(r: PlaceResolver, text: str, hint: str | None, code: str | None) -> None:
    assert r.city(text, province_hint=hint) == code


def test_default_is_shared() -> None:
    assert PlaceResolver.default() is PlaceResolver.default()


def test_resolves_40k_rows_fast(r: PlaceResolver) -> None:
    """The generator resolves ~40k rows: a fresh resolver must do it in well under a second."""
    from loader.dimensions import cities

    names = [c.name_zh for c in cities()] + [c.short_zh for c in cities()] + [c.name_en for c in cities()]
    names += ["深圳市南山区", "北京市海淀区", "USA", "美国", "Suzhou", "香港", "广东省"]
    rows = [(names[i % len(names)], None) for i in range(40_000)]
    fresh = PlaceResolver.default().__class__.__new__(PlaceResolver)
    fresh.__dict__.update(PlaceResolver.default().__dict__)
    fresh._cache = {}
    started = time.perf_counter()
    resolved = sum(1 for text, hint in rows if fresh.resolve(text, province_hint=hint) is not None)
    elapsed = time.perf_counter() - started
    assert resolved > 35_000
    assert elapsed < 1.0, f"40k resolutions took {elapsed:.2f} s"
