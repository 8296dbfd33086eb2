"""Profiles for where the time goes: Java Flight Recorder in the embedded engine (the JVM honours
JAVA_TOOL_OPTIONS when the server starts it), summarised with the bundled `jfr view hot-methods`; the
loader process under pyinstrument (`bench.load` with BENCH_PYINSTRUMENT set)."""

from __future__ import annotations

import contextlib
import os
import re
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path


def _jfr_tool() -> Path | None:
    try:
        import arcadedb_embedded
    except ImportError:
        return None
    tool = Path(arcadedb_embedded.__file__).parent / "jre" / "bin" / "jfr"
    return tool if tool.exists() else None


@contextlib.contextmanager
def jfr_env(recording: Path | None) -> Iterator[None]:
    """While active, a JVM started by this process (the embedded server) records into the repository
    folder `<recording>.d` in 1 MB chunks (the server's JVM does not run JFR's dump-on-exit hook when it
    stops, so the chunks are assembled afterwards by `assemble`)."""
    if recording is None:
        yield
        return
    repo = recording.with_suffix(".d")
    shutil.rmtree(repo, ignore_errors=True)
    repo.mkdir(parents=True, exist_ok=True)
    old = os.environ.get("JAVA_TOOL_OPTIONS")
    opts = (
        "-XX:StartFlightRecording=settings=profile,disk=true "
        f"-XX:FlightRecorderOptions=repository={repo},maxchunksize=1m"
    )
    os.environ["JAVA_TOOL_OPTIONS"] = f"{old} {opts}" if old else opts
    try:
        yield
    finally:
        if old is None:
            os.environ.pop("JAVA_TOOL_OPTIONS", None)
        else:
            os.environ["JAVA_TOOL_OPTIONS"] = old


def keep_chunks(recording: Path) -> int:
    """Copy the finished chunks out of the repository while the engine still runs (the JVM deletes its
    repository when it stops); the chunk being written is left out. Returns how many were kept."""
    chunks = sorted(recording.with_suffix(".d").rglob("*.jfr"))[:-1]
    keep = recording.with_suffix(".chunks")
    shutil.rmtree(keep, ignore_errors=True)
    keep.mkdir(parents=True, exist_ok=True)
    for c in chunks:
        shutil.copy2(c, keep / c.name)
    return len(chunks)


def assemble(recording: Path) -> bool:
    """Join the chunks kept by `keep_chunks` into `recording`."""
    tool = _jfr_tool()
    keep = recording.with_suffix(".chunks")
    if tool is None or not any(keep.glob("*.jfr")):
        return False
    recording.unlink(missing_ok=True)
    proc = subprocess.run(
        [str(tool), "assemble", str(keep), str(recording)],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    return proc.returncode == 0 and recording.exists()


def hot_methods(recording: Path, top: int = 15) -> list[str]:
    """The engine's hottest methods (share of execution samples), from the recording; [] if unavailable."""
    tool = _jfr_tool()
    if tool is None or not (recording.exists() or assemble(recording)):
        return []
    try:
        text = subprocess.run(
            [str(tool), "view", "--width", "160", "hot-methods", str(recording)],
            capture_output=True,
            text=True,
            timeout=300,
            check=False,
        ).stdout
    except (OSError, subprocess.TimeoutExpired):
        return []
    rows = [line.rstrip() for line in text.splitlines() if re.search(r"\d+[.,]\d+%\s*$", line)]
    return rows[:top]
