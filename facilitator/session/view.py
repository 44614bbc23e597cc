"""What the session looks like at an instant: computed from timestamps, never from ticks."""

import datetime as dt
from typing import Literal, NamedTuple

from facilitator.agenda.model import Panel, SegmentKind
from facilitator.session.airtime import Airtime, airtime_of
from facilitator.session.goals import GoalLine, goal_line, with_goals
from facilitator.session.items import Item
from facilitator.session.schedule import Schedule, schedule_of
from facilitator.session.slots import Slot
from facilitator.session.state import State

TIME_UP_WINDOW = 5.0
"""Seconds after time runs out that a turn shows "time" before it counts as overtime."""

Urgency = Literal["ok", "wrap_up", "time_up", "overtime"]
QueueStatus = Literal["spoken", "speaking", "passed", "absent", "skipped", "waiting"]


class Turn(NamedTuple):
    """The current turn (or step, or topic) and its clock."""

    segment: int
    segment_title: str
    kind: SegmentKind
    panel: Panel
    """What the screen shows beside the countdown."""
    prompt: str | None
    speaker: str | None
    step_title: str | None
    step: int
    steps: int
    topic: str | None
    topic_id: int | None
    focus: str | None
    """What the speaker (or the hot seat's presenter) brings, from the agenda."""
    confidential: bool
    allotted: float
    elapsed: float
    remaining: float
    """Negative in overtime."""
    segment_left: float | None
    """In a time-boxed segment (topics), the time left in the whole box; negative past it."""
    segment_cap: float | None
    running: bool
    urgency: Urgency
    warning: int | None
    """The warning threshold (seconds left) last crossed, if any."""
    goal: GoalLine | None = None  # the speaker's (or presenter's) current goal in the series
    segment_focus: bool = False
    """Some turn of this segment has a focus: each of its turns keeps a focus line."""
    segment_goal: bool = False
    """Some turn of this segment has a current goal: each of its turns keeps a goal line."""

    @property
    def overtime(self) -> float:
        return max(0.0, -self.remaining)


class Upcoming(NamedTuple):
    """What `next` would move to."""

    segment_title: str
    speaker: str | None
    step_title: str | None
    topic: str | None = None


class QueueEntry(NamedTuple):
    name: str
    status: QueueStatus


class SegmentProgress(NamedTuple):
    """A segment as the progress strip shows it."""

    title: str
    planned: float
    spent: float
    status: Literal["done", "current", "to come"]


class SessionView(NamedTuple):
    turn: Turn
    upcoming: Upcoming | None
    queue: list[QueueEntry]
    not_spoken: list[str]
    airtime: list[Airtime]
    schedule: Schedule
    items: list[Item]
    """Newest first."""
    topics: list[Item]
    """The topics of the current segment, numbered from 1 in the order proposed."""
    discussed: frozenset[int]
    """The ids of the topics taken up for discussion so far."""
    vote_budget: int | None
    """Votes the group may give in all (votes_per_person for each voter), if limited."""
    ended: bool
    segment_count: int
    progress: list[SegmentProgress]

    @property
    def started(self) -> bool:
        return self.schedule.started is not None

    @property
    def today(self) -> dt.date:
        """The day by the session's clock: dates in it are said without their year."""
        return self.schedule.now.date()


def view(state: State, mono: float, now: dt.datetime) -> SessionView:
    """The session at one instant of the clocks."""
    live = state.timeline(mono) - state.running_since if state.running_since is not None else 0.0
    turn = _turn(state, live)
    return SessionView(
        turn=turn,
        upcoming=_upcoming(state),
        queue=_queue(state),
        not_spoken=_not_spoken(state),
        airtime=airtime_of(state, live),
        schedule=schedule_of(state, turn.remaining, live, now, state.elapsed(state.timeline(mono))),
        # Items are immutable and kept in the order captured: newest first is the reverse.
        items=list(reversed(state.items.values())),
        topics=state.topics(state.at.segment),
        discussed=frozenset(
            slot.topic for slot in state.slots_of(state.at.segment) if slot.topic is not None
        ),
        vote_budget=_vote_budget(state),
        ended=state.ended is not None,
        segment_count=len(state.agenda.segments),
        progress=_progress(state, live),
    )


def _turn(state: State, live: float) -> Turn:
    at = state.at
    segment = state.agenda.segments[at.segment]
    slot = state.slot
    allotted = slot.allotted(at.step)
    elapsed = slot.spent[at.step] + live
    remaining = allotted - elapsed
    cap = state.box_seconds(at.segment)
    box_left = None if cap is None else cap - state.segment_spent(at.segment, live)
    if box_left is not None and slot.topic is None:
        remaining = min(remaining, box_left)  # a time box with no topic running yet
    warnings = segment.turn_warnings(state.agenda.warnings)
    urgency, crossed = _urgency(remaining, [w for w in warnings if w < allotted])
    topic = state.items.get(slot.topic) if slot.topic is not None else None
    named = next(iter(segment.named_speakers), None)
    presenter = slot.speaker or named
    presenters = {turn.speaker or named for turn in state.slots_of(at.segment)} - {None}
    return Turn(
        segment=at.segment,
        segment_title=segment.heading,
        kind=segment.KIND,
        panel=segment.PANEL,
        prompt=segment.prompt,
        speaker=slot.speaker,
        step_title=segment.step_title(at.step),
        step=at.step,
        steps=len(slot.step_seconds),
        topic=topic.text if topic else None,
        topic_id=topic.id if topic else None,
        focus=_focus(state, presenter),
        confidential=segment.confidential,
        allotted=allotted,
        elapsed=elapsed,
        remaining=remaining,
        segment_left=box_left,
        segment_cap=cap,
        running=state.running,
        urgency=urgency,
        warning=crossed,
        goal=goal_line(state.items.values(), presenter),
        segment_focus=any(_focus(state, name) for name in presenters),
        segment_goal=not presenters.isdisjoint(with_goals(state.items.values())),
    )


def _progress(state: State, live: float) -> list[SegmentProgress]:
    at = state.at.segment
    return [
        SegmentProgress(
            segment.heading,
            planned_seconds(state, index),
            state.segment_spent(index, live),
            "current" if index == at else "done" if index in state.runs else "to come",
        )
        for index, segment in enumerate(state.agenda.segments)
    ]


def planned_seconds(state: State, index: int) -> float:
    """A segment's planned time: its box, or the turns of the people who take part."""
    cap = state.box_seconds(index)
    if cap is not None:
        return cap
    slots = state.slots_of(index)
    return float(
        sum(
            min(slot.total_allotted, slot.total_spent)  # they left: what they used was theirs
            if state.cut_short(index, number, slot)
            else slot.total_allotted
            for number, slot in enumerate(slots)
            if not slot.passed
        )
    )


def _focus(state: State, presenter: str | None) -> str | None:
    person = state.agenda.find_participant(presenter) if presenter else None
    return person.focus if person else None


def _vote_budget(state: State) -> int | None:
    each = state.segment.vote_allowance()
    if each is None:
        return None
    voters = [p for p in state.participants if p.role != "observer" and p.name not in state.absent]
    return each * len(voters)


def _urgency(remaining: float, warnings: list[int]) -> tuple[Urgency, int | None]:
    if remaining <= -TIME_UP_WINDOW:
        return "overtime", None
    if remaining <= 0:
        return "time_up", None
    crossed = [w for w in warnings if remaining <= w]
    if crossed:
        return "wrap_up", min(crossed)
    return "ok", None


def _upcoming(state: State) -> Upcoming | None:
    target = state.forward_target()
    if target is None:
        return None
    segment = state.agenda.segments[target.segment]
    slots = state.slots_of(target.segment)
    slot = slots[target.slot] if target.slot < len(slots) else None
    step = segment.step_title(target.step)
    topic_id = slot.topic if slot else state.upcoming_topic()
    topic = state.items[topic_id].text if topic_id in state.items else None
    return Upcoming(segment.heading, slot.speaker if slot else None, step, topic)


def _queue(state: State) -> list[QueueEntry]:
    if not state.segment.HAS_TURNS:
        return []
    return [
        QueueEntry(slot.speaker or "", _status(state, index, slot))
        for index, slot in enumerate(state.runs[state.at.segment])
    ]


def _status(state: State, index: int, slot: Slot) -> QueueStatus:
    if index == state.at.slot:
        return "speaking"
    if slot.passed:
        return "passed"
    if state.is_away(slot):  # gone, even if they had begun their turn
        return "absent"
    if index < state.at.slot:
        return "spoken" if slot.total_spent else "skipped"
    return "spoken" if slot.total_spent else "waiting"


def _not_spoken(state: State) -> list[str]:
    queue = _queue(state)
    spoke = {entry.name for entry in queue if entry.status in ("spoken", "speaking")}
    waiting = [entry.name for entry in queue if entry.status == "waiting"]
    return list(dict.fromkeys(name for name in waiting if name not in spoke))
