"""How the live screen says times and states: in words as well as colour."""

import math
from typing import Protocol

from facilitator.session.phrases import hhmm
from facilitator.session.schedule import Schedule
from facilitator.session.view import Urgency


class Timed(Protocol):
    """What a countdown reads: the live screen's turn, or the room's clock."""

    @property
    def allotted(self) -> float: ...
    @property
    def remaining(self) -> float: ...
    @property
    def overtime(self) -> float: ...
    @property
    def running(self) -> bool: ...
    @property
    def urgency(self) -> Urgency: ...
    @property
    def segment_left(self) -> float | None: ...
    @property
    def segment_cap(self) -> float | None: ...


def clock_face(seconds: float) -> str:
    """`95.2` -> `1:36`: whole seconds, rounded up while counting down."""
    whole = math.ceil(seconds) if seconds > 0 else int(-seconds)
    return f"{whole // 60}:{whole % 60:02d}"


def countdown(turn: Timed) -> str:
    """What the big digits show: time left, or `+1:12` in overtime."""
    if turn.remaining > 0:
        return clock_face(turn.remaining)
    return f"+{clock_face(turn.overtime)}"


def box_words(turn: Timed) -> str:
    """` · 12:30 left of 40:00` for a time-boxed segment (topics), or how far over it is."""
    if turn.segment_left is None or turn.segment_cap is None:
        return ""
    cap = clock_face(turn.segment_cap)
    if turn.segment_left < 0:
        return f" · over by {clock_face(-turn.segment_left)} of {cap}"
    return f" · {clock_face(turn.segment_left)} left of {cap}"


def state_words(turn: Timed, started: bool) -> str:
    """The turn's state, readable without colour."""
    if not started:
        return "READY: press space to start"
    if turn.urgency == "overtime":
        state = f"OVER BY {clock_face(turn.overtime)}"
    elif turn.urgency == "time_up":
        state = "TIME"
    elif turn.urgency == "wrap_up":
        state = f"WRAP UP: {clock_face(turn.remaining)} left"
    else:
        state = f"TIME LEFT of {clock_face(turn.allotted)}"
    return state if turn.running else f"PAUSED · {state}"


STATE_CLASSES = ("-paused", "-ok", "-wrap-up", "-time-up", "-overtime")


def state_class(turn: Timed, started: bool) -> str:
    """The CSS class that colours the countdown."""
    if not started or not turn.running:
        return "-paused"
    return {"ok": "-ok", "wrap_up": "-wrap-up", "time_up": "-time-up", "overtime": "-overtime"}[
        turn.urgency
    ]


def schedule_words(schedule: Schedule) -> str:
    """`18:42 · 6 min behind · ends 19:36, planned 19:30`: how far off first, as it matters most."""
    planned, agenda = round(schedule.planned_seconds / 60), round(schedule.agenda_seconds / 60)
    if schedule.started is None and planned != agenda:
        return (
            f"{hhmm(schedule.now)} · planned {planned} min, agenda adds up to {agenda} min · "
            f"ends {hhmm(schedule.projected_end)}"
        )
    return (
        f"{hhmm(schedule.now)} · {drift(schedule)} · ends {hhmm(schedule.projected_end)}, "
        f"planned {hhmm(schedule.planned_end)}"
    )


def drift(schedule: Schedule) -> str:
    """`6 min behind`, `2 min ahead`, `on time`."""
    behind = round(schedule.behind / 60)
    if behind > 0:
        return f"{behind} min behind"
    return f"{-behind} min ahead" if behind < 0 else "on time"


def catch_up_words(schedule: Schedule) -> str | None:
    """What turn length would bring a round back on time, when it is behind."""
    if schedule.behind < 30:
        return None
    if schedule.overrun_at_floor is not None:
        over = clock_face(schedule.overrun_at_floor)
        return f"cannot catch up in this round: it runs {over} over even with short turns"
    needed = schedule.catch_up_per_speaker
    return None if needed is None else f"to catch up: {clock_face(needed)} a turn"
