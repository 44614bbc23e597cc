"""How the live screen says times and states: in words as well as colour."""

import math
from typing import Protocol

from rich.cells import cell_len
from textual.dom import DOMNode

from facilitator.session.phrases import hhmm, minutes
from facilitator.session.schedule import Schedule
from facilitator.session.state import Interruption
from facilitator.session.view import SessionView, Turn, Urgency
from facilitator.tui.cells import fit, names_line


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


def clock_line(turn: Turn, started: bool) -> str:
    """The countdown and its state in one line (`0:14 LEFT of 0:20`), for when the big
    digits give way: it says the time left, never only the turn's length."""
    state = state_words(turn, started)
    if started and turn.urgency == "ok":
        return state.replace("TIME LEFT", f"{clock_face(turn.remaining)} LEFT", 1)
    return state


STATE_CLASSES = ("-paused", "-ok", "-wrap-up", "-time-up", "-overtime")


def state_class(turn: Timed, started: bool) -> str:
    """The CSS class that colours the countdown."""
    if not started or not turn.running:
        return "-paused"
    return {"ok": "-ok", "wrap_up": "-wrap-up", "time_up": "-time-up", "overtime": "-overtime"}[
        turn.urgency
    ]


def show_state(node: DOMNode, turn: Timed, started: bool) -> None:
    """Give `node` the class of the turn's state: a class change restyles the node and all
    inside it, so it is done once, and only when the state changed."""
    state = state_class(turn, started)
    if not node.has_class(state):
        node.remove_class(*STATE_CLASSES, update=False)
        node.add_class(state)


def header_line(schedule: Schedule, title: str, width: int) -> str:
    """`18:42 · 6 min behind · ends 19:36, planned 19:30  ·  Title` in `width` cells: the
    schedule gives way from its least important part (the promise, the time of day, the
    projected end) before the title is cut."""
    parts = _schedule_parts(schedule)
    while True:
        line = "".join(f"{joint}{text}" for joint, text, _ in parts).removeprefix(" · ")
        line = f"{line}  ·  {title}" if line else title
        if cell_len(line) <= width or not parts:
            return fit(line, width).rstrip()
        parts.remove(max(parts, key=lambda part: part[2]))


def _schedule_parts(schedule: Schedule) -> list[tuple[str, str, int]]:
    """The header's parts: what joins each to the one before, its text, and how readily it
    gives way (higher goes first). Ahead or behind is against the agenda's own times; the
    promise (`planned`) is said apart, never mixed in."""
    now = (" · ", hhmm(schedule.now), 3)
    agenda, planned = round(schedule.agenda_seconds / 60), round(schedule.planned_seconds / 60)
    if schedule.started is None and schedule.promise_differs:
        return [now, (" · ", f"agenda {agenda} min · planned {planned}", 1)]
    return [
        now,
        (" · ", drift(schedule), 1),
        (" · ", f"ends {hhmm(schedule.projected_end)}", 2),
        (", ", f"planned {hhmm(schedule.planned_end)}", 4),
    ]


def drift(schedule: Schedule) -> str:
    """`6 min behind`, `2 min ahead`, `on time`."""
    behind = round(schedule.behind / 60)
    if behind > 0:
        return f"{behind} min behind"
    return f"{-behind} min ahead" if behind < 0 else "on time"


def catch_up_words(schedule: Schedule) -> str | None:
    """What turn length would bring this round back to its own time, when it is behind."""
    behind = schedule.round_behind
    if behind is None or behind < 30:
        return None
    if schedule.overrun_at_floor is not None:
        over = clock_face(schedule.overrun_at_floor)
        return f"cannot catch up in this round: it runs {over} over even with short turns"
    needed = schedule.catch_up_per_speaker
    if needed is None:
        return None
    return f"this round runs {clock_face(behind)} over: {clock_face(needed)} a turn catches up"


def resumed_after(gap: Interruption) -> str:
    """What a resumed session says of the time it was closed, and how it was measured."""
    how = " by the wall clock (restarted since, or an older journal)" if gap.by_wall_clock else ""
    closed = minutes(gap.seconds)
    return f"Resumed after {closed} closed{how} (counted as an interruption): space continues."


def upcoming_line(view: SessionView, width: int) -> str:
    """Who or what is next, who has not spoken yet (one line, whatever the size of the
    group), and what catching up would take."""
    if view.ended:
        return "The session has ended."
    upcoming = view.upcoming
    if upcoming is None:
        text = "Next: the end (press ctrl+e)"
    elif upcoming.speaker:
        text = f"Next: {upcoming.speaker}"
        if upcoming.step_title:
            text += f", {upcoming.step_title}"
        if upcoming.segment_title != view.turn.segment_title:
            text += f" ({upcoming.segment_title})"
    elif upcoming.topic:
        text = f"Next topic: {upcoming.topic}"
    else:
        text = f"Next: {upcoming.step_title or upcoming.segment_title}"
    if view.not_spoken:  # one line, whatever the size of the group
        text = names_line(f"{text}  ·  Not yet: ", view.not_spoken, width)
    text = fit(text, width).rstrip()
    catch_up = catch_up_words(view.schedule)
    return f"{text}\n{catch_up}" if catch_up else text
