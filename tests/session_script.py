"""A scripted 95-minute run of the bundled peer circle, used whole and cut by a kill."""

import datetime as dt
import os
import signal
import sys
from pathlib import Path
from typing import Any

from facilitator.agenda import load_agenda
from facilitator.session import FakeClock, Session

ROOT = Path(__file__).resolve().parent.parent
START = dt.datetime(2026, 11, 25, 18, 0, tzinfo=dt.UTC)

Step = tuple[Any, ...]


def _turns(*seconds: int) -> list[Step]:
    steps: list[Step] = []
    for spoken in seconds:
        steps += [(spoken,), ("next",)]
    return steps


SCRIPT: list[Step] = [
    ("start",),
    # Check-in, 2m each: Ana runs 30s over, Ben passes, Femi arrives during Dev's turn.
    (150,), ("next",),
    (10,), ("pass_turn",),
    (110,), ("next",),
    (30,), ("add_latecomer", "Femi"), (90,), ("next",),
    (60,), ("capture", "resource", "Radical Candor https://www.radicalcandor.com"),
    (70,), ("next",),
    (120,), ("next",),  # Ben again, after his pass
    (60,), ("next",),  # Femi, who joined the end of the queue
    # Review of last time's commitments, 6m.
    (360,), ("next",),
    # Hot seat: Ben takes 4+7+9+3 (one minute over on questions), Cleo 4+6+9+3.
    (240,), ("next",), (420,), ("next",),
    (60,), ("capture", "action", "@Ben talk to finance by Friday"), (480,), ("next",),
    (180,), ("next",),
    (240,), ("next",), (360,),
    ("capture", "action", "@cleo draft the feedback script by tomorrow"), ("undo",),
    ("capture", "action", "@cleo draft the feedback script by next week"), ("next",),
    (540,), ("next",), (180,), ("next",),
    # Break.
    (300,), ("next",),
    # Resources: Ana and Femi keep it short; Dev notes something private.
    *_turns(60, 120, 120),
    (30,), ("capture", "note", "salary ranges #private"), (90,), ("next",),
    *_turns(120, 60),
    # Commitments, 2m each; Dev commits to a date.
    *_turns(120, 120, 120),
    (10,), ("capture", "action", "ask for a budget by 2026-12-15"), (110,), ("next",),
    *_turns(120, 120),
    # Check-out, 1m each, then the end.
    *_turns(60, 60, 60, 60, 60),
    (60,), ("end",),
]  # fmt: skip


def clock_at(step: int) -> FakeClock:
    """The fake clock as it stands after the first `step` steps of the script."""
    waited = sum(s[0] for s in SCRIPT[:step] if isinstance(s[0], int))
    return FakeClock(start=START + dt.timedelta(seconds=waited), monotonic=1000.0 + waited)


def play(session: Session, clock: FakeClock, steps: list[Step]) -> None:
    for step in steps:
        if isinstance(step[0], int):
            clock.advance(step[0])
        else:
            outcome = getattr(session, step[0])(*step[1:])
            assert outcome.done, (step, outcome)


def new_run(home: Path) -> tuple[Session, FakeClock]:
    agenda = load_agenda(ROOT / "agendas" / "peer-circle.toml").agenda
    clock = clock_at(0)
    return Session.begin(agenda, clock, home, "peer-circle"), clock


def play_then_die(home: Path, steps: int) -> None:
    """Play the first steps, then die the hard way, as a crash or a kill would."""
    session, clock = new_run(home)
    play(session, clock, SCRIPT[:steps])
    os.kill(os.getpid(), signal.SIGKILL)


if __name__ == "__main__":
    play_then_die(Path(sys.argv[1]), int(sys.argv[2]))
