"""Peak resident memory of processes, sampled in a background thread (psutil), plus the kernel's own
high-water mark (`VmHWM`) where Linux has it."""

from __future__ import annotations

import contextlib
import threading
from pathlib import Path
from types import TracebackType

import psutil

MB = 1024 * 1024


def rss_tree(pid: int) -> int:
    """Resident bytes of a process and its children (0 if it is gone)."""
    try:
        proc = psutil.Process(pid)
        total = proc.memory_info().rss
        for child in proc.children(recursive=True):
            with contextlib.suppress(psutil.NoSuchProcess, psutil.AccessDenied):
                total += child.memory_info().rss
        return int(total)
    except (psutil.NoSuchProcess, psutil.AccessDenied):
        return 0


def cpu_s(pid: int | None) -> float | None:
    """User + system CPU seconds used so far by a process and its children (None if not visible)."""
    if not pid:
        return None
    try:
        proc = psutil.Process(pid)
        t = proc.cpu_times()
        total = t.user + t.system + t.children_user + t.children_system
        for child in proc.children(recursive=True):
            with contextlib.suppress(psutil.NoSuchProcess, psutil.AccessDenied):
                c = child.cpu_times()
                total += c.user + c.system
        return float(total)
    except (psutil.NoSuchProcess, psutil.AccessDenied):
        return None


def vm_hwm(pid: int) -> int | None:
    """The kernel's peak resident set size of `pid` since it started (or since its last reset), in bytes."""
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) * 1024
    except (OSError, ValueError):
        return None
    return None


def reset_hwm(pid: int) -> bool:
    """Reset the kernel's peak RSS of `pid` (Linux `clear_refs` 5); False where not allowed."""
    try:
        Path(f"/proc/{pid}/clear_refs").write_text("5")
        return True
    except OSError:
        return False


class PeakSampler:
    """`with PeakSampler({"engine": pid, ...}) as s: ...` then `s.peak_mb["engine"]`. Pids may be added while
    it runs (`watch`); a None pid is ignored (an external engine we cannot see)."""

    def __init__(self, pids: dict[str, int | None] | None = None, interval_s: float = 0.1) -> None:
        self.pids: dict[str, int] = {k: v for k, v in (pids or {}).items() if v}
        self.interval_s = interval_s
        self.peak: dict[str, int] = dict.fromkeys(self.pids, 0)
        self._stop = threading.Event()
        self._lock = threading.Lock()
        self._thread = threading.Thread(target=self._loop, name="bench-memory", daemon=True)

    def watch(self, name: str, pid: int) -> None:
        with self._lock:
            self.pids[name] = pid
            self.peak.setdefault(name, 0)

    def sample(self) -> None:
        with self._lock:
            items = list(self.pids.items())
        for name, pid in items:
            rss = rss_tree(pid)
            with self._lock:
                if rss > self.peak.get(name, 0):
                    self.peak[name] = rss

    def _loop(self) -> None:
        while not self._stop.wait(self.interval_s):
            self.sample()

    @property
    def peak_mb(self) -> dict[str, float]:
        with self._lock:
            return {k: round(v / MB, 1) for k, v in self.peak.items()}

    def __enter__(self) -> PeakSampler:
        self.sample()
        self._thread.start()
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self._stop.set()
        self._thread.join()
        self.sample()
