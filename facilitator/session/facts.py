"""A session told as facts, for whoever reports on it: the read model the summary renders.

It names what happened (who came, what each segment took, who spoke how long, what was
captured) without the reducer's bookkeeping of turns and slots.
"""

import datetime as dt
from typing import NamedTuple

from facilitator.agenda.model import Agenda, SegmentKind
from facilitator.session.airtime import Airtime, airtime_of, group_time
from facilitator.session.items import Item
from facilitator.session.state import State
from facilitator.session.view import planned_seconds


class SegmentFacts(NamedTuple):
    title: str
    kind: SegmentKind
    planned_seconds: float
    actual_seconds: float
    focus: str | None = None
    """For a hot seat: its presenter and what they bring (`Ben: moving into management`)."""


class Reopened(NamedTuple):
    """The session was opened again after it ended, at `at`, and `added` items were
    captured before it ended again."""

    at: dt.datetime
    added: int


class SessionFacts(NamedTuple):
    session_id: str
    agenda: Agenda
    now: dt.datetime
    """When the facts were read, by the session's clock."""
    started: dt.datetime | None
    ended: dt.datetime | None
    last_event: dt.datetime | None
    people: list[str]
    """Everyone who took part, latecomers last."""
    absent: list[str]
    """Marked absent, not back, and with no turn taken before: those who left after a
    turn of theirs attended."""
    items: list[Item]
    """In the order captured; items carried in from last time first."""
    discussed: dict[int, float]
    """Seconds each topic was discussed, by item id."""
    segments: list[SegmentFacts]
    airtime: list[Airtime]
    interrupted_seconds: float
    group_seconds: float
    """Time the others spoke in hot seats (advice, discussion, questions)."""
    length_seconds: float | None
    """From the start to the end on the session's own clock; None until it has ended."""
    reopened: list[Reopened]
    """Each time it was opened again after ending: not part of its length."""


def facts_of(state: State, session_id: str, now: dt.datetime) -> SessionFacts:
    """What a state says happened, as of `now`."""
    discussed: dict[int, float] = {}
    for slots in state.runs.values():
        for slot in slots:
            if slot.topic is not None:
                discussed[slot.topic] = discussed.get(slot.topic, 0.0) + slot.total_spent
    length = state.elapsed(state.last_pos) if state.ended is not None else None
    ended = state.ended
    if ended is not None and state.started is not None and state.reopenings:
        ended = state.started + dt.timedelta(seconds=length or 0.0)  # without the gaps
    return SessionFacts(
        session_id=session_id,
        agenda=state.agenda,
        now=now,
        started=state.started,
        ended=ended,
        last_event=state.last_wall,
        people=state.people(),
        absent=[name for name in state.people() if name in state.absent.keys() - state.left],
        items=list(state.items.values()),
        discussed=discussed,
        segments=[_segment(state, index) for index in range(len(state.agenda.segments))],
        airtime=airtime_of(state),
        interrupted_seconds=sum(gap.seconds for gap in state.interruptions),
        group_seconds=group_time(state),
        length_seconds=length,
        reopened=_reopened(state),
    )


def _reopened(state: State) -> list[Reopened]:
    """Each reopening after an end, with the items captured from it to the next one."""
    times = [reopening.at for reopening in state.reopenings]
    found = []
    for number, at in enumerate(times):
        until = times[number + 1] if number + 1 < len(times) else None
        added = [
            item
            for item in state.items.values()
            if item.at is not None and item.at >= at and (until is None or item.at < until)
        ]
        found.append(Reopened(at, len(added)))
    return found


def _segment(state: State, index: int) -> SegmentFacts:
    segment = state.agenda.segments[index]
    planned = planned_seconds(state, index)
    presenters = [state.agenda.find_participant(name) for name in segment.named_speakers]
    focus = "; ".join(f"{p.name}: {p.focus}" for p in presenters if p is not None and p.focus)
    return SegmentFacts(
        segment.heading, segment.KIND, planned, state.segment_spent(index), focus or None
    )
