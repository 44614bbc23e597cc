"""A session run by a process that a test kills at a random moment: a turn runs on a clock
sped up 50 times, the screen's refresh is imitated, and a capture is made now and then.
Each line printed is something the facilitator saw: `T <seconds>` of the turn, or
`C <text>` for a capture shown as saved."""

import datetime as dt
import sys
import time
from pathlib import Path

from facilitator.agenda import parse_agenda
from facilitator.session import Session

SPEED = 50.0
AGENDA = """
title = "Kill test"
[[segments]]
kind = "discussion"
title = "Open floor"
duration = "90m"
"""


class FastClock:
    """The real monotonic clock, sped up; the wall clock follows it."""

    def __init__(self) -> None:
        self.origin = time.monotonic()
        self.wall = dt.datetime(2026, 11, 25, 18, 0, tzinfo=dt.UTC)

    def monotonic(self) -> float:
        return (time.monotonic() - self.origin) * SPEED

    def now(self) -> dt.datetime:
        return self.wall + dt.timedelta(seconds=self.monotonic())


def main(home: Path) -> None:
    session = Session.begin(parse_agenda(AGENDA, "kill.toml").agenda, FastClock(), home, "k")
    session.toggle()
    number = 0
    while True:
        time.sleep(0.002)  # the screen refreshes (here 25 times per simulated second)
        shown = session.view().turn.elapsed  # what the screen shows, then the checkpoint:
        session.checkpoint()  # as the live screen does it (a stall in between loses nothing)
        print(f"T {shown:.3f}", flush=True)
        if session.view().turn.elapsed > (number + 1) * 25:
            number += 1
            if session.capture("note", f"capture {number}").saved:
                print(f"C capture {number}", flush=True)


if __name__ == "__main__":
    main(Path(sys.argv[1]))
