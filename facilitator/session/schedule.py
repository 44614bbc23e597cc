"""Ahead or behind: how the session stands against its plan, on its own clock."""

import datetime as dt
from typing import NamedTuple

from facilitator.session.slots import Slot
from facilitator.session.state import State

CATCH_UP_FLOOR_SECONDS = 15.0
"""No catch-up hint suggests a turn shorter than this (or a quarter of the planned turn)."""


class Schedule(NamedTuple):
    now: dt.datetime
    started: dt.datetime | None
    agenda_end: dt.datetime
    """When the agenda's own segment times end, counted from the first start."""
    planned_end: dt.datetime
    """When the session was promised to end (`planned`; the agenda's end without one)."""
    projected_end: dt.datetime
    behind: float
    """Seconds the projected end is after the agenda's end; negative when ahead. Measured
    against the agenda the group walks through, never against `planned`."""
    round_behind: float | None
    """In a round: how far the round itself is projected past its own turns' time."""
    catch_up_per_speaker: float | None
    """The turn length that would bring this round back to its own time, when it is behind."""
    overrun_at_floor: float | None
    """When no turn may be cut below a quarter of its plan (or 15 s): how far the round
    runs over even so; None when it can catch up."""
    planned_seconds: float
    """What the agenda's `planned` promises (or what its segments add up to)."""
    agenda_seconds: float
    """What the segments add up to."""

    @property
    def promise_differs(self) -> bool:
        """Whether `planned` promises another length than the segments add up to."""
        return round(self.planned_seconds / 60) != round(self.agenda_seconds / 60)


def schedule_of(
    state: State, turn_remaining: float, live: float, now: dt.datetime, elapsed: float
) -> Schedule:
    """Ahead or behind on the session's own clock; the wall clock only labels the ends, so
    a clock that jumps (NTP, a laptop waking) moves the labels, never the sums."""
    agenda_total = float(state.agenda.total_seconds)
    planned_total = float(state.agenda.planned or agenda_total)
    ahead_of_us = _time_still_needed(state, turn_remaining, live)
    round_behind = _round_behind(state, turn_remaining, live)
    catch_up, overrun = _catch_up(state, round_behind or 0.0)
    return Schedule(
        now=now,
        started=state.started,
        agenda_end=now + dt.timedelta(seconds=agenda_total - elapsed),
        planned_end=now + dt.timedelta(seconds=planned_total - elapsed),
        projected_end=now + dt.timedelta(seconds=ahead_of_us),
        behind=elapsed + ahead_of_us - agenda_total,
        round_behind=round_behind,
        catch_up_per_speaker=catch_up,
        overrun_at_floor=overrun,
        planned_seconds=planned_total,
        agenda_seconds=agenda_total,
    )


def _time_still_needed(state: State, turn_remaining: float, live: float) -> float:
    """Planned seconds from now to the end: this turn, this segment, the segments after."""
    at = state.at
    cap = state.box_seconds(at.segment)
    if cap is not None:  # the box, or the topic running past it
        topic_left = turn_remaining if state.slot.topic is not None else 0.0
        here = max(0.0, cap - state.segment_spent(at.segment, live), topic_left)
    else:
        here = _rest_of_segment(state, turn_remaining)
    later = sum(
        sum(slot.left_unspent for slot in state.slots_of(index) if not state.is_away(slot))
        for index in range(at.segment + 1, len(state.agenda.segments))
    )
    return here + later


def _rest_of_segment(state: State, turn_remaining: float) -> float:
    """Planned seconds left in this segment (without a time box): this turn, then the others."""
    slot = state.slot
    rest_of_turn = sum(
        max(0.0, slot.allotted(step) - slot.spent[step])
        for step in range(state.at.step + 1, len(slot.step_seconds))
    )
    later = sum(slot.left_unspent for slot in _later_slots(state))
    return max(0.0, turn_remaining) + rest_of_turn + later


def _round_behind(state: State, turn_remaining: float, live: float) -> float | None:
    """How far this round is projected past the time of its own turns (as the agenda gives
    them, without minutes added): the round's figures, whatever the rest of the session."""
    if not state.segment.HAS_TURNS or state.box_seconds(state.at.segment) is not None:
        return None
    slots = state.runs[state.at.segment]
    own = sum(
        sum(slot.step_seconds)
        for slot in slots
        if not slot.passed and (slot.total_spent or not state.is_away(slot))
    )
    spent = state.segment_spent(state.at.segment, live)
    return spent + _rest_of_segment(state, turn_remaining) - own


def _later_slots(state: State) -> list[Slot]:
    """The turns still to come in this segment, of people who are here."""
    slots = state.runs[state.at.segment][state.at.slot + 1 :]
    return [slot for slot in slots if not state.is_away(slot)]


def _catch_up(state: State, behind: float) -> tuple[float | None, float | None]:
    """The turn length that brings this round back to its time; or, when that would cut
    turns below a quarter of their plan (at least 15 s), how far it runs over even so."""
    if behind <= 0 or not state.segment.HAS_TURNS:
        return None, None
    later = _later_slots(state)
    if not later:
        return None, None
    needed = (sum(slot.left_unspent for slot in later) - behind) / len(later)
    floor = max(CATCH_UP_FLOOR_SECONDS, max(slot.total_allotted for slot in later) / 4)
    if needed >= floor:
        return needed, None
    can_cut = sum(max(0.0, slot.left_unspent - floor) for slot in later)
    return None, behind - can_cut
