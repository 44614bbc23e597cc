"""What the room may see of a session: the display, the served page and the presenter view
are drawn from a `RoomView` and nothing else. It is built here, once, so no widget can show
a private topic, a capture, or what a confidential segment holds."""

import datetime as dt
from typing import NamedTuple

from facilitator.session.items import Item
from facilitator.session.schedule import Schedule
from facilitator.session.state import State
from facilitator.session.view import SegmentProgress, Urgency, view

PRIVATE_TOPIC = "a private topic"
"""How the room is told that a topic is under way (or next) without being told what it is."""


class RoomClock(NamedTuple):
    """The turn's clock: all a countdown needs, nothing it does not."""

    allotted: float
    remaining: float
    """Negative in overtime."""
    running: bool
    urgency: Urgency
    segment_left: float | None
    segment_cap: float | None

    @property
    def overtime(self) -> float:
        return max(0.0, -self.remaining)


class RoomView(NamedTuple):
    """A session as the room sees it."""

    title: str
    segment: int
    segment_count: int
    segment_title: str
    confidential: bool
    """In a confidential segment the room sees its title and the clock, nothing more."""
    step_title: str | None
    step: int
    steps: int
    speaker: str | None
    focus: str | None
    segment_focus: bool
    """Some turn of this segment has a focus: each keeps its place for one."""
    topic: str | None
    next_up: str | None
    """Who (or which topic, or which segment) comes next."""
    clock: RoomClock
    started: bool
    ended: bool
    progress: list[SegmentProgress]
    schedule: Schedule


def shareable(state: State, item: Item) -> bool:
    """Whether the room may read an item: not marked private, not from a confidential
    segment."""
    if item.private:
        return False
    return item.segment is None or not state.agenda.segments[item.segment].confidential


def room_view(state: State, mono: float, now: dt.datetime, *, stopped: bool = False) -> RoomView:
    """The session at one instant, as the room may see it; `stopped` when its writer is
    gone, so no clock runs on."""
    shown = view(state, mono, now)
    turn = shown.turn
    clock = RoomClock(
        turn.allotted,
        turn.remaining,
        turn.running and not stopped,
        turn.urgency,
        turn.segment_left,
        turn.segment_cap,
    )
    open_ = not turn.confidential
    return RoomView(
        title=state.agenda.title,
        segment=turn.segment,
        segment_count=shown.segment_count,
        segment_title=turn.segment_title,
        confidential=turn.confidential,
        step_title=turn.step_title if open_ else None,
        step=turn.step,
        steps=turn.steps,
        speaker=turn.speaker if open_ else None,
        focus=turn.focus if open_ else None,
        segment_focus=turn.segment_focus and open_,
        topic=_topic_words(state, turn.topic_id) if open_ else None,
        next_up=_next_up(state) if open_ else None,
        clock=clock,
        started=shown.started,
        ended=shown.ended,
        progress=shown.progress,
        schedule=shown.schedule,
    )


def with_clock_stopped(room: RoomView) -> RoomView:
    """The same view with no clock running (its writer is gone)."""
    return room._replace(clock=room.clock._replace(running=False))


def _topic_words(state: State, topic: int | None) -> str | None:
    item = state.items.get(topic) if topic is not None else None
    if item is None:
        return None
    return item.text if shareable(state, item) else PRIVATE_TOPIC


def _next_up(state: State) -> str | None:
    target = state.forward_target()
    if target is None:
        return None
    segment = state.agenda.segments[target.segment]
    if segment.confidential and target.segment != state.at.segment:
        return segment.heading  # who presents there is theirs to say
    slots = state.slots_of(target.segment)
    slot = slots[target.slot] if target.slot < len(slots) else None
    if slot is not None and slot.speaker:
        return slot.speaker
    topic_id = slot.topic if slot and slot.topic is not None else state.upcoming_topic()
    if topic_id is not None and topic_id in state.items:
        return _topic_words(state, topic_id)
    return segment.step_title(target.step) or segment.heading
