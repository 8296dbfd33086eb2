"""Settings: from the environment, else a `.env` file in the working directory, else defaults."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from valuenet.config import Settings, SettingsError


@pytest.fixture
def clean_env(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Path:
    for name in [f.name for f in dataclasses.fields(Settings)]:
        monkeypatch.delenv(name.upper(), raising=False)
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_defaults_without_environment_or_file(clean_env: Path) -> None:
    s = Settings()
    assert s.embedded and s.neo4j_uri is None and s.neo4j_username == "neo4j"
    assert s.valuenet_bolt_port == 7688 and s.valuenet_query_timeout == 30.0
    assert s.home == (clean_env / ".valuenet").resolve()


def test_environment_wins_over_dotenv_file(clean_env: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (clean_env / ".env").write_text(
        "# comment\nNEO4J_URI=bolt://file:7687\nVALUENET_BOLT_PORT=7001\nexport VALUENET_ROW_CAP='12'\n",
        encoding="utf-8",
    )
    monkeypatch.setenv("VALUENET_BOLT_PORT", "7002")
    s = Settings()
    assert s.neo4j_uri == "bolt://file:7687" and not s.embedded
    assert s.valuenet_bolt_port == 7002 and s.valuenet_row_cap == 12
    assert Settings(_env_file=None).neo4j_uri is None


def test_keyword_arguments_win_and_are_typed(clean_env: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("valuenet_heap", "2g")  # any case, as before
    s = Settings(valuenet_home="elsewhere", valuenet_http_port="2600")
    assert s.valuenet_home == Path("elsewhere") and s.valuenet_http_port == 2600
    assert s.valuenet_heap == "2g"
    assert dataclasses.replace(s, neo4j_database="other").neo4j_database == "other"


def test_a_bad_value_is_named_with_its_source(clean_env: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("VALUENET_QUERY_TIMEOUT", "soon")
    with pytest.raises(SettingsError, match=r"VALUENET_QUERY_TIMEOUT='soon' \(from the environment\)"):
        Settings()
    with pytest.raises(TypeError, match="no field"):
        Settings(neo4j_url="bolt://x")


@pytest.mark.parametrize(
    ("variable", "value", "says"),
    [
        ("NEO4J_URI", "http://localhost:7474", "use a Bolt address"),
        ("NEO4J_URI", "localhost:7687", "use a Bolt address"),
        ("VALUENET_BOLT_PORT", "99999", "a port is from 1 to 65535"),
        ("VALUENET_HTTP_PORT", "0", "a port is from 1 to 65535"),
        ("VALUENET_HEAP", "abc", "write a size as the JVM does"),
        ("VALUENET_PAGECACHE", "1.5g", "write a size as the JVM does"),
    ],
)
def test_a_value_no_engine_takes_is_named_before_anything_starts(
    clean_env: Path, monkeypatch: pytest.MonkeyPatch, variable: str, value: str, says: str
) -> None:
    """Of the right type but unusable: once a driver's traceback (http://: a missing aiohttp), a bind()
    OverflowError, or the JVM's own start-up failure printed from the server log."""
    monkeypatch.setenv(variable, value)
    with pytest.raises(SettingsError, match=f"{variable}=.*{says}"):
        Settings()


@pytest.mark.parametrize(
    ("variable", "value"),
    [("NEO4J_URI", "neo4j+s://x.databases.neo4j.io"), ("NEO4J_URI", "BOLT://host:7687"),
     ("VALUENET_HEAP", "4g"), ("VALUENET_HEAP", "2048m"), ("VALUENET_PAGECACHE", "512M")],
)  # fmt: skip
def test_the_values_engines_take_pass(
    clean_env: Path, monkeypatch: pytest.MonkeyPatch, variable: str, value: str
) -> None:
    monkeypatch.setenv(variable, value)
    assert getattr(Settings(), variable.lower()) == value


def test_the_default_heap_grows_with_the_data_on_disk(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from valuenet.engines.arcadedb import HEAP_RULE

    sized_heap = HEAP_RULE.size
    gib = 2**30
    assert sized_heap(tmp_path / "nothing-yet", 24 * gib) == "2048m"
    data = tmp_path / "databases" / "valuenet"
    data.mkdir(parents=True)
    with open(data / "bucket", "wb") as f:  # sparse: 1 GiB on paper
        f.truncate(gib)
    assert sized_heap(tmp_path / "databases", 24 * gib) == f"{4 * 1024 + 1024}m"
    assert sized_heap(tmp_path / "databases", 8 * gib) == "4096m"  # at most half the machine's memory
    monkeypatch.delenv("VALUENET_HEAP", raising=False)
    assert Settings(_env_file=None).valuenet_heap == ""  # unset: sized from the data at start


def test_neo4j_sizes_heap_and_page_cache_from_its_store_alone(tmp_path: Path) -> None:
    from valuenet.engines import Paths
    from valuenet.engines.neo4j import SERVER, default_pagecache

    gib = 2**30
    paths = Paths(tmp_path)
    assert SERVER.default_heap(paths, 24 * gib) == "1024m"  # an empty state folder: the minimum
    assert default_pagecache(paths, 24 * gib) == "512m"
    data = tmp_path / "neo4j" / "server" / "data"
    for folder in ("transactions/valuenet", "databases/valuenet"):
        (data / folder).mkdir(parents=True)
    with open(data / "transactions" / "valuenet" / "neostore.transaction.db.0", "wb") as f:
        f.truncate(gib)  # sparse: 1 GiB of transaction logs on paper, which size nothing
    assert SERVER.default_heap(paths, 24 * gib) == "1024m"
    with open(data / "databases" / "valuenet" / "block.big_record_store.db", "wb") as f:
        f.truncate(gib)  # a 1 GiB store
    assert SERVER.default_heap(paths, 24 * gib) == f"{3 * 1024 + 512}m"
    assert default_pagecache(paths, 24 * gib) == f"{1536 + 256}m"
    assert SERVER.default_heap(paths, 4 * gib) == "2048m"  # at most half the machine's memory
    assert default_pagecache(paths, 4 * gib) == "1024m"  # at most a quarter


def test_each_engine_describes_the_memory_rules_it_sizes_by() -> None:
    from valuenet.engines import engine_server

    assert engine_server("arcadedb").describe_memory() == (
        "4x the databases' size on disk + 1 GB, at least 2 GB, at most half the RAM"
    )
    assert engine_server("neo4j").describe_memory() == (
        "3x the store + 512 MB, at least 1 GB, at most half the RAM; "
        "page cache 1.5x the store + 256 MB, at least 512 MB, at most a quarter of the RAM"
    )
