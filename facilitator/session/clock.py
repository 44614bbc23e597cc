"""Where time comes from: a monotonic clock for durations, a wall clock for the record."""

import datetime as dt
import time
from typing import Protocol


class Clock(Protocol):
    """The two clocks a session reads; injected so tests can move time by hand."""

    def monotonic(self) -> float:
        """Seconds from an arbitrary start that never jumps backwards."""
        ...

    def now(self) -> dt.datetime:
        """The local wall-clock time, timezone-aware."""
        ...


class SystemClock:
    """The machine's clocks."""

    def monotonic(self) -> float:
        return time.monotonic()

    def now(self) -> dt.datetime:
        return dt.datetime.now().astimezone()


class FakeClock:
    """A clock that only moves when told to: for tests, snapshots and benchmarks."""

    def __init__(self, start: dt.datetime | None = None, monotonic: float = 1000.0) -> None:
        self._wall = start or dt.datetime(2026, 11, 25, 18, 0, tzinfo=dt.UTC)
        self._monotonic = monotonic

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
