"""Profiles for where the time goes: Java Flight Recorder in the embedded engine (the JVM honours
JAVA_TOOL_OPTIONS when the server starts it), summarised with the bundled `jfr view hot-methods`; the
loader process under pyinstrument (`bench.load` with BENCH_PYINSTRUMENT set)."""

from __future__ import annotations

import contextlib
import datetime as dt
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
    shutil.rmtree(recording.with_suffix(".chunks"), ignore_errors=True)
    recording.unlink(missing_ok=True)
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
    """Copy the chunks out of the repository while the engine still runs (the JVM may delete its
    repository when it stops). Returns how many were kept."""
    chunks = sorted(recording.with_suffix(".d").rglob("*.jfr"))
    keep = recording.with_suffix(".chunks")
    shutil.rmtree(keep, ignore_errors=True)
    keep.mkdir(parents=True, exist_ok=True)
    for c in chunks:
        shutil.copy2(c, keep / c.name)
    return len(chunks)


def assemble(recording: Path) -> bool:
    """Best effort; False when no readable recording could be made."""
    try:
        return _assemble(recording)
    except (OSError, subprocess.SubprocessError):
        return False


def _assemble(recording: Path) -> bool:
    """Join the chunks kept by `keep_chunks` into `recording` (a fresh file: a stale one is removed); if
    the chunk that was being written when they were copied is unreadable, without it."""
    tool = _jfr_tool()
    keep = recording.with_suffix(".chunks")
    recording.unlink(missing_ok=True)
    chunks = sorted(keep.glob("*.jfr"))
    if tool is None or not chunks:
        return False
    for use in (chunks, chunks[:-1]):
        if not use:
            break
        part = keep.parent / f"{keep.name}.use"
        shutil.rmtree(part, ignore_errors=True)
        part.mkdir()
        for c in use:
            shutil.copy2(c, part / c.name)
        proc = subprocess.run(
            [str(tool), "assemble", str(part), str(recording)],
            capture_output=True,
            text=True,
            timeout=300,
            check=False,
        )
        shutil.rmtree(part, ignore_errors=True)
        ok = proc.returncode == 0 and recording.exists()
        if (
            ok
            and subprocess.run(
                [str(tool), "summary", str(recording)], capture_output=True, timeout=300, check=False
            ).returncode
            == 0
        ):
            return True
        recording.unlink(missing_ok=True)
    return False


def hot_methods(recording: Path, top: int = 15) -> list[str]:
    """The engine's hottest methods (share of execution samples), from the recording; [] if unavailable."""
    tool = _jfr_tool()
    if tool is None or not recording.exists():
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


def engine_operators(
    recording: Path, top: int = 12, window: tuple[float, float] | None = None
) -> list[tuple[str, float]]:
    """Inclusive share of the engine's execution samples per class (Cypher operator steps, storage,
    transactions; each sample counts once per class on its stack), from `jfr print`, optionally only the
    samples within `window` (UTC epoch seconds); [] if unavailable."""
    tool = _jfr_tool()
    if tool is None or not recording.exists():
        return []
    frame = re.compile(r"^\s+(com\.arcadedb\.[\w.$]+)\.([\w$<>]+)\(")
    stamp = re.compile(r"startTime = (\d\d:\d\d:\d\d\.\d+) \((\d{4}-\d\d-\d\d)\)")
    counts: dict[str, int] = {}
    samples = 0
    seen: set[str] = set()
    inside = window is None
    with subprocess.Popen(
        [str(tool), "print", "--events", "jdk.ExecutionSample", "--stack-depth", "48", str(recording)],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    ) as proc:
        assert proc.stdout is not None
        for line in proc.stdout:
            if line.startswith("jdk.ExecutionSample"):
                for k in seen:
                    counts[k] = counts.get(k, 0) + 1
                seen = set()
                continue
            if window is not None and "startTime" in line:
                t = stamp.search(line)
                if t:
                    when = dt.datetime.fromisoformat(f"{t.group(2)}T{t.group(1)}+00:00").timestamp()
                    inside = window[0] <= when <= window[1]
                    samples += inside
                continue
            if window is None and "startTime" in line:
                samples += 1
                continue
            if not inside:
                continue
            m = frame.match(line)
            if m:
                cls = m.group(1).rsplit(".", 1)[-1].split("$")[0]
                seen.add(cls)
    for k in seen:
        counts[k] = counts.get(k, 0) + 1
    if not samples:
        return []
    ranked = sorted(counts.items(), key=lambda kv: -kv[1])
    # Leave out the wrappers on (nearly) every stack: they say nothing about where the time goes.
    useful = [(k, 100.0 * v / samples) for k, v in ranked if v < 0.6 * samples]
    return [(k, round(p, 1)) for k, p in useful[:top]]
