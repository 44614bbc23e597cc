"""Where time comes from: a monotonic clock for durations, a wall clock for the record."""

import datetime as dt
import time
from pathlib import Path
from typing import Protocol


class Clock(Protocol):
    """The two clocks a session reads; injected so tests can move time by hand."""

    def monotonic(self) -> float:
        """Seconds from an arbitrary start that never jumps backwards."""
        ...

    def now(self) -> dt.datetime:
        """The local wall-clock time, timezone-aware."""
        ...


BOOT_ID = Path("/proc/sys/kernel/random/boot_id")


def boot_of(clock: object) -> str | None:
    """Which boot of the machine a clock's monotonic readings belong to: readings of the
    same boot compare across processes (the monotonic clock is the system's), others do
    not. None when unknown (a clock without `boot`, a system without a boot id)."""
    boot = getattr(clock, "boot", None)
    return boot() if callable(boot) else None


class SystemClock:
    """The machine's clocks."""

    def boot(self) -> str | None:
        try:
            return BOOT_ID.read_text().strip()[:64] or None
        except OSError:
            return None

    def monotonic(self) -> float:
        return time.monotonic()

    def now(self) -> dt.datetime:
        return dt.datetime.now().astimezone()


class FakeClock:
    """A clock that only moves when told to: for tests, snapshots and benchmarks."""

    def __init__(self, start: dt.datetime | None = None, monotonic: float = 1000.0) -> None:
        self._wall = start or dt.datetime(2026, 11, 25, 18, 0, tzinfo=dt.UTC)
        self._monotonic = monotonic
        self.boot_id: str | None = None
        """A test's boot id, to stand for a machine that was not restarted."""

    def boot(self) -> str | None:
        return self.boot_id

    def monotonic(self) -> float:
        return self._monotonic

    def now(self) -> dt.datetime:
        return self._wall

    def advance(self, seconds: float) -> None:
        """Move both clocks forward together."""
        self._monotonic += seconds
        self._wall += dt.timedelta(seconds=seconds)

    def jump_wall(self, seconds: float) -> None:
        """Move only the wall clock, as NTP or a hand-set clock does."""
        self._wall += dt.timedelta(seconds=seconds)
