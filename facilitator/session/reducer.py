"""The reducer: the session's state is a pure function of the agenda and its events.

It never raises: an event that makes no sense where it lands (a pass during a break, a
vote for a deleted topic) changes nothing, so any journal replays. Commands check first
and say why they refuse (see `guards.py`).
"""

from __future__ import annotations

import datetime as dt
from typing import Any, assert_never

from facilitator.agenda.model import Agenda, Participant
from facilitator.session import events as ev
from facilitator.session.goals import current_of
from facilitator.session.item_kinds import ITEM_KINDS
from facilitator.session.items import Item
from facilitator.session.slots import Slot, topic_slot
from facilitator.session.state import Interruption, Position, Reopening, State
from facilitator.session.values import FORMAT_VERSION, CarriedItem


def replay(
    agenda: Agenda,
    seed: int,
    events: list[ev.Event],
    carried: list[CarriedItem] | None = None,
    format: int = FORMAT_VERSION,
) -> State:
    """The state after a list of events: the same for a live session and its journal.

    An action taken back by an undo is left out, as if it had never happened; the time
    since it counts for the turn that was running before it."""
    taken_back, kept = _undone(events, format)
    state = State(agenda, seed, list(carried or []))
    for position, event in enumerate(events):
        if position not in taken_back:
            apply(state, event)
    state.undoable = kept
    return state


def _undone(events: list[ev.Event], format: int) -> tuple[set[int], list[int]]:
    """The positions of the actions undone, and of those an undo would take back next."""
    stack: list[int] = []
    undone: set[int] = set()
    for position, event in enumerate(events):
        if isinstance(event, ev.Undo):
            if stack:
                undone.add(stack.pop())
        elif event.UNDOABLE and (format >= 2 or isinstance(event, ev.Capture)):
            stack.append(position)
    return undone, stack


def apply(state: State, event: ev.Event) -> None:
    """Advance the state by one event."""
    pos = _place(state, event)
    if state.running_since is not None and state.ended is None:
        state.slot.spent[state.at.step] += pos - state.running_since
        state.running_since = pos
    match event:  # the most frequent kinds first: each case is a test of the event's class
        case ev.Capture():
            _capture(state, event)
        case ev.Checkpoint():
            pass  # the time up to it was counted above, like any event's
        case ev.Start():
            if state.ended is None and state.running_since is None:
                state.running_since = pos
                _mark_started(state, event, pos)
        case ev.Pause():
            state.running_since = None
        case ev.Next():
            _advance(state, event, pos)
        case ev.Back():
            _back(state, event, pos)
        case ev.Adjust():
            slot, step = state.slot, state.at.step
            slot.extra[step] = max(-slot.step_seconds[step], slot.extra[step] + event.seconds)
        case ev.Pass():
            _pass(state, event, pos)
        case ev.Absent():
            if state.has_spoken(event.name):
                state.left.add(event.name)
            state.absent[event.name] = state.at
            if state.slot.speaker == event.name:
                _next_turn(state, event, pos)
        case ev.Present():
            _present(state, event)
        case ev.Latecomer():
            _latecomer(state, event)
        case ev.Jump():
            _jump(state, event, pos)
        case ev.Edit():
            _edit(state, event)
        case ev.Delete():
            state.items.pop(event.item, None)
        case ev.Undo():
            pass  # `replay` leaves out what it undid
        case ev.MarkPrivate():
            _change_item(state, event.item, private=event.private)
        case ev.Vote():
            item = state.items.get(event.item)
            if item is not None and item.type == "topic":
                _change_item(state, item.id, votes=max(0, item.votes + event.delta))
        case ev.Extend():
            if state.slot.topic is not None:
                state.slot.extra[0] += state.segment.extension_seconds
        case ev.SetCarry():
            item = state.items.get(event.item)
            if item is not None and (item.carried_from or ITEM_KINDS[item.type].done_here):
                _change_item(state, item.id, carry=event.status)
        case ev.Reopen():
            if state.ended is not None:  # opened again after an end: not an interruption
                state.reopenings.append(Reopening(event.at, state.ended))
            elif state.last_wall is not None:  # resumed after a crash or a quit
                end = event.at
                if event.closed is not None:  # by the monotonic clock: no wall-clock jump
                    end = state.last_wall + dt.timedelta(seconds=event.closed)
                state.interruptions.append(
                    Interruption(state.last_wall, end, state.running, event.closed is None)
                )
            state.running_since = None
            state.ended = None
        case ev.End():
            state.running_since = None
            state.ended = state.ended or event.at
        case _:
            assert_never(event)
    state.last_pos = pos
    state.last_wall = event.at


def _place(state: State, event: ev.Event) -> float:
    if state.epoch is None or isinstance(event, ev.Reopen):
        state.epoch = (event.mono, state.last_pos)
    return state.timeline(event.mono)


def _advance(state: State, event: ev.Event, pos: float) -> None:
    target = state.forward_target()
    if target is not None and state.ended is None:
        topic = state.upcoming_topic()
        seconds = state.segment.topic_seconds
        if topic is not None and seconds is not None:
            state.runs[state.at.segment].append(topic_slot(seconds, topic))
        _go(state, target, event, pos)


def _back(state: State, event: ev.Event, pos: float) -> None:
    if state.ended is not None:
        return
    at = state.at
    if at.step > 0:
        _go(state, Position(at.segment, at.slot, at.step - 1), event, pos)
        return
    for segment in range(at.segment, -1, -1):
        start = at.slot - 1 if segment == at.segment else len(state.slots_of(segment)) - 1
        found = state.slot_from(segment, start, -1)
        if found is not None:
            last_step = len(state.slots_of(segment)[found].step_seconds) - 1
            _go(state, Position(segment, found, last_step), event, pos)
            return


def _go(state: State, target: Position, event: ev.Event, pos: float) -> None:
    if target.segment not in state.runs:
        state.runs[target.segment] = state.slots_of(target.segment)
    state.at = target
    state.running_since = pos
    _mark_started(state, event, pos)


def _mark_started(state: State, event: ev.Event, pos: float) -> None:
    if state.started is None:
        state.started, state.started_pos = event.at, pos


def _pass(state: State, event: ev.Pass, pos: float) -> None:
    if not state.can_pass():
        return
    slot = state.slot
    slot.passed = True
    again = Slot(slot.speaker, list(slot.step_seconds), second_chance=True)
    state.runs[state.at.segment].append(again)
    _next_turn(state, event, pos)


def _next_turn(state: State, event: ev.Event, pos: float) -> None:
    """On to the next turn, past whatever steps this one has left."""
    here = state.at
    state.at = Position(here.segment, here.slot, len(state.slot.step_seconds) - 1)
    if state.forward_target() is None:  # the last turn of all: stay where it was
        state.at = here
        return
    _advance(state, event, pos)


def _present(state: State, event: ev.Present) -> None:
    if event.name not in state.absent:
        return
    del state.absent[event.name]
    state.left.discard(event.name)
    slots = state.runs[state.at.segment]
    theirs = [i for i, slot in enumerate(slots) if slot.speaker == event.name]
    missed = bool(theirs) and all(i < state.at.slot and not slots[i].total_spent for i in theirs)
    if missed:
        slots.append(Slot(event.name, list(slots[theirs[0]].step_seconds)))


def _latecomer(state: State, event: ev.Latecomer) -> None:
    if any(p.name.casefold() == event.name.casefold() for p in state.participants):
        return
    state.participants.append(Participant(name=event.name, role=event.role))
    if event.role == "observer":
        return
    for index, slots in state.runs.items():
        segment = state.agenda.segments[index]
        if index >= state.at.segment and segment.takes_latecomers and slots:
            slots.append(Slot(event.name, list(slots[0].step_seconds)))


def _jump(state: State, event: ev.Jump, pos: float) -> None:
    if 0 <= event.segment < len(state.agenda.segments) and state.ended is None:
        first = state.first_slot(event.segment)
        if first is not None:
            _go(state, Position(event.segment, first, 0), event, pos)


def _capture(state: State, event: ev.Capture) -> None:
    drafted = _drafted(event.draft, state.segment.confidential)
    needs = ITEM_KINDS[event.draft.type].needs
    if needs is not None:  # progress on a goal: none without it, private when it is
        goal = current_of(state.items.values(), needs, event.draft.person)
        if goal is None:
            return
        drafted["private"] = drafted["private"] or goal.private
    item = Item(
        id=state.next_id,
        type=event.draft.type,
        segment=state.at.segment,
        at=event.at,
        **drafted,
    )
    state.items[item.id] = item
    state.next_id += 1


def _edit(state: State, event: ev.Edit) -> None:
    item = state.items.get(event.item)
    if item is None:
        return
    confidential = item.segment is not None and state.agenda.segments[item.segment].confidential
    _change_item(state, item.id, **_drafted(event.draft, confidential))


def _drafted(draft: ev.Draft, confidential: bool) -> dict[str, Any]:
    """What a draft says of an item (all but its type, which an edit keeps); in a
    confidential segment, it is private."""
    return {
        "text": draft.text,
        "person": draft.person,
        "person_known": draft.person_known,
        "also": draft.also,
        "guests": draft.guests,
        "urls": draft.urls,
        "due": draft.due,
        "private": draft.private or confidential,
    }


def _change_item(state: State, item: int, **changes: object) -> None:
    if item in state.items:
        state.items[item] = state.items[item]._replace(**changes)  # type: ignore[arg-type]
