"""A session told as facts, for whoever reports on it: the read model the summary renders.

It names what happened (who came, what each segment took, who spoke how long, what was
captured) without the reducer's bookkeeping of turns and slots.
"""

import datetime as dt
from dataclasses import dataclass

from facilitator.agenda.model import Agenda, SegmentKind
from facilitator.session.items import Item
from facilitator.session.state import State
from facilitator.session.view import Airtime, airtime_of, group_time, planned_seconds


@dataclass(frozen=True)
class SegmentFacts:
    title: str
    kind: SegmentKind
    planned_seconds: float
    actual_seconds: float
    focus: str | None = None
    """For a hot seat: its presenter and what they bring (`Ben: moving into management`)."""


@dataclass(frozen=True)
class SessionFacts:
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


def facts_of(state: State, session_id: str, now: dt.datetime) -> SessionFacts:
    """What a state says happened, as of `now`."""
    discussed: dict[int, float] = {}
    for slots in state.runs.values():
        for slot in slots:
            if slot.topic is not None:
                discussed[slot.topic] = discussed.get(slot.topic, 0.0) + slot.total_spent
    return SessionFacts(
        session_id=session_id,
        agenda=state.agenda,
        now=now,
        started=state.started,
        ended=state.ended,
        last_event=state.last_wall,
        people=state.people(),
        absent=[name for name in state.people() if name in state.absent],
        items=list(state.items.values()),
        discussed=discussed,
        segments=[_segment(state, index) for index in range(len(state.agenda.segments))],
        airtime=airtime_of(state),
        interrupted_seconds=sum(gap.seconds for gap in state.interruptions),
        group_seconds=group_time(state),
        length_seconds=state.elapsed(state.last_pos) if state.ended is not None else None,
    )


def _segment(state: State, index: int) -> SegmentFacts:
    segment = state.agenda.segments[index]
    planned = planned_seconds(state, index)
    presenters = [state.agenda.find_participant(name) for name in segment.named_speakers]
    focus = "; ".join(f"{p.name}: {p.focus}" for p in presenters if p is not None and p.focus)
    return SegmentFacts(
        segment.heading, segment.KIND, planned, state.segment_spent(index), focus or None
    )
