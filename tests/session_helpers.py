"""Small agendas and a session on a fake clock, shared by the session tests."""

import errno
import os
from collections.abc import Callable
from pathlib import Path

from facilitator.agenda import Agenda, parse_agenda
from facilitator.session import FakeClock, Session

CIRCLE = """
title = "Test circle"
series = "circle"
planned = "30m"
warnings = ["1m", "15s"]
participants = [
  { name = "Ana", role = "facilitator" },
  { name = "Ben" },
  { name = "Cleo" },
  { name = "Obi", role = "observer" },
]

[[segments]]
kind = "round"
title = "Check-in"
per_speaker = "2m"

[[segments]]
kind = "round"
title = "Hot seat"
speakers = ["Ben"]
confidential = true
steps = [
  { title = "Present", duration = "3m" },
  { title = "Questions", duration = "2m" },
]

[[segments]]
kind = "topics"
duration = "10m"
per_topic = "4m"
extend = "2m"

[[segments]]
kind = "break"
duration = "5m"
"""


def agenda(text: str = CIRCLE) -> Agenda:
    return parse_agenda(text, "test.toml").agenda


def new_session(text: str = CIRCLE, home: Path | None = None) -> tuple[Session, FakeClock]:
    clock = FakeClock()
    if home is None:
        return Session(agenda(text), clock), clock
    return Session.begin(agenda(text), clock, home, "test.toml"), clock


def speakers(session: Session) -> list[tuple[str, str]]:
    return [(entry.name, entry.status) for entry in session.view().queue]


def disk_full(descriptor: int) -> None:
    """In place of `os.fsync`: the disk is full."""
    raise OSError(errno.ENOSPC, "No space left on device")


def disk_full_under(folder: Path) -> Callable[[int], None]:
    """In place of `os.fsync`: the disk that holds `folder` is full; others are not."""
    real_fsync = os.fsync

    def fsync(descriptor: int) -> None:
        if os.readlink(f"/proc/self/fd/{descriptor}").startswith(str(folder)):
            disk_full(descriptor)
        real_fsync(descriptor)

    return fsync
